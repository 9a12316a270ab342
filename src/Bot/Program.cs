using ChatSurvey.Bot;

var builder = WebApplication.CreateBuilder(args);
builder.AddChatSurvey();

var app = builder.Build();
if (args is ["migrate"])
{
    // `ChatSurvey.Bot migrate`: apply the domain store's schema migrations and exit (they also run at startup).
    await app.MigrateDomainStoreAsync();
    return;
}

app.MapChatSurvey();
app.Run();

/// <summary>Visible to the test project, which hosts the app on a loopback port.</summary>
public partial class Program;
