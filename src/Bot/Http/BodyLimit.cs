namespace ChatSurvey.Bot.Http;

/// <summary>
/// Endpoint metadata: the largest request body the endpoint reads, and the one media type it reads when it names one.
/// <see cref="BodyLimitMiddleware"/> answers 413 (or 415) before any of the body is parsed.
/// </summary>
public sealed record BodyLimit(long MaxBytes, string? MediaType = null);
