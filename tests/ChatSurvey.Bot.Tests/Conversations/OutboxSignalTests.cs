using ChatSurvey.Bot.Conversations;

namespace ChatSurvey.Bot.Tests.Conversations;

public sealed class OutboxSignalTests
{
    [Fact]
    public async Task Notify_TwoBuckets_WakesOnceAndNamesBoth()
    {
        using var signal = new OutboxSignal();
        signal.Notify(3);
        signal.Notify(40);
        signal.Notify(3);

        Assert.True(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));
        Assert.Equal([3, 40], signal.TakeBuckets(64));
        Assert.Empty(signal.TakeBuckets(64));
        Assert.False(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public void Notify_MoreBucketsThanMarks_MarkCoversEveryBucketSharingIt()
    {
        using var signal = new OutboxSignal();
        signal.Notify(OutboxSignal.Marks + 5);

        Assert.Equal([5, OutboxSignal.Marks + 5], signal.TakeBuckets(2 * OutboxSignal.Marks));
    }
}
