using System.Globalization;
using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Dashboard.Filters;

/// <summary>
/// What the staff asked to see: a channel, a promoter, and a range of days (both ends included, in
/// <see cref="DashboardOptions.UtcOffset"/>). A conversation belongs to the day it started, on every page and in every
/// export, so the numbers of one range agree everywhere. A channel or promoter that does not parse is ignored; dates
/// that do not parse, or a range whose first day comes after its last, are refused (<see cref="Problem"/>), never shown
/// as a range with nobody in it.
/// </summary>
public sealed record DashboardFilter(string? Channel, string? Promoter, DateOnly? From, DateOnly? To)
{
    public static readonly DashboardFilter All = new(null, null, null, null);

    /// <summary>The channels conversations arrive on (ConversationKey.Channel).</summary>
    public static readonly IReadOnlyList<string> Channels = ["web", "telegram", "whatsapp", "sms", "voice"];

    /// <summary>
    /// The channel filter's value for all channels with a phone number or an account behind each person, as opposed to
    /// the open web chat, where a person is whatever a browser says. Phone calls belong here: a call without the caller's
    /// number is not taken.
    /// </summary>
    public const string Messaging = "messaging";

    public static readonly IReadOnlyList<string> MessagingChannels = ["telegram", "whatsapp", "sms", "voice"];

    /// <summary>The survey version the responses and events were given on ("2022.1"), or null for every version.</summary>
    public string? Version { get; init; }

    /// <summary>Why the filter cannot be applied (dates that do not parse, a range the wrong way round), in words for staff; null when it can.</summary>
    public string? Problem { get; init; }

    public static DashboardFilter Parse(IQueryCollection query)
    {
        var (fromText, toText) = (query["from"].ToString(), query["to"].ToString());
        var (from, to) = (Day(fromText), Day(toText));
        return new(
            query["channel"].ToString() is var channel && (Channels.Contains(channel) || channel == Messaging) ? channel : null,
            query["promoter"].ToString() is var promoter && PromoterCode.IsValid(promoter) ? promoter : null,
            from,
            to)
        {
            Version = query["version"].ToString() is { Length: > 0 and <= 32 } version && version.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_') ? version : null,
            Problem = (fromText.Length > 0 && from is null, toText.Length > 0 && to is null) switch
            {
                (true, _) => "La fecha «Iniciadas desde» no es una fecha válida (se escribe AAAA-MM-DD).",
                (_, true) => "La fecha «hasta» no es una fecha válida (se escribe AAAA-MM-DD).",
                _ when from > to => $"El periodo está al revés: «desde» ({Html.Format.Date(from!.Value)}) es posterior a «hasta» ({Html.Format.Date(to!.Value)}). Corrige las fechas.",
                _ => null,
            },
        };
    }

    public bool IsEmpty => this == All;

    /// <summary>The channels the filter selects, or null for all.</summary>
    public IReadOnlyList<string>? ChannelSet => Channel switch
    {
        null => null,
        Messaging => MessagingChannels,
        var one => [one],
    };

    /// <summary>The first instant of the range, or null for "since the beginning".</summary>
    public DateTimeOffset? Start(TimeSpan offset) => From is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), offset) : null;

    /// <summary>The first instant after the range (the day after <see cref="To"/>), or null for "until now".</summary>
    public DateTimeOffset? End(TimeSpan offset) => To is { } day ? new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), offset) : null;

    /// <summary>The filter as a query string ("?channel=web&amp;from=2026-11-01"), for links that keep it.</summary>
    public string Query(params (string Name, string? Value)[] extra)
    {
        (string Name, string? Value)[] pairs =
        [
            ("channel", Channel), ("promoter", Promoter), ("version", Version),
            ("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            .. extra,
        ];
        var parts = pairs.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
