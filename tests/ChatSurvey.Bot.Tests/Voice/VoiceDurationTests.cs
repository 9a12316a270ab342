using System.Globalization;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace ChatSurvey.Bot.Tests.Voice;

/// <summary>
/// The whole survey by keypad, recorded through the real host: the words spoken per question and the minutes the call
/// takes (<see cref="VoiceDuration"/>), which must stay under the product's 10 minutes for a person who presses a key
/// once they have heard their option. The figures it prints are the ones in bench/README.md, "Voice: minutes per survey".
/// </summary>
public sealed partial class VoiceDurationTests(ITestOutputHelper output)
{
    /// <summary>The product's goal for a whole survey by phone.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task WholeSurvey_ByKeypad_UnderTenMinutes()
    {
        await using var bot = await VoiceBot.StartAsync();
        var phone = new VoicePhone(bot, "+529511270001");
        await phone.CallAsync();
        await KeypadSurvey.PlayAsync(phone, KeypadSurvey.Steps);

        var part = "aviso";
        var parts = new List<(string Part, int Words, TimeSpan Whole, TimeSpan BargeIn)>();
        string? finishOnKey = null;
        for (var i = 0; i < phone.Heard.Count; i++)
        {
            var (did, heard) = phone.Heard[i];
            var next = i + 1 < phone.Heard.Count ? phone.Heard[i + 1].Did : null;
            part = Header().Match(heard.Said) is { Success: true } m ? "q" + m.Groups[1].Value : heard.Said.StartsWith("Ya respondiste todas", StringComparison.Ordinal) ? "resumen" : part;
            var answering = VoiceDuration.Answering(did, finishOnKey);
            parts.Add((part, VoiceDuration.Words(heard.Said),
                answering + VoiceDuration.Speaking(VoiceDuration.WordsHeard(heard, next, bargeIn: false)),
                answering + VoiceDuration.Speaking(VoiceDuration.WordsHeard(heard, next, bargeIn: true))));
            finishOnKey = heard.Attribute("finishOnKey");
            output.WriteLine($"said\t{part}\t{did}\t{heard.Said}");
        }

        output.WriteLine($"{"part",-8} {"words",6} {"s whole",8} {"s barge",8}");
        foreach (var group in parts.GroupBy(p => p.Part))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{group.Key,-8} {group.Sum(p => p.Words),6} {Sum(group, p => p.Whole).TotalSeconds,8:F0} {Sum(group, p => p.BargeIn).TotalSeconds,8:F0}"));
        }

        var whole = Sum(parts, p => p.Whole);
        var bargeIn = Sum(parts, p => p.BargeIn);
        var keys = KeypadSurvey.Steps.Count(s => !s.StartsWith("say:", StringComparison.Ordinal));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total: {parts.Sum(p => p.Words)} words spoken by the bot in {phone.Heard.Count} TwiML answers, {keys} key entries, {KeypadSurvey.Steps.Count - keys} spoken answers"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"every prompt heard to its end: {whole.TotalMinutes:F1} minutes; a key pressed once the option is heard: {bargeIn.TotalMinutes:F1} minutes (billed {Math.Ceiling(bargeIn.TotalMinutes)})"));
        Assert.True(bargeIn < Budget, $"the whole survey by phone takes {bargeIn.TotalMinutes:F1} minutes; the goal is under {Budget.TotalMinutes}");
    }

    private static TimeSpan Sum<T>(IEnumerable<T> items, Func<T, TimeSpan> time) => items.Aggregate(TimeSpan.Zero, (sum, item) => sum + time(item));

    [GeneratedRegex(@"Pregunta (\d+) de \d+")]
    private static partial Regex Header();
}
