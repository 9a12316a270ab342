using ChatSurvey.Bot;
using ChatSurvey.Bot.Dashboard.Auth;
using ChatSurvey.Bot.Health;

if (args is ["hash-password"])
{
    // `ChatSurvey.Bot hash-password`: a password on standard input, its hash for Staff:Users:<n>:PasswordHash out.
    return HashPasswordCommand.Run(Console.In, Console.Out, Console.Error, fromTerminal: !Console.IsInputRedirected);
}

if (args is ["survey", .. var survey])
{
    // `ChatSurvey.Bot survey import|export|check`: XLSForm in and out, and a check of a survey file.
    return ChatSurvey.Bot.Surveys.SurveyCommand.Run(survey, Console.Out, Console.Error);
}

if (args is ["staff", .. var staffArgs])
{
    // `ChatSurvey.Bot staff add NAME --role admin`: the staff file, so a first sign-in takes one command (see README).
    return StaffCommand.Run(staffArgs, StaffCommand.ConfiguredFile(), Console.In, Console.Out, Console.Error, fromTerminal: !Console.IsInputRedirected);
}

if (args is ["health"])
{
    // `ChatSurvey.Bot health`: exit 0 when the bot in this container answers /readyz (compose's health check).
    return await HealthCommand.RunAsync(Environment.GetEnvironmentVariable("URLS") ?? Environment.GetEnvironmentVariable("ASPNETCORE_URLS"), Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddChatSurvey();

var app = builder.Build();
if (args is ["migrate"])
{
    // `ChatSurvey.Bot migrate`: apply the domain store's schema migrations and exit (they also run at startup).
    await app.MigrateDomainStoreAsync();
    return 0;
}

app.MapChatSurvey();
app.Run();
return 0;

/// <summary>Visible to the test project, which hosts the app on a loopback port.</summary>
public partial class Program;
