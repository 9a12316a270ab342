using ChatSurvey.Bot.Tests.Infrastructure;
using ChatSurvey.Bot.Tests.WebChat;

namespace ChatSurvey.Bot.Tests.Observability;

public sealed class MetricsTests
{
    [Fact]
    public async Task Metrics_AfterTurns_CountTurnsRejectionsAndLatencyWithoutPersonalData()
    {
        await using var host = await BotHost.StartAsync();
        var chat = new WebChatClient(host.Client);
        await chat.Send("/start");
        await chat.Send("si");
        await chat.Send("tal vez");

        var metrics = await Eventually.Get(() => host.Client.GetStringAsync("/metrics"), m => m.Contains("chatsurvey_turns_total", StringComparison.Ordinal), "the turn counter on /metrics");
        Assert.Contains("channel=\"web\",outcome=\"committed\"} 3", metrics, StringComparison.Ordinal);
        Assert.Contains("question=\"q1\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("chatsurvey_turn_duration_milliseconds_bucket", metrics, StringComparison.Ordinal);
        Assert.Contains("chatsurvey_sender_queue", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain(chat.Conversation, metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("tal vez", metrics, StringComparison.Ordinal);
    }
}
