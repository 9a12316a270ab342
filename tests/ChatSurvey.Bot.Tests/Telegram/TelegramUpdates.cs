namespace ChatSurvey.Bot.Tests.Telegram;

/// <summary>
/// Update payloads shaped like recorded Telegram traffic (Telegram's webhook guide, teloxide's and Telegram.Bot's
/// test payloads, raw webhook bodies published in public repositories), with the ids as parameters so that tests
/// sharing one bot never collide.
/// </summary>
public static class TelegramUpdates
{
    /// <summary>A private text message (teloxide's, with link preview options).</summary>
    public static string Text(long update, long chat, string text) => """
        {"update_id":__UPDATE__,"message":{"message_id":__MESSAGE_ID__,"from":{"id":__CHAT__,"is_bot":false,"first_name":"Waffle","username":"WaffleLapkin","language_code":"es"},
        "chat":{"id":__CHAT__,"first_name":"Waffle","username":"WaffleLapkin","type":"private"},"date":1569518342,
        "text":__TEXT_JSON__,"link_preview_options":{"is_disabled":true}}}
        """.Fill(update, chat, ("__MESSAGE_ID__", update % 100_000), ("__TEXT_JSON__", Json(text)));

    /// <summary>A 2016 deep-link start: no is_bot, escaped slash, a bot_command entity.</summary>
    public static string StartDeepLink2016(long update, long chat, string code) => """
        {"update_id":__UPDATE__,"message":{"message_id":4,"from":{"id":__CHAT__,"first_name":"Ana","last_name":"Prueba","username":"usuario_a"},"chat":{"id":__CHAT__,"first_name":"Ana","last_name":"Prueba","username":"usuario_a","type":"private"},"date":1471951251,"text":"\/start __CODE__","entities":[{"type":"bot_command","offset":0,"length":6}]}}
        """.Fill(update, chat, ("__CODE__", code));

    public static string Photo(long update, long chat) => Private(update, chat, """
        "photo":[{"file_id":"AgACAgEAAxkBAAIBZ2VY","file_unique_id":"AQADx6wxG","file_size":1523,"width":90,"height":67},{"file_id":"AgACAgEAAxkBAAIBZ2VZ","file_unique_id":"AQADx6wxH","file_size":48123,"width":800,"height":600}],"caption":"mi respuesta"
        """);

    /// <summary>Telegram's webhook guide: voice.</summary>
    public static string Voice(long update, long chat) => Private(update, chat, """
        "voice":{"file_id":"AwADBAADbXXXXXXXXXXXGBdhD2l6_XX","file_unique_id":"AgADbX","duration":5,"mime_type":"audio/ogg","file_size":23000}
        """);

    public static string Sticker(long update, long chat) => Private(update, chat, """
        "sticker":{"file_id":"CAACAgIAAxkBAAIC","file_unique_id":"AgADvQAD","type":"regular","width":512,"height":512,"is_animated":false,"is_video":false,"emoji":"👍","set_name":"HotCherry","file_size":26844}
        """);

    /// <summary>Telegram's webhook guide: document.</summary>
    public static string Document(long update, long chat) => Private(update, chat, """
        "document":{"file_id":"AwADBAADbXXXXXXXXXXXGBdhD2l6_XX","file_unique_id":"AgADbY","file_name":"Testfile.pdf","mime_type":"application/pdf","file_size":536392}
        """);

    public static string Location(long update, long chat) => Private(update, chat, """
        "location":{"latitude":17.065412,"longitude":-96.723654}
        """);

    public static string Contact(long update, long chat) => Private(update, chat, """
        "contact":{"phone_number":"+529511234567","first_name":"Ana","last_name":"Prueba","user_id":__CHAT__}
        """);

    public static string Dice(long update, long chat) => Private(update, chat, """
        "dice":{"emoji":"🎲","value":2}
        """);

