using System.Globalization;

namespace ChatSurvey.Load;

/// <summary>
/// What `ChatSurvey.Load webhooks` runs. Respondents who answer without pause are run once per channel set: Twilio's
/// send rate is capped at 1,000 messages/s by the bot's options (Twilio:MessagesPerSecond, Twilio's own account
/// limit), which a no-pause WhatsApp run reaches, so Telegram alone shows what the bot itself can do. Pausing
/// respondents (far below that cap) and the soak mix the channels.
/// </summary>
internal sealed record WebhookSettings(
    IReadOnlyList<int> Sizes,
    IReadOnlyList<(int Min, int Max)> Pauses,
    IReadOnlyList<IReadOnlyList<Channel>> ChannelSets,
    IReadOnlyList<Channel> PausedChannels,
    int SoakRespondents,
    TimeSpan SoakDuration,
    IReadOnlyList<string> BotEnvironment,
    string Output,
    bool Strict,
    string Store,
    TimeSpan Idle)
{
    /// <summary>
    /// --sizes 50,200,1000 --pauses 0,2000-4000 --channels "telegram;whatsapp;telegram,whatsapp" (sets, for no pause)
    /// --paused-channels telegram,whatsapp --soak-minutes 10 --soak-respondents 200 --bot-env K=V (repeatable)
    /// --out file --lenient (no waiting for a quiet machine, no reruns) --store postgres|sqlite (the bot's domain store;
    /// sqlite is the embedded default, written in the bot's process) --idle-seconds 60 (the bot's CPU with nobody writing).
    /// </summary>
    public static WebhookSettings Parse(string[] args)
    {
        string Option(string name, string fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        }

        static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);
        static IReadOnlyList<Channel> Channels(string text) => [.. text.Split(',').Select(c => Enum.Parse<Channel>(c, ignoreCase: true))];
        return new WebhookSettings(
            [.. Option("--sizes", "50,200,1000").Split(',').Select(Number)],
            [.. Option("--pauses", "0,2000-4000").Split(',').Select(p => p.Split('-')).Select(p => (Number(p[0]), Number(p[^1])))],
            [.. Option("--channels", "telegram;whatsapp;telegram,whatsapp").Split(';').Select(Channels)],
            Channels(Option("--paused-channels", "telegram,whatsapp")),
            Number(Option("--soak-respondents", "200")),
            TimeSpan.FromMinutes(double.Parse(Option("--soak-minutes", "10"), CultureInfo.InvariantCulture)),
            [.. args.Select((arg, i) => (arg, i)).Where(a => a.arg == "--bot-env" && a.i + 1 < args.Length).Select(a => args[a.i + 1])],
            Option("--out", "webhooks-results.json"),
            !args.Contains("--lenient"),
            Option("--store", "postgres"),
            TimeSpan.FromSeconds(Number(Option("--idle-seconds", "60"))));
    }

    /// <summary>The scenarios of one size, in the order they run.</summary>
    public IEnumerable<Scenario> ScenariosOf(int size)
    {
        foreach (var (min, max) in Pauses)
        {
            foreach (var channels in max > 0 ? [PausedChannels] : ChannelSets)
            {
                yield return new Scenario(size, min, max, channels, max > 0 ? 1 : (1000 + size - 1) / size);
            }
        }
    }
}
