namespace ChatSurvey.Bot.Dashboard.Auth;

/// <summary>The two roles, which are also the two authorization policies.</summary>
public static class StaffRoles
{
    /// <summary>Reads the dashboard and results, downloads exports, sees the promoters' leaderboard.</summary>
    public const string Staff = "staff";

    /// <summary>Everything staff do, plus creating promoters and deleting a person's data.</summary>
    public const string Admin = "admin";

    public static bool IsKnown(string? role) => role is Staff or Admin;
}
