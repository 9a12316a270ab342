using Microsoft.Extensions.Options;

namespace ChatSurvey.Bot.Dashboard.Auth;

/// <summary>A wrong role or an unreadable hash stops startup, rather than surfacing as "wrong password" later.</summary>
public sealed class StaffOptionsValidator : IValidateOptions<StaffOptions>
{
    public ValidateOptionsResult Validate(string? name, StaffOptions options)
    {
        var failures = Problems(options.Users, "Staff:Users");
        if (options.MaxFailedSignIns < 1 || options.SignInsPerMinute < 1 || options.LockoutTime <= TimeSpan.Zero)
        {
            failures.Add("Staff:MaxFailedSignIns, Staff:SignInsPerMinute and Staff:LockoutTime must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>What is wrong with a list of users, each named as <paramref name="where"/>:&lt;n&gt;:Key (configuration or the staff file).</summary>
    public static List<string> Problems(IReadOnlyList<StaffUser> users, string where)
    {
        var failures = new List<string>();
        for (var i = 0; i < users.Count; i++)
        {
            var user = users[i];
            if (string.IsNullOrWhiteSpace(user.Name))
            {
                failures.Add($"{where}:{i}:Name is empty.");
            }

            if (!StaffRoles.IsKnown(user.Role))
            {
                failures.Add($"{where}:{i}:Role must be '{StaffRoles.Staff}' or '{StaffRoles.Admin}'.");
            }

            if (!StaffPasswords.IsWellFormed(user.PasswordHash))
            {
                failures.Add($"{where}:{i}:PasswordHash is not a hash made by `ChatSurvey.Bot hash-password` or `staff add`.");
            }
        }

        var duplicates = users.GroupBy(u => StaffPasswords.NormalizeName(u.Name)).Where(g => g.Count() > 1).Select(g => g.Key);
        failures.AddRange(duplicates.Select(d => $"{where} has the name '{d}' more than once."));
        return failures;
    }
}
