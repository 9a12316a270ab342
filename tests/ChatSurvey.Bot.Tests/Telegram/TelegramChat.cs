using System.Net;

namespace ChatSurvey.Bot.Tests.Telegram;

/// <summary>One person in a private chat with the bot: types, presses buttons, and waits for what the bot says.</summary>
public sealed class TelegramChat(TelegramTestBot bot, long id)
{
    public long Id => id;

    public IReadOnlyList<SentMessage> Messages => bot.Api.Sent(id);

    /// <summary>The callback_query ids of every button pressed, which the bot must all answer.</summary>
    public List<string> PressedCallbacks { get; } = [];

    public async Task Post(string update)
    {
        using var response = await bot.PostAsync(update);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public Task Type(string text) => Post(TelegramUpdates.Text(TelegramTestBot.NextUpdateId(), id, text));

    /// <summary>Types <paramref name="text"/> and waits for a reply containing <paramref name="expect"/>.</summary>
    public async Task<SentMessage> Type(string text, string expect)
    {
        var before = Messages.Count;
        await Type(text);
        return await WaitFor(before, expect);
    }

    /// <summary>Presses the button of the latest keyboard whose text is <paramref name="button"/> (or uniquely starts with it).</summary>
    public Task<SentMessage> Press(string button, string expect) => PressOn(Messages.Last(m => m.Keyboard is not null), button, expect);

    public async Task<SentMessage> PressOn(SentMessage message, string button, string expect)
    {
        var before = Messages.Count;
        await Post(Pressing(message, button));
        return await WaitFor(before, expect);
    }

    /// <summary>Presses a multiple-choice toggle and waits until its ✓ mark shows (the keyboard is edited in place).</summary>
    public async Task Toggle(string button)
    {
        var message = Messages.Last(m => m.Keyboard is not null);
        var label = Find(message, button).Text;
        await Post(Pressing(message, button));
        await bot.Api.WaitAsync(
            api => api.Sent(id).Single(m => m.MessageId == message.MessageId).Buttons.Any(b => b.Text == "✓ " + label) ? message : null,
            $"the ✓ mark on '{label}'");
    }

    /// <summary>The callback_query update Telegram sends when <paramref name="button"/> of <paramref name="message"/> is pressed.</summary>
    public string Pressing(SentMessage message, string button)
    {
        var update = TelegramTestBot.NextUpdateId();
        PressedCallbacks.Add(TelegramUpdates.CallbackId(update));
        return TelegramUpdates.Callback(update, id, message.MessageId, Find(message, button).Data, message.Keyboard!.ToJsonString(), message.Text);
    }

    public Task<SentMessage> WaitFor(int after, string expect) =>
        bot.Api.WaitAsync(api => api.Sent(id).Skip(after).FirstOrDefault(m => m.Text.Contains(expect, StringComparison.Ordinal)), $"a message to {id} containing '{expect}'");

    private static (string Text, string Data) Find(SentMessage message, string button)
    {
        var buttons = message.Buttons.ToList();
        var exact = buttons.Where(b => b.Text == button).ToList();
        var matches = exact.Count > 0 ? exact : buttons.Where(b => b.Text.StartsWith(button, StringComparison.Ordinal)).ToList();
        Assert.True(matches.Count == 1, $"No single button '{button}' in: {string.Join(" | ", buttons.Select(b => b.Text))}");
        return matches[0];
    }
}
