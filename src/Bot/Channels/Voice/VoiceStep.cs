using System.Globalization;

namespace ChatSurvey.Bot.Channels.Voice;

/// <summary>
/// Where a call stands between two of Twilio's requests, carried in the query of the Gather's action URL, which Twilio
/// requests and signs as given: the server keeps nothing per call. <see cref="Sequence"/> numbers the steps of one call,
/// so CallSid + sequence is the message id of an answer: Twilio retrying a callback is a redelivery, the next answer is
/// not. Values out of range are not ours (and could not be signed without the auth token): they read as a fresh step.
/// <code>/webhooks/twilio/voice?n=7&amp;a=1&amp;p=2&amp;s=1.3&amp;c=1</code>
/// </summary>
/// <param name="Sequence">The step's number in the call; the call's first request has none and is step 0.</param>
/// <param name="Attempts">How many times the current prompt was asked again after silence or an answer not understood.</param>
/// <param name="Page">Which page of a long list of options is being heard.</param>
/// <param name="Selection">Multiple choice: the values picked on earlier pages, joined by '.'.</param>
/// <param name="Confirming">The step asks whether a spoken answer was heard right.</param>
public sealed record VoiceStep(int Sequence, int Attempts = 0, int Page = 0, string Selection = "", bool Confirming = false)
{
    private const int MaxSequence = 1_000_000;
    private const int MaxPage = 100;
    private const int MaxSelection = 128;

    /// <summary>The step a callback's query names, or null for a call's first request (no "n").</summary>
    public static VoiceStep? Parse(IQueryCollection query)
    {
        if (!Number(query["n"], MaxSequence, out var sequence))
        {
            return null;
        }

        var selection = query["s"].ToString();
        return new VoiceStep(
            sequence,
            Number(query["a"], VoiceTurns.MaxReasks, out var attempts) ? attempts : 0,
            Number(query["p"], MaxPage, out var page) ? page : 0,
            selection.Length <= MaxSelection && selection.All(c => char.IsAsciiDigit(c) || c == '.') ? selection : "",
            query["c"] == "1");
    }

    /// <summary>The step after this one, with nothing carried over unless said.</summary>
    public VoiceStep Next(int attempts = 0, int page = 0, string selection = "", bool confirming = false) =>
        new(Sequence + 1, attempts, page, selection, confirming);

    public string ToQuery()
    {
        var query = "n=" + Sequence.ToString(CultureInfo.InvariantCulture);
        query += Attempts > 0 ? "&a=" + Attempts.ToString(CultureInfo.InvariantCulture) : "";
        query += Page > 0 ? "&p=" + Page.ToString(CultureInfo.InvariantCulture) : "";
        query += Selection.Length > 0 ? "&s=" + Selection : "";
        return query + (Confirming ? "&c=1" : "");
    }

    private static bool Number(string? text, int max, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= max;
}
