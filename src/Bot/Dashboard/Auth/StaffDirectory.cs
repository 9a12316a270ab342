using System.Security.Cryptography;

namespace ChatSurvey.Bot.Dashboard.Auth;

/// <summary>
/// Who can sign in: the users of Staff:Users and of the staff file (the file's entry wins for a name in both, so `staff
/// add` can change a password set in the environment). The file is checked at startup (a broken one stops it) and
/// re-read when it changes; a change that does not parse keeps the users read before, with an error in the log. In
/// Development with nobody configured, a local admin with a random password (printed at startup) lets a developer in.
/// </summary>
public sealed partial class StaffDirectory
{
    public const string DevelopmentAdmin = "admin";

    private readonly IReadOnlyList<StaffUser> _configured;
    private readonly StaffFile _file;
    private readonly ILogger<StaffDirectory> _logger;
    private readonly Lock _gate = new();
    private (DateTime, long)? _stamp;
    private IReadOnlyList<StaffUser> _fromFile;

    // Hashed on the first sign-in, not at startup: 100,000 PBKDF2 iterations on every start of a local bot add up.
    private readonly Lazy<StaffUser>? _developmentAdmin;

    public StaffDirectory(IReadOnlyList<StaffUser> configured, StaffFile file, bool development, ILogger<StaffDirectory> logger)
    {
        _configured = configured;
        _file = file;
        _logger = logger;
        _stamp = file.Stamp();
        _fromFile = file.Read();
        if (development && configured.Count == 0 && _fromFile.Count == 0)
        {
            DevelopmentPassword = NewPassword();
            _developmentAdmin = new(() => new StaffUser { Name = DevelopmentAdmin, Role = StaffRoles.Admin, PasswordHash = StaffPasswords.Hash(DevelopmentPassword) });
        }
    }

    /// <summary>The local admin's password for this run, when there is one (Development, nobody configured).</summary>
    public string? DevelopmentPassword { get; }

    public string FilePath => _file.Path;

    /// <summary>True when at least one account can sign in.</summary>
    public bool Anyone => _developmentAdmin is not null || _configured.Count > 0 || FileUsers().Count > 0;

    public StaffUser? Find(string name)
    {
        var key = StaffPasswords.NormalizeName(name);
        var match = FileUsers().FirstOrDefault(u => StaffPasswords.NormalizeName(u.Name) == key) ??
            _configured.FirstOrDefault(u => StaffPasswords.NormalizeName(u.Name) == key);
        return match ?? (_developmentAdmin is not null && key == DevelopmentAdmin ? _developmentAdmin.Value : null);
    }

    private IReadOnlyList<StaffUser> FileUsers()
    {
        var stamp = _file.Stamp();
        lock (_gate)
        {
            if (stamp == _stamp)
            {
                return _fromFile;
            }

            try
            {
                _fromFile = _file.Read();
                _stamp = stamp;
                LogReloaded(_logger, _file.Path, _fromFile.Count);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException)
            {
                LogUnreadable(_logger, e, _file.Path);
            }

            return _fromFile;
        }
    }

    /// <summary>20 characters from an alphabet without look-alikes (no 0/O, 1/l/I): about 110 bits.</summary>
    private static string NewPassword() => RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff file {Path} re-read: {Count} users")]
    private static partial void LogReloaded(ILogger logger, string path, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Staff file {Path} changed but cannot be read; the users read before stay in force")]
    private static partial void LogUnreadable(ILogger logger, Exception exception, string path);
}
