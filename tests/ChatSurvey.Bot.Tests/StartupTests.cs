using ChatSurvey.Bot.Tests.Infrastructure;
using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Bot.Tests;

public sealed class StartupTests
{
    [Fact]
    public async Task Start_BrokenSurveyFile_FailsNamingFilePathAndFault()
    {
        var file = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.json");
        var survey = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "surveys", "gobierno-abierto-2022.json"));
        await File.WriteAllTextAsync(file, survey.Replace("\"kind\": \"grid\"", "\"kind\": \"matrix\"", StringComparison.Ordinal));
        try
        {
            var error = await Assert.ThrowsAsync<SurveyDefinitionException>(() => BotHost.StartAsync(new Dictionary<string, string?> { ["Survey:Path"] = file }));
            Assert.Equal(file, error.Source);
            Assert.Equal("$.questions[5].kind", error.Path);
            Assert.Contains("unknown kind 'matrix'", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Start_MissingSurveyFile_FailsNamingTheFile()
    {
        var error = await Assert.ThrowsAsync<SurveyDefinitionException>(() => BotHost.StartAsync(new Dictionary<string, string?> { ["Survey:Path"] = "/nonexistent/survey.json" }));
        Assert.Contains("/nonexistent/survey.json", error.Message, StringComparison.Ordinal);
    }
}
