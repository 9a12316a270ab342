using Microsoft.Extensions.Options;

namespace ChatSurvey.Bot.Dashboard.Auth;

/// <summary>A wrong role or an unreadable hash stops startup, rather than surfacing as "wrong password" later.</summary>
public sealed class StaffOptionsValidator : IValidateOptions<StaffOptions>
{
    public ValidateOptionsResult Validate(string? name, StaffOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.Users.Count; i++)
        {
            var user = options.Users[i];
            if (string.IsNullOrWhiteSpace(user.Name))
            {
                failures.Add($"Staff:Users:{i}:Name is empty.");
            }

            if (!StaffRoles.IsKnown(user.Role))
            {
                failures.Add($"Staff:Users:{i}:Role must be '{StaffRoles.Staff}' or '{StaffRoles.Admin}'.");
            }

            if (!StaffPasswords.IsWellFormed(user.PasswordHash))
            {
                failures.Add($"Staff:Users:{i}:PasswordHash is not a hash made by `ChatSurvey.Bot hash-password`.");
            }
        }

        var duplicates = options.Users.GroupBy(u => StaffPasswords.NormalizeName(u.Name)).Where(g => g.Count() > 1).Select(g => g.Key);
        failures.AddRange(duplicates.Select(d => $"Staff:Users has the name '{d}' more than once."));
        if (options.MaxFailedSignIns < 1 || options.SignInsPerMinute < 1 || options.LockoutTime <= TimeSpan.Zero)
        {
            failures.Add("Staff:MaxFailedSignIns, Staff:SignInsPerMinute and Staff:LockoutTime must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
