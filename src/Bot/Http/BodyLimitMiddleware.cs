using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace ChatSurvey.Bot.Http;

/// <summary>
/// Applies <see cref="BodyLimit"/>: a declared length over the limit gets 413 at once, a body that turns out longer
/// (chunked) is cut off by the server at the limit, and a wrong media type gets 415. Whatever the server or a form
/// reader then refuses as malformed (<see cref="BadHttpRequestException"/>, <see cref="InvalidDataException"/>) is
/// the client's fault and answered as such, never as a 500.
/// </summary>
public sealed class BodyLimitMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>() is { } limit)
        {
            var request = context.Request;
            if (request.ContentLength > limit.MaxBytes)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            if (limit.MediaType is { } expected && !(MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals(expected, StringComparison.OrdinalIgnoreCase)))
            {
                context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = limit.MaxBytes;
            }
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            context.Response.StatusCode = e.StatusCode;
        }
        catch (InvalidDataException) when (!context.Response.HasStarted)
        {
            // A form with too many fields or a value past the form reader's limits.
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }
}
