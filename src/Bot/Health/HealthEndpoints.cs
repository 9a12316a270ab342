using ChatSurvey.Bot.Conversations;
using ChatSurvey.Bot.Storage;

namespace ChatSurvey.Bot.Health;

/// <summary>
/// /healthz: the process is alive. /readyz: the state store answers, so conversations can go on (503 otherwise).
/// The domain store being away does not make the bot unready: the outbox keeps what it cannot write yet, and
/// /readyz reports that backlog (entries and the age of the oldest) so operators see the lag. Dead letters make it
/// "degraded", still 200: the bot converses, but some entries wait for staff instead of being in the domain store.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Ok(new { status = "alive" }));
        app.MapGet("/readyz", async (IConversationStore state, SqlResponseStore responses, DeadLetterStore deadLetters, IOutbox outbox, CancellationToken cancellationToken) =>
        {
            var stateReady = await state.IsReadyAsync(cancellationToken);
            var storeReady = await responses.IsReadyAsync(cancellationToken);
            var lag = stateReady ? await outbox.LagAsync(cancellationToken) : null;
            var waiting = storeReady ? await deadLetters.CountAsync(cancellationToken) : null;
            var body = new
            {
                status = !stateReady ? "not ready" : waiting > 0 ? "degraded" : "ready",
                state = stateReady,
                store = storeReady,
                outbox = lag is null ? null : new { entries = lag.Entries, oldestSeconds = lag.OldestAge.TotalSeconds },
                deadLetters = waiting,
            };
            return stateReady ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }
}
