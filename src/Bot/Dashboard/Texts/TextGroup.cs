namespace ChatSurvey.Bot.Dashboard.Texts;

/// <summary>
/// Identical texts of one field (the same words, whatever the case, accents or spacing), shown once: the text as most
/// people wrote it (phone-like numbers already hidden), how many wrote it, when the latest of them started, and its
/// review mark (<see cref="TextReviews"/>), if any.
/// </summary>
public sealed record TextGroup(string Text, string Hash, long Count, DateTimeOffset Latest, string? Review);
