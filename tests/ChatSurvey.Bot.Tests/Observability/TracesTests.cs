using System.Collections.Concurrent;
using System.Diagnostics;
using ChatSurvey.Bot.Observability;
using ChatSurvey.Bot.Tests.Infrastructure;
using ChatSurvey.Bot.Tests.WebChat;

namespace ChatSurvey.Bot.Tests.Observability;

public sealed class TracesTests
{
    [Fact]
    public async Task Turn_RecordsASpanWithChannelAndOutcome_WithoutPersonalData()
    {
        // What an OTLP exporter would receive: the spans of the ChatSurvey source, as an in-process listener sees them.
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ChatSurveyTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var host = await BotHost.StartAsync();
        var chat = new WebChatClient(host.Client);
        await chat.Send("/start");
        await chat.Send("si");

        // Other tests' hosts may record turns in this process too: at least ours, each one complete.
        var turns = spans.Where(s => s.OperationName == "turn" && (string?)s.GetTagItem("chatsurvey.channel") == "web").ToList();
        Assert.True(turns.Count >= 2, $"{turns.Count} web turn spans");
        Assert.All(turns, t => Assert.IsType<bool>(t.GetTagItem("chatsurvey.duplicate")));
        var tagValues = spans.SelectMany(s => s.TagObjects).Select(t => Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToList();
        Assert.DoesNotContain(tagValues, v => v.Contains(chat.Conversation, StringComparison.Ordinal) || v == "si");
    }
}
