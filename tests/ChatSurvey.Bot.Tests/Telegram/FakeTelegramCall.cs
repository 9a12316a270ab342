using System.Text.Json.Nodes;

namespace ChatSurvey.Bot.Tests.Telegram;

/// <summary>One Bot API call the fake received: the method, its JSON parameters, and the HTTP status it answered.</summary>
public sealed record FakeTelegramCall(string Method, JsonObject Parameters, int Status)
{
    public bool Succeeded => Status == 200;

    public long ChatId => Parameters["chat_id"] is { } id ? long.Parse(id.ToString(), System.Globalization.CultureInfo.InvariantCulture) : 0;

    public string Text => Parameters["text"]?.GetValue<string>() ?? "";
}
