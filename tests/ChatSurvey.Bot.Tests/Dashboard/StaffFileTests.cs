using System.Net;
using System.Text.RegularExpressions;
using ChatSurvey.Bot.Dashboard.Auth;
using ChatSurvey.Bot.Tests.Infrastructure;

namespace ChatSurvey.Bot.Tests.Dashboard;

/// <summary>The first sign-in in one step: `staff add` writes the staff file, the bot reads it (and re-reads it).</summary>
public sealed partial class StaffFileTests : IDisposable
{
    private const string Password = "una contraseña muy larga";
    private readonly string _folder = Directory.CreateTempSubdirectory("chatsurvey-staff-").FullName;

    private string FilePath => Path.Combine(_folder, "staff.json");

    [Fact]
    public async Task StaffAdd_ThenBotStartsWithTheFile_AdminSignsIn()
    {
        var (exit, output) = await RunBotCommand(["staff", "add", "Ana", "--role", "admin"], $"{Password}\n{Password}\n");
        Assert.True(exit == 0, output);
        Assert.Contains("Added Ana (admin)", output, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(FilePath));
        }
        Assert.DoesNotContain(Password, await File.ReadAllTextAsync(FilePath), StringComparison.Ordinal);

        await using var host = await BotHost.StartAsync(new Dictionary<string, string?> { ["Staff:File"] = FilePath });
        using var client = new StaffClient(host);
        using var signIn = await client.SignInAsync("ana", Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("Borrar los datos de una persona", await client.GetStringAsync("/staff/admin/delete"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffAdd_WhileTheBotRuns_SignsInWithoutRestart()
    {
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?> { ["Staff:File"] = FilePath });
        using var client = new StaffClient(host);
        using var before = await client.SignInAsync("eva", Password);
        Assert.Equal(HttpStatusCode.Unauthorized, before.StatusCode);

        Assert.Equal(0, Add("eva", "staff", $"{Password}\n{Password}\n", out _));
        using var after = await client.SignInAsync("eva", Password);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public void StaffAdd_PasswordsDiffer_NothingWritten()
    {
        Assert.Equal(1, Add("ana", "admin", $"{Password}\notra contraseña larga\n", out var error));
        Assert.Contains("differ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(FilePath));
    }

    [Fact]
    public void StaffAdd_ShortPassword_Refused()
    {
        Assert.Equal(1, Add("ana", "admin", "corta\ncorta\n", out var error));
        Assert.Contains("at least 10", error, StringComparison.Ordinal);
        Assert.False(File.Exists(FilePath));
    }

    [Fact]
    public void StaffAdd_ExistingNameAnyCase_ReplacesPasswordAndRole_RemoveDeletes()
    {
        Assert.Equal(0, Add("ana", "admin", $"{Password}\n{Password}\n", out _));
        Assert.Equal(0, Add("ANA", "staff", "otra contraseña larga\notra contraseña larga\n", out _));
        var user = Assert.Single(new StaffFile(FilePath).Read());
        Assert.Equal(("ANA", "staff"), (user.Name, user.Role));
        Assert.True(StaffPasswords.Verify(user.PasswordHash, "otra contraseña larga"));

        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, StaffCommand.Run(["remove", "ana"], new StaffFile(FilePath), TextReader.Null, output, error, fromTerminal: false));
        Assert.Empty(new StaffFile(FilePath).Read());
    }

    [Theory]
    [InlineData("add")]
    [InlineData("add ana --role root")]
    [InlineData("add ana --admin")]
    [InlineData("delete ana")]
    public void Staff_UnknownArguments_PrintsUsage(string arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(2, StaffCommand.Run(arguments.Split(' '), new StaffFile(FilePath), TextReader.Null, output, error, fromTerminal: false));
        Assert.Contains("staff add NAME [--role staff|admin]", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_BrokenStaffFile_StopsNamingTheFile()
    {
        await File.WriteAllTextAsync(FilePath, """{"users": [{"name": "ana", "role": "admin", "passwordHash": "plaintext"}]}""");
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => BotHost.StartAsync(new Dictionary<string, string?> { ["Staff:File"] = FilePath }));
        Assert.Contains(FilePath, failure.Message, StringComparison.Ordinal);
        Assert.Contains("PasswordHash", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInPage_NobodyCanSignIn_SaysHowToCreateTheFirstAccount()
    {
        await using var host = await BotHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Staff:File"] = FilePath,
                ["Dashboard:PublicBaseUrl"] = "https://encuesta.example.org",
                ["Proxy:KnownProxies:0"] = "127.0.0.1",
            },
            "Production");
        // As Caddy passes it on: production cookies are Secure, so the page is served over https only.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/staff/login");
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await host.Client.SendAsync(request);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("nadie puede entrar", page, StringComparison.Ordinal);
        Assert.Contains("docker compose run --rm --no-deps bot staff add NOMBRE --role admin", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInPage_SomeoneCanSignIn_NoNotice()
    {
        await using var host = await BotHost.StartAsync(StaffAccounts.Settings());
        Assert.DoesNotContain("nadie puede entrar", await host.Client.GetStringAsync(new Uri("/staff/login", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_NobodyConfigured_PrintsALocalAdminPasswordThatSignsIn()
    {
        await using var bot = new BotProcess(new Dictionary<string, string>
        {
            ["STAFF__FILE"] = FilePath,
            ["CONNECTIONSTRINGS__CHATSURVEY"] = $"Data Source={Path.Combine(_folder, "chatsurvey.db")}",
        });
        await bot.StartAsync();
        var printed = await Eventually.Get(() => Task.FromResult(DevelopmentPassword().Match(bot.RecentOutput)), m => m.Success, "the printed password");

        using var client = new StaffClient(bot.BaseAddress);
        using var wrong = await client.SignInAsync(StaffDirectory.DevelopmentAdmin, "no es la contraseña");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        using var right = await client.SignInAsync(StaffDirectory.DevelopmentAdmin, printed.Groups[1].Value);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.False(File.Exists(FilePath), "the local admin lives for this run only: nothing written");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private int Add(string name, string role, string typed, out string error)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = StaffCommand.Run(["add", name, "--role", role], new StaffFile(FilePath), new StringReader(typed), output, errors, fromTerminal: false);
        error = errors.ToString();
        return exit;
    }

    /// <summary>`dotnet ChatSurvey.Bot.dll …` as an operator runs it, with this test's staff file in the environment.</summary>
    private Task<(int Exit, string Output)> RunBotCommand(string[] arguments, string input) =>
        CommandLine.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "ChatSurvey.Bot.dll"), .. arguments], AppContext.BaseDirectory, new Dictionary<string, string?> { ["STAFF__FILE"] = FilePath }, input);

    [GeneratedRegex("as 'admin' with the password ([A-Za-z0-9]{20})")]
    private static partial Regex DevelopmentPassword();
}