    /// <summary>Telegram's webhook guide: edited_message.</summary>
    public static string EditedMessage(long update, long chat, string text) => """
        {"update_id":__UPDATE__,"edited_message":{"date":1441645532,"chat":{"last_name":"Test Lastname","type":"private","id":__CHAT__,"first_name":"Test Firstname","username":"Testusername"},
        "message_id":1365,"from":{"last_name":"Test Lastname","id":__CHAT__,"first_name":"Test Firstname","username":"Testusername"},"text":"__TEXT__","edit_date":1441646600}}
        """.Fill(update, chat, ("__TEXT__", text));

    public static string ChannelPost(long update) => """
        {"update_id":__UPDATE__,"channel_post":{"message_id":77,"sender_chat":{"id":-1001234567890,"title":"Noticias Oaxaca","type":"channel"},"chat":{"id":-1001234567890,"title":"Noticias Oaxaca","type":"channel"},"date":1721592580,"text":"/start"}}
        """.Fill(update, 0);

    /// <summary>teloxide's supergroup dice.</summary>
    public static string SupergroupDice(long update, long group) => """
        {"message":{"chat":{"id":__CHAT__,"title":"bla bla bla chat","type":"supergroup","username":"teloxide_dev"},"date":1596014550,"dice":{"emoji":"🎲","value":2},
        "from":{"first_name":"Hirrolot","id":408258968,"is_bot":false,"language_code":"en","username":"hirrolot"},"message_id":35410},"update_id":__UPDATE__}
        """.Fill(update, group);

    /// <summary>teloxide's supergroup command in reply to a story, in a forum thread.</summary>
    public static string SupergroupCommand(long update, long group, string command) => """
        {"message":{"chat":{"id":__CHAT__,"title":"CryptoInside Chat","type":"supergroup","username":"cryptoinside_talk"},"date":1721592580,
        "entities":[{"length":__COMMAND_LENGTH__,"offset":0,"type":"bot_command"}],"from":{"first_name":"the Cable Guy","id":5964236329,"is_bot":false,"language_code":"en","username":"spacewhaleblues"},
        "message_id":134546,"message_thread_id":134545,"reply_to_message":{"chat":{"id":__CHAT__,"title":"CryptoInside Chat","type":"supergroup","username":"cryptoinside_talk"},"date":1721592028,
        "from":{"first_name":"Wert","id":6962620676,"is_bot":false,"username":"WertCrypto"},"message_id":134545,"story":{"chat":{"id":-1002149282975,"title":"TON Spin","type":"channel","username":"TONSpinChannel"},"id":2}},
        "text":"__COMMAND__"},"update_id":__UPDATE__}
        """.Fill(update, group, ("__COMMAND_LENGTH__", command.Length), ("__COMMAND__", command));

    public static string GroupText(long update, long group, string text) => """
        {"update_id":__UPDATE__,"message":{"message_id":9120,"from":{"id":408258968,"is_bot":false,"first_name":"Hirrolot"},"chat":{"id":__CHAT__,"title":"Vecinos de Ixtlán","type":"group","all_members_are_administrators":true},"date":1596014550,"text":"__TEXT__"}}
        """.Fill(update, group, ("__TEXT__", text));

    /// <summary>teloxide's my_chat_member: member → kicked, the person blocked the bot.</summary>
    public static string MyChatMember(long update, long chat, string oldStatus, string newStatus) => """
        {"update_id":__UPDATE__,"my_chat_member":{"chat":{"id":__CHAT__,"first_name":"FN","last_name":"LN","username":"UN","type":"private"},"from":{"id":__CHAT__,"is_bot":false,"first_name":"FN","last_name":"LN","username":"UN"},"date":1644677726,
        "old_chat_member":{"user":{"id":123456789,"is_bot":true,"first_name":"bot","username":"ChatSurveyTestBot"},"status":"__OLDSTATUS__"},"new_chat_member":{"user":{"id":123456789,"is_bot":true,"first_name":"bot","username":"ChatSurveyTestBot"},"status":"__NEWSTATUS__","until_date":0}}}
        """.Fill(update, chat, ("__OLDSTATUS__", oldStatus), ("__NEWSTATUS__", newStatus));

