namespace ChatSurvey.Bot.Dashboard.Auth;

/// <summary>One staff account, from configuration: Staff:Users:&lt;n&gt;:Name, PasswordHash, Role.</summary>
public sealed class StaffUser
{
    public string Name { get; set; } = "";

    /// <summary>Made by `ChatSurvey.Bot hash-password` (ASP.NET Core Identity's PBKDF2 format, see <see cref="StaffPasswords"/>).</summary>
    public string PasswordHash { get; set; } = "";

    /// <summary><see cref="StaffRoles.Staff"/> (read and export) or <see cref="StaffRoles.Admin"/> (also promoters and deletions).</summary>
    public string Role { get; set; } = StaffRoles.Staff;
}
