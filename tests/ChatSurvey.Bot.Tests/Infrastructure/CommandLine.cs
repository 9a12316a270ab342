using System.Diagnostics;

namespace ChatSurvey.Bot.Tests.Infrastructure;

/// <summary>A command run to its end as an operator would: arguments, environment, what is typed; its exit code and output.</summary>
public static class CommandLine
{
    /// <param name="environment">Set (a value) or removed (null) on top of this process's environment.</param>
    public static async Task<(int Exit, string Output)> RunAsync(
        string program, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?> environment, string input = "")
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{program} is missing: ./scripts/test installs what the tests need (as root).", e);
        }

        using (process)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await output + await error);
        }
    }
}
