using System.Text.Json;
using ChatSurvey.Bot.Channels.Telegram;
using ChatSurvey.Domain.Conversations;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace ChatSurvey.Bot.Tests.Telegram;

/// <summary>The mapper on recorded-style payloads, deserialized with Telegram.Bot's own options as the webhook does.</summary>
public sealed class TelegramUpdateMapperTests
{
    private const long Chat = 81803240;
    private const string Keyboard = """{"inline_keyboard":[[{"text":"1. Televisión","callback_data":"t|q3.0|1"},{"text":"2. Radio","callback_data":"t|q3.0|2"}],[{"text":"Listo ✅","callback_data":"d|q3.0|0"}]]}""";

    public static TheoryData<string, string, TelegramAction, string> Cases => new()
    {
        { "private text", TelegramUpdates.Text(1, Chat, "1 y 3"), TelegramAction.Converse, "Text:1 y 3" },
        { "start", TelegramUpdates.Text(1, Chat, "/start"), TelegramAction.Converse, "Start" },
        { "start from the menu", TelegramUpdates.Text(1, Chat, "/start@ChatSurveyTestBot radio_ixtlan"), TelegramAction.Converse, "Start:radio_ixtlan" },
        { "2016 deep link", TelegramUpdates.StartDeepLink2016(1, Chat, "MzfzuUGk5Wb4WNSkpeCQahA35J3GrZ5E"), TelegramAction.Converse, "Start:MzfzuUGk5Wb4WNSkpeCQahA35J3GrZ5E" },
        { "malformed deep link", TelegramUpdates.StartDeepLink2016(1, Chat, "no válido"), TelegramAction.Converse, "Start:no válido" },
        { "command", TelegramUpdates.Text(1, Chat, "/atras"), TelegramAction.Converse, "Text:/atras" },
        { "photo", TelegramUpdates.Photo(1, Chat), TelegramAction.Converse, "Unsupported" },
        { "voice", TelegramUpdates.Voice(1, Chat), TelegramAction.Converse, "Unsupported" },
        { "sticker", TelegramUpdates.Sticker(1, Chat), TelegramAction.Converse, "Unsupported" },
        { "document", TelegramUpdates.Document(1, Chat), TelegramAction.Converse, "Unsupported" },
        { "location", TelegramUpdates.Location(1, Chat), TelegramAction.Converse, "Unsupported" },
        { "contact", TelegramUpdates.Contact(1, Chat), TelegramAction.Converse, "Unsupported" },
        { "private dice", TelegramUpdates.Dice(1, Chat), TelegramAction.Converse, "Unsupported" },
        { "answer button", TelegramUpdates.Callback(1, Chat, 60, "a|q5.2|E", Keyboard), TelegramAction.Converse, "Button:q5.2:E" },
        { "listo button", TelegramUpdates.Callback(1, Chat, 60, "d|q3.0|85", Keyboard), TelegramAction.Converse, "Button:q3.0:1,3,8" },
        { "listo with nothing chosen", TelegramUpdates.Callback(1, Chat, 60, "d|q3.0|0", Keyboard), TelegramAction.Converse, "Button:q3.0" },
        { "toggle", TelegramUpdates.Callback(1, Chat, 60, "t|q3.0|1", Keyboard), TelegramAction.Toggle, "" },
        { "foreign callback data", TelegramUpdates.Callback(1, Chat, 60, "button2_b", Keyboard), TelegramAction.Ignore, "" },
        { "inline callback", TelegramUpdates.InlineCallback(1, Chat, "a|q1.0|1"), TelegramAction.Ignore, "" },
        { "edited message", TelegramUpdates.EditedMessage(1, Chat, "no"), TelegramAction.Ignore, "" },
        { "channel post", TelegramUpdates.ChannelPost(1), TelegramAction.Ignore, "" },
        { "supergroup dice", TelegramUpdates.SupergroupDice(1, -1001276785818), TelegramAction.Ignore, "" },
        { "group chatter", TelegramUpdates.GroupText(1, -4001, "hola"), TelegramAction.Ignore, "" },
        { "supergroup command", TelegramUpdates.SupergroupCommand(1, -1001293752024, "/report"), TelegramAction.GroupNotice, "" },
        { "command for another bot", TelegramUpdates.SupergroupCommand(1, -1001293752024, "/report@OtherBot"), TelegramAction.Ignore, "" },
        { "group mention", TelegramUpdates.GroupText(1, -4001, "@chatsurveytestbot hola"), TelegramAction.GroupNotice, "" },
        { "blocked", TelegramUpdates.MyChatMember(1, Chat, "member", "kicked"), TelegramAction.Unreachable, "" },
        { "unblocked", TelegramUpdates.MyChatMember(1, Chat, "kicked", "member"), TelegramAction.Ignore, "" },
        { "another member kicked", TelegramUpdates.ChatMemberKicked(1, Chat), TelegramAction.Ignore, "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Map_RecordedPayload_Action(string name, string json, TelegramAction action, string input)
    {
        var update = JsonSerializer.Deserialize<Update>(json, JsonBotAPI.Options)!;
        var mapped = TelegramUpdateMapper.Map(update, FakeTelegramApi.BotUsername);
        Assert.True(action == mapped.Action, $"{name}: {mapped}");
        Assert.Equal(input, mapped.Input is { } i ? string.Join(':', new[] { i.Kind.ToString(), i.Payload, i.Text }.Where(p => !string.IsNullOrEmpty(p))) : "");
        Assert.True(mapped.Action == TelegramAction.Ignore || mapped.ChatId != 0);
    }

    [Fact]
    public void Map_AnyCallback_CarriesItsIdToAnswer()
    {
        var update = JsonSerializer.Deserialize<Update>(TelegramUpdates.InlineCallback(7, Chat, "x"), JsonBotAPI.Options)!;
        Assert.Equal("4382bfdwdsb323b2d9-7", TelegramUpdateMapper.Map(update, null).CallbackId);
    }

    [Fact]
    public void Map_Toggle_MarksTheNewSelectionAndKeepsRows()
    {
        var update = JsonSerializer.Deserialize<Update>(TelegramUpdates.Callback(1, Chat, 60, "t|q3.0|1", Keyboard), JsonBotAPI.Options)!;
        var mapped = TelegramUpdateMapper.Map(update, null);
        var rows = mapped.Keyboard!.InlineKeyboard.Select(r => r.Select(b => $"{b.Text}={b.CallbackData}").ToList()).ToList();
        Assert.Equal(60, mapped.MessageId);
        Assert.Equal([["✓ 1. Televisión=t|q3.0|0", "2. Radio=t|q3.0|3"], ["Listo ✅=d|q3.0|1"]], rows);
    }

    [Fact]
    public void Map_StartPayload_KeptAsTypedForTheEngineToValidate()
    {
        var update = JsonSerializer.Deserialize<Update>(TelegramUpdates.Text(1, Chat, "/start x y"), JsonBotAPI.Options)!;
        Assert.Equal(Input.Start("x y") with { Locale = "es" }, TelegramUpdateMapper.Map(update, null).Input);
    }

    [Fact]
    public void Map_PrivateText_CarriesTheAppLanguage()
    {
        var json = TelegramUpdates.Text(1, Chat, "hola").Replace("\"language_code\":\"es\"", "\"language_code\":\"en-GB\"", StringComparison.Ordinal);
        var update = JsonSerializer.Deserialize<Update>(json, JsonBotAPI.Options)!;

        Assert.Equal("en-GB", TelegramUpdateMapper.Map(update, null).Input!.Locale);
    }
}
