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

        var metrics = await Eventually.Get(() => host.Client.GetStringAsync("/metrics"), m => PrometheusText.Value(m, "chatsurvey_turns_total", "channel=\"web\",outcome=\"committed\"") >= 3, "the turn counter on /metrics");
        // Other tests' hosts may share the process's meters, so counts are at least ours, not exactly ours.
        Assert.True(PrometheusText.Value(metrics, "chatsurvey_turns_total", "channel=\"web\",outcome=\"committed\"") >= 3, metrics);
        Assert.True(PrometheusText.Value(metrics, "chatsurvey_answers_rejected_total", "question=\"q1\"") >= 1, metrics);
        Assert.Contains("chatsurvey_turn_duration_milliseconds_bucket", metrics, StringComparison.Ordinal);
        Assert.Contains("chatsurvey_sender_queue", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain(chat.Conversation, metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("tal vez", metrics, StringComparison.Ordinal);
    }
}
