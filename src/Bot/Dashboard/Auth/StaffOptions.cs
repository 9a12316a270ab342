namespace ChatSurvey.Bot.Dashboard.Auth;

/// <summary>Configuration section "Staff": the accounts and the sign-in limits; checked at start by <see cref="StaffOptionsValidator"/>.</summary>
public sealed class StaffOptions
{
    public const string Section = "Staff";

    public List<StaffUser> Users { get; set; } = [];

    /// <summary>Wrong passwords for one name within <see cref="LockoutTime"/> before that name is locked for <see cref="LockoutTime"/>.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    public TimeSpan LockoutTime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in attempts one IP address may make per minute, whatever the names (stops spraying many names).</summary>
    public int SignInsPerMinute { get; set; } = 10;

    /// <summary>
    /// The staff file that `ChatSurvey.Bot staff add` writes and the bot reads besides <see cref="Users"/> (re-read when
    /// it changes, so a user added to a running bot can sign in at once). Relative paths are taken from the working
    /// folder, like the SQLite file. A missing file means no users from it.
    /// </summary>
    public string File { get; set; } = "staff.json";

    /// <summary>
    /// Where the keys that encrypt sign-in cookies are kept. Unset: ASP.NET Core's default per-user folder. Several
    /// instances behind one address must share a folder, or a cookie made by one is refused by the others.
    /// </summary>
    public string? KeysPath { get; set; }
}
