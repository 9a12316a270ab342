namespace ChatSurvey.Bot.Channels.Twilio;

/// <summary>
/// Sends the Twilio library's requests for https://*.twilio.com to <c>Twilio:ApiBaseUrl</c> instead, keeping path and
/// query: the real library, its request encoding and its error parsing, talking to a fake API on loopback.
/// </summary>
/// <remarks>Its inner handler is the client factory's (or, outside the factory, set <see cref="DelegatingHandler.InnerHandler"/>).</remarks>
public sealed class TwilioApiRedirectHandler(Uri apiBase) : DelegatingHandler
{
    private readonly string _base = apiBase.GetLeftPart(UriPartial.Path).TrimEnd('/');

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && uri.Host.EndsWith("twilio.com", StringComparison.OrdinalIgnoreCase))
        {
            request.RequestUri = new Uri(_base + uri.PathAndQuery);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
