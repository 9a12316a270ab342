namespace ChatSurvey.Bot.Dashboard.Auth;

/// <summary>
/// `ChatSurvey.Bot hash-password`: reads a password from standard input (without echo at a terminal) and prints its
/// hash for Staff:Users:&lt;n&gt;:PasswordHash. The password never appears in the shell history or the configuration.
/// </summary>
public static class HashPasswordCommand
{
    /// <returns>The process exit code.</returns>
    public static int Run(TextReader input, TextWriter output, TextWriter error, bool fromTerminal)
    {
        var password = PasswordPrompt.Read(input, error, fromTerminal, "Password: ");
        if (password is null || password.Length < PasswordPrompt.MinimumLength)
        {
            error.WriteLine($"A password of at least {PasswordPrompt.MinimumLength} characters is needed (one line on standard input).");
            return 1;
        }

        output.WriteLine(StaffPasswords.Hash(password));
        return 0;
    }
}
