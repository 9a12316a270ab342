using ChatSurvey.Bot.Channels;
using ChatSurvey.Bot.Conversations;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatSurvey.Bot.Tests.Infrastructure;

/// <summary>
/// One bot process's turn pipeline over a store, wired as the host wires it: the conversation service, its delivery
/// queue, the real dispatcher sending through <paramref name="sender"/> (when given) and the sweeper.
/// </summary>
public sealed class BotPipeline : IAsyncDisposable
{
    private readonly ReplyDispatcher? _dispatcher;

    private BotPipeline(IConversationStore store, ISweepSource? sweep, IChannelSender? sender, Pseudonymizer pseudonyms, ConversationSchedule schedule, TimeProvider time)
    {
        Service = new ConversationService(new Bot.Surveys.SurveyCatalog(TestSurvey.Compiled), store, pseudonyms, schedule, NoPromoters.Gate, Deliveries, time);
        IChannelSender[] senders = sender is null ? [] : [sender];
        if (sender is not null)
        {
            _dispatcher = new ReplyDispatcher(Deliveries, senders, Service, time, NullLogger<ReplyDispatcher>.Instance);
        }

        if (sweep is not null)
        {
            Sweeper = new ConversationSweeper(sweep, Service, senders, new SweeperOptions(), time, NullLogger<ConversationSweeper>.Instance);
        }
    }

    public Deliveries Deliveries { get; } = new();

    /// <param name="sender">Where replies go; without one, they are queued and never sent (a process about to crash).</param>
    public static async Task<BotPipeline> StartAsync(
        IConversationStore store, ISweepSource? sweep, IChannelSender? sender, Pseudonymizer pseudonyms, ConversationSchedule schedule, TimeProvider time)
    {
        var pipeline = new BotPipeline(store, sweep, sender, pseudonyms, schedule, time);
        if (pipeline._dispatcher is { } dispatcher)
        {
            await dispatcher.StartAsync(CancellationToken.None);
        }

        return pipeline;
    }

    public ConversationService Service { get; }

    public ConversationSweeper? Sweeper { get; }

    /// <summary>Waits until this process has nothing left to send (every delivery sent and recorded).</summary>
    public Task IdleAsync() => Eventually.Get(() => Task.FromResult(Deliveries.Unfinished), n => n == 0, "the deliveries to be sent");

    public async ValueTask DisposeAsync()
    {
        if (_dispatcher is not null)
        {
            await _dispatcher.StopAsync(CancellationToken.None);
            _dispatcher.Dispose();
        }
    }
}
