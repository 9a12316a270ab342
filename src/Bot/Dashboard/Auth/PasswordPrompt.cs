using System.Text;

namespace ChatSurvey.Bot.Dashboard.Auth;

/// <summary>Reads a password for the command-line tools: without echo at a terminal, one line from redirected input.</summary>
public static class PasswordPrompt
{
    public const int MinimumLength = 10;

    /// <returns>The password, or null at the end of the input.</returns>
    public static string? Read(TextReader input, TextWriter error, bool fromTerminal, string prompt)
    {
        if (!fromTerminal)
        {
            return input.ReadLine();
        }

        error.Write(prompt);
        var password = ReadHidden();
        error.WriteLine();
        return password;
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
