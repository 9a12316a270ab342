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
    // A send that takes longer is abandoned and left pending; the sweeper sends it again.
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(20);
    private readonly System.Net.Http.HttpClient _http;
    private readonly TokenBucketRateLimiter _limiter;

    public TwilioApi(IOptions<TwilioOptions> options)
    {
        var settings = options.Value;
        _http = string.IsNullOrEmpty(settings.ApiBaseUrl)
            ? new System.Net.Http.HttpClient()
            : new System.Net.Http.HttpClient(new TwilioApiRedirectHandler(new Uri(settings.ApiBaseUrl)));
        _http.Timeout = RequestTimeout;
        Client = new TwilioRestClient(settings.AccountSid, settings.AuthToken, settings.AccountSid, region: null, new SystemNetHttpClient(_http), edge: null);
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

    public void Dispose()
    {
        _limiter.Dispose();
        _http.Dispose();
    }
}
