using StackExchange.Redis;

namespace ChatSurvey.Bot.Conversations;

/// <summary>
/// When the state store cannot be reached, a request gets 503 with Retry-After instead of a 500: the platforms (and
/// the chat page) retry later, and since a turn is committed atomically or not at all, nothing is half-written.
/// </summary>
public sealed class StoreUnavailableMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (e is RedisConnectionException or RedisTimeoutException && !context.Response.HasStarted)
        {
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "5";
            await context.Response.WriteAsJsonAsync(new { error = "state store unavailable, retry later" });
        }
    }
}
