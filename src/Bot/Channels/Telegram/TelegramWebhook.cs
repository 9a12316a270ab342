using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace ChatSurvey.Bot.Channels.Telegram;

/// <summary>
/// POST /webhooks/telegram: Telegram's updates. Forgeries are rejected before anything else is read; the turn is
/// committed within the request and its replies are sent afterwards by the dispatcher, so the answer is quick and a
/// redelivery (same update_id) changes nothing. A body that is not JSON gets 400; JSON the library cannot read gets
/// 200 and is counted as ignored.
/// </summary>
public static class TelegramWebhook
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>Real updates are a few kilobytes; anything this big did not come from Telegram.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static async Task<Results<Ok, BadRequest, StatusCodeHttpResult>> ReceiveAsync(
        HttpRequest request, IOptions<TelegramOptions> options, TelegramUpdateHandler handler, TelegramMetrics metrics, CancellationToken cancellationToken)
    {
        if (!SecretMatches(request.Headers[SecretHeader], options.Value.WebhookSecret))
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        // Read straight from the body (pooled buffers, no copy); past MaxBodyBytes the server stops it and
        // BodyLimitMiddleware answers 413, so that exception must pass through.
        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(request.Body, JsonBotAPI.Options, cancellationToken);
        }
        catch (JsonException)
        {
            update = null;
        }
#pragma warning disable CA1031 // Whatever else the library's converters throw on a value they cannot take.
        catch (Exception e) when (e is not OperationCanceledException and not BadHttpRequestException)
#pragma warning restore CA1031
        {
            // Valid JSON with a value out of range (a date past 9999, say), from someone who knows the secret: 200, so
            // that Telegram does not retry it forever with the bot's later updates waiting behind it.
            metrics.Ignored($"unreadable update ({e.GetType().Name})");
            return TypedResults.Ok();
        }

        if (update is null)
        {
            return TypedResults.BadRequest();
        }

        await handler.HandleAsync(update, cancellationToken);
        return TypedResults.Ok();
    }

    /// <summary>Constant time, so the secret cannot be guessed byte by byte from response times.</summary>
    private static bool SecretMatches(StringValues header, string? secret) =>
        header.Count == 1 && secret is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[0] ?? ""), Encoding.UTF8.GetBytes(secret));
}