    /// <summary>Telegram.Bot's unit-test chat_member left → kicked (about another member, not the bot's own status).</summary>
    public static string ChatMemberKicked(long update, long chat) => """
        {"update_id":__UPDATE__,"chat_member":{"new_chat_member":{"status":"kicked","until_date":0,"user":{"id":12345,"is_bot":true,"first_name":"First Name","last_name":"Last Name","username":"test_bot","language_code":"en_US"}},
        "old_chat_member":{"status":"left","user":{"id":12345,"is_bot":true,"first_name":"First Name","last_name":"Last Name","username":"test_bot","language_code":"en_US"}},
        "from":{"id":__CHAT__,"is_bot":false,"first_name":"Telegram_Bots","last_name":null,"username":"TelegramBots","language_code":null},
        "chat":{"id":__CHAT__,"first_name":"Telegram_Bots","last_name":null,"username":"TelegramBots","type":"private"},"date":1526315997}}
        """.Fill(update, chat);

    /// <summary>Telegram's webhook guide: a callback from an inline message (no message, an inline_message_id).</summary>
    public static string InlineCallback(long update, long user, string data) => """
        {"update_id":__UPDATE__,"callback_query":{"id":"4382bfdwdsb323b2d9-__UPDATE__","from":{"last_name":"Test Lastname","type":"private","id":__CHAT__,"first_name":"Test Firstname","username":"Testusername"},
        "data":"__DATA__","inline_message_id":"1234csdbsk4839","chat_instance":"-2291384178539442901"}}
        """.Fill(update, user, ("__DATA__", data));

    public static string CallbackId(long update) => $"42786555760574{update}";

    /// <summary>A captured callback with its message and keyboard; <paramref name="keyboard"/> is the message's reply_markup JSON.</summary>
    public static string Callback(long update, long chat, int messageId, string data, string keyboard, string text = "Hello! Please choose an option:") => """
        {"update_id":__UPDATE__,"callback_query":{"id":"42786555760574__UPDATE__","from":{"id":__CHAT__,"is_bot":false,"first_name":"Luis","username":"usuario_b","language_code":"es"},
        "message":{"message_id":__MESSAGEID__,"from":{"id":123456789,"is_bot":true,"first_name":"ChatSurvey","username":"ChatSurveyTestBot"},
        "chat":{"id":__CHAT__,"first_name":"Luis","username":"usuario_b","type":"private"},"date":1686214500,"text":__TEXT_JSON__,"reply_markup":__KEYBOARD__},
        "chat_instance":"-2291384178539442901","data":__DATA_JSON__}}
        """.Fill(update, chat, ("__MESSAGEID__", messageId), ("__DATA_JSON__", Json(data)), ("__KEYBOARD__", keyboard), ("__TEXT_JSON__", Json(text)));

    /// <summary>The guide's private message envelope (no is_bot, legacy), with the given content fields.</summary>
    private static string Private(long update, long chat, string content) => """
        {"update_id":__UPDATE__,"message":{"date":1441645532,"chat":{"last_name":"Test Lastname","type":"private","id":__CHAT__,"first_name":"Test Firstname","username":"Testusername"},
        "message_id":1365,"from":{"last_name":"Test Lastname","id":__CHAT__,"first_name":"Test Firstname","username":"Testusername"},__CONTENT__}}
        """.Fill(update, chat, ("__CONTENT__", content.Trim()));

    private static string Json(string value) => System.Text.Json.JsonSerializer.Serialize(value);

    private static string Fill(this string template, long update, long chat, params (string Name, object Value)[] values)
    {
        // Values first: a fragment passed in (the content of a private message) may itself hold __CHAT__.
        var filled = template;
        foreach (var (name, value) in values)
        {
            filled = filled.Replace(name, $"{value}", StringComparison.Ordinal);
        }

        return filled.Replace("__UPDATE__", $"{update}", StringComparison.Ordinal).Replace("__CHAT__", $"{chat}", StringComparison.Ordinal);
    }
}
