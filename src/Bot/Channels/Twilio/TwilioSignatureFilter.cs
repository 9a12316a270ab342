using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Twilio.Security;

namespace ChatSurvey.Bot.Channels.Twilio;

/// <summary>
/// Runs before every Twilio webhook: a request without a valid X-Twilio-Signature gets 403 and is not processed.
/// The signed URL is rebuilt as Twilio:PublicBaseUrl + the request target exactly as it arrived (path and query byte for
/// byte, so "It%27s" stays "It%27s"); the host, scheme and port the app sees, and any X-Forwarded-* header, play no
/// part, so a TLS-terminating proxy works and a forged forwarded header changes nothing.
/// </summary>
public sealed class TwilioSignatureFilter(IOptions<TwilioOptions> options, TwilioTelemetry telemetry) : IEndpointFilter
{
    public const string Header = "X-Twilio-Signature";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!await IsAuthenticAsync(http))
        {
            telemetry.Rejected(http.Request.Path);
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        return await next(context);
    }

    private async Task<bool> IsAuthenticAsync(HttpContext http)
    {
        var request = http.Request;
        var signature = request.Headers[Header];
        if (signature.Count != 1 || string.IsNullOrEmpty(signature[0]) || !request.HasFormContentType)
        {
            return false;
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(http.RequestAborted);
        }
        catch (InvalidDataException)
        {
            return false;
        }

        // Twilio's messaging webhooks never repeat a key. The C# validator takes one value per key, so a repeated key
        // (which other Twilio libraries sign as sorted, de-duplicated values) could only be checked by flattening it
        // into something Twilio did not sign: such a request cannot be verified and is refused.
        if (form.Any(field => field.Value.Count != 1))
        {
            return false;
        }

        var parameters = form.ToDictionary(field => field.Key, field => field.Value.ToString(), StringComparer.Ordinal);
        // A new validator per request: it holds one HMAC instance, which is not safe to share between threads.
        return new RequestValidator(options.Value.AuthToken).Validate(SignedUrl(http), parameters, signature[0]);
    }

    /// <summary>The URL Twilio called: the configured public base plus the request target as received.</summary>
    public string SignedUrl(HttpContext http)
    {
        var target = http.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target) || target[0] != '/')
        {
            target = http.Request.Path.ToUriComponent() + http.Request.QueryString.ToUriComponent();
        }

        return options.Value.PublicBase + target;
    }
}
