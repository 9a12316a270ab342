using ChatSurvey.Bot;

var builder = WebApplication.CreateBuilder(args);
builder.AddChatSurvey();

var app = builder.Build();
app.MapChatSurvey();
app.Run();

/// <summary>Visible to the test project, which hosts the app on a loopback port.</summary>
public partial class Program;
