using ChatSurvey.Domain.Events;

namespace ChatSurvey.Load;

/// <summary>
/// Response number i of a synthetic million, derived from i alone (no list held in memory): random-looking ids and
/// pseudonyms like the store's hashes, completion times a few seconds apart in roughly insertion order (as the outbox
/// writes them) with ties, and the script's answer values.
/// </summary>
internal sealed class SyntheticResponses(CompletedResponse shape)
{
    private static readonly string[] Channels = ["web", "telegram", "whatsapp", "sms"];
    private static readonly string?[] Promoters = [null, null, null, null, null, null, null, "radio_ixtlan", "dif_tuxtepec", "mercado_juarez"];

    public IReadOnlyList<AnswerValue> Values => shape.Values;

    public string SurveyId => shape.SurveyId;

    public string SurveyVersion => shape.SurveyVersion;

    public static Row For(long i)
    {
        var a = Mix((ulong)i);
        var b = Mix(a);
        var c = Mix(b);
        var d = Mix(c);
        // Whole seconds, so both databases store exactly the same instants and order ties the same way (by id).
        var completed = OutboxTraffic.Epoch.AddSeconds((i * 4) + (long)(d % 20));
        return new Row(
            $"{a:x16}{b:x16}",
            $"{c:x16}{d:x16}",
            Channels[d % (ulong)Channels.Length],
            Promoters[c % (ulong)Promoters.Length],
            d % 10 == 0 ? "en" : "es",
            completed.AddSeconds(-(300 + (long)(a % 1200))),
            completed);
    }

    /// <summary>SplitMix64: cheap, well-spread, deterministic.</summary>
    internal static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EB;
        return x ^ (x >> 31);
    }

    public readonly record struct Row(string Id, string Respondent, string Channel, string? Promoter, string Language, DateTimeOffset StartedAt, DateTimeOffset CompletedAt);
}
