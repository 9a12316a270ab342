using Microsoft.AspNetCore.Identity;

namespace ChatSurvey.Bot.Dashboard.Auth;

/// <summary>
/// Password hashes in ASP.NET Core Identity's format (shared framework, no package): base64 of a version byte 0x01,
/// the PRF (HMAC-SHA512), the iteration count (100,000), the salt length, a 16-byte random salt and the 32-byte
/// PBKDF2 subkey. A well-known, reviewed format beats a home-made one.
/// </summary>
public static class StaffPasswords
{
    private static readonly PasswordHasher<StaffUser> Hasher = new();
    private static readonly StaffUser Nobody = new();

    // Names that match no account are checked against this, so a wrong name costs the same time as a wrong password.
    private static readonly string Decoy = Hash(Guid.NewGuid().ToString("N"));

    public static string Hash(string password) => Hasher.HashPassword(Nobody, password);

    public static bool Verify(string? hash, string password)
    {
        try
        {
            return Hasher.VerifyHashedPassword(Nobody, hash ?? Decoy, password) != PasswordVerificationResult.Failed;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>True for the version-3 format <see cref="Hash"/> writes.</summary>
    public static bool IsWellFormed(string? hash)
    {
        var bytes = new byte[128];
        return hash is not null && Convert.TryFromBase64String(hash, bytes, out var length) && length > 13 && bytes[0] == 0x01;
    }

    /// <summary>Names compare without case or surrounding spaces, for sign-in and for the lockout counter alike.</summary>
    public static string NormalizeName(string? name)
    {
        var trimmed = (name ?? "").Trim().ToLowerInvariant();
        return trimmed.Length > 100 ? trimmed[..100] : trimmed;
    }
}
