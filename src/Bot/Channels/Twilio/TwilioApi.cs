using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Http;

namespace ChatSurvey.Bot.Channels.Twilio;

/// <summary>
/// What the WhatsApp and SMS senders share: one REST client (one connection pool, one account) and one rate limit,
/// since Twilio counts messages per account and sender, not per channel of ours.
/// </summary>
public sealed class TwilioApi : IDisposable
{
    public const string HttpClientName = "twilio";

    /// <summary>A send that takes longer, retries included, is abandoned and left pending; the sweeper sends it again.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(20);

    private readonly TokenBucketRateLimiter _limiter;

    /// <param name="http">From the client factory: <see cref="SendResilience"/> and, in tests, the redirect to a fake API.</param>
    public TwilioApi(IOptions<TwilioOptions> options, IHttpClientFactory http)
    {
        var settings = options.Value;
        Client = new TwilioRestClient(settings.AccountSid, settings.AuthToken, settings.AccountSid, region: null, new SystemNetHttpClient(http.CreateClient(HttpClientName)), edge: null);
        _limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = settings.MessagesPerSecond,
            TokensPerPeriod = settings.MessagesPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 100_000,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    public ITwilioRestClient Client { get; }

    /// <summary>Waits for the right to make one API call; throws when the queue is full (the reply stays pending).</summary>
    public async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        using var lease = await _limiter.AcquireAsync(1, cancellationToken);
        if (!lease.IsAcquired)
        {
            throw new InvalidOperationException("Too many Twilio messages queued; the replies stay pending and are sent again later.");
        }
    }

    public void Dispose() => _limiter.Dispose();
}
