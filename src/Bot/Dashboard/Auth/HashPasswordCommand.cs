using System.Text;

namespace ChatSurvey.Bot.Dashboard.Auth;

/// <summary>
/// `ChatSurvey.Bot hash-password`: reads a password from standard input (without echo at a terminal) and prints its
/// hash for Staff:Users:&lt;n&gt;:PasswordHash. The password never appears in the shell history or the configuration.
/// </summary>
public static class HashPasswordCommand
{
    public const int MinimumLength = 10;

    /// <returns>The process exit code.</returns>
    public static int Run(TextReader input, TextWriter output, TextWriter error, bool fromTerminal)
    {
        if (fromTerminal)
        {
            error.Write("Password: ");
        }

        var password = fromTerminal ? ReadHidden() : input.ReadLine();
        if (fromTerminal)
        {
            error.WriteLine();
        }

        if (password is null || password.Length < MinimumLength)
        {
            error.WriteLine($"A password of at least {MinimumLength} characters is needed (one line on standard input).");
            return 1;
        }

        output.WriteLine(StaffPasswords.Hash(password));
        return 0;
    }

    private static string ReadHidden()
    {
        var password = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                return password.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                password.Length = Math.Max(0, password.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
    }
}
