namespace ChatSurvey.Bot.Dashboard.Auth;

/// <summary>
/// `ChatSurvey.Bot staff add NAME [--role staff|admin]` (asks the password twice), `staff remove NAME`, `staff list`:
/// the staff file (Staff:File) by hand, so a first sign-in needs one command and no restart (the bot re-reads the file).
/// </summary>
public static class StaffCommand
{
    public const string Usage = """
        Usage:
          ChatSurvey.Bot staff add NAME [--role staff|admin]   add NAME, or give NAME a new password and role (asks the password twice)
          ChatSurvey.Bot staff remove NAME
          ChatSurvey.Bot staff list
        The file is Staff:File (STAFF__FILE), staff.json in the working folder by default.
        """;

    /// <summary>The staff file as the bot would find it: the same configuration sources (appsettings.json, environment).</summary>
    public static StaffFile ConfiguredFile()
    {
        var configuration = WebApplication.CreateBuilder().Configuration;
        return new StaffFile((configuration.GetSection(StaffOptions.Section).Get<StaffOptions>() ?? new StaffOptions()).File);
    }

    /// <returns>The process exit code.</returns>
    public static int Run(string[] args, StaffFile file, TextReader input, TextWriter output, TextWriter error, bool fromTerminal)
    {
        try
        {
            switch (args)
            {
                case ["add", var name, .. var rest] when Role(rest) is { } role:
                    return Add(file, name.Trim(), role, input, output, error, fromTerminal);
                case ["remove", var name]:
                    return Remove(file, name, output, error);
                case ["list"]:
                    foreach (var user in file.Read())
                    {
                        output.WriteLine($"{user.Name}\t{user.Role}");
                    }

                    return 0;
                default:
                    error.WriteLine(Usage);
                    return 2;
            }
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine(e.Message);
            return 1;
        }
    }

    private static int Add(StaffFile file, string name, string role, TextReader input, TextWriter output, TextWriter error, bool fromTerminal)
    {
        if (name.Length is 0 or > 100 || name.Any(char.IsControl))
        {
            error.WriteLine("NAME must be 1 to 100 characters, without control characters.");
            return 2;
        }

        var users = file.Read().ToList();
        var password = PasswordPrompt.Read(input, error, fromTerminal, $"Password for {name}: ");
        if (password is null || password.Length < PasswordPrompt.MinimumLength)
        {
            error.WriteLine($"A password of at least {PasswordPrompt.MinimumLength} characters is needed.");
            return 1;
        }

        if (PasswordPrompt.Read(input, error, fromTerminal, "The same password again: ") != password)
        {
            error.WriteLine("The two passwords differ; nothing was changed.");
            return 1;
        }

        var replaced = users.RemoveAll(u => SameName(u, name)) > 0;
        users.Add(new StaffUser { Name = name, Role = role, PasswordHash = StaffPasswords.Hash(password) });
        file.Write(users);
        output.WriteLine($"{(replaced ? "Updated" : "Added")} {name} ({role}) in {file.Path}. Sign in at /staff; a running bot needs no restart.");
        return 0;
    }

    private static int Remove(StaffFile file, string name, TextWriter output, TextWriter error)
    {
        var users = file.Read().ToList();
        if (users.RemoveAll(u => SameName(u, name)) == 0)
        {
            error.WriteLine($"{name} is not in {file.Path}.");
            return 1;
        }

        file.Write(users);
        output.WriteLine($"Removed {name} from {file.Path}.");
        return 0;
    }

    /// <summary>"--role admin" or nothing (staff); null for anything else, which prints the usage.</summary>
    private static string? Role(string[] rest) => rest switch
    {
        [] => StaffRoles.Staff,
        ["--role", var role] when StaffRoles.IsKnown(role) => role,
        _ => null,
    };

    private static bool SameName(StaffUser user, string name) => StaffPasswords.NormalizeName(user.Name) == StaffPasswords.NormalizeName(name);
}
