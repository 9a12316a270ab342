using ChatSurvey.Bot.Conversations;
using ChatSurvey.Bot.Storage;

namespace ChatSurvey.Bot.Health;

/// <summary>/healthz: the process is alive. /readyz: the state store and the domain store answer.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Ok(new { status = "alive" }));
        app.MapGet("/readyz", async (IConversationStore state, IResponseStore responses, CancellationToken cancellationToken) =>
        {
            var stateReady = await state.IsReadyAsync(cancellationToken);
            var storeReady = await responses.IsReadyAsync(cancellationToken);
            var body = new { status = stateReady && storeReady ? "ready" : "not ready", state = stateReady, store = storeReady };
            return stateReady && storeReady ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }
}
