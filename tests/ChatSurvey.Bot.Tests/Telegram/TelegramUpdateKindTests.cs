namespace ChatSurvey.Bot.Tests.Telegram;

/// <summary>Everything else Telegram can send, from recorded-style payloads, through the real webhook.</summary>
public sealed class TelegramUpdateKindTests(TelegramBotFixture fixture) : IClassFixture<TelegramBotFixture>
{
    private TelegramTestBot Bot => fixture.Bot;

    public static TheoryData<string> NotTextKinds => ["photo", "voice", "sticker", "document", "location", "contact", "dice"];

    [Theory]
    [MemberData(nameof(NotTextKinds))]
    public async Task Update_NotTextInPrivate_SaysOnlyTextAndAsksAgain(string kind)
    {
        var chat = Bot.NewChat();
        await chat.Type("/start", "Aviso de privacidad");
        await chat.Type("si", "Pregunta 1 de 12");
        var before = chat.Messages.Count;
        var update = TelegramTestBot.NextUpdateId();
        await chat.Post(kind switch
        {
            "photo" => TelegramUpdates.Photo(update, chat.Id),
            "voice" => TelegramUpdates.Voice(update, chat.Id),
            "sticker" => TelegramUpdates.Sticker(update, chat.Id),
            "document" => TelegramUpdates.Document(update, chat.Id),
            "location" => TelegramUpdates.Location(update, chat.Id),
            "contact" => TelegramUpdates.Contact(update, chat.Id),
            _ => TelegramUpdates.Dice(update, chat.Id),
        });
        await chat.WaitFor(before, "solo puedo leer mensajes de texto");
        await chat.WaitFor(before + 1, "Pregunta 1 de 12");
    }

    [Fact]
    public async Task Update_EditedMessage_IgnoredWithoutTurn()
    {
        var chat = Bot.NewChat();
        await chat.Type("/start", "Aviso de privacidad");
        var version = (await Bot.ConversationAsync(chat.Id)).Version;
        await chat.Post(TelegramUpdates.EditedMessage(TelegramTestBot.NextUpdateId(), chat.Id, "si"));
        // Replies only come from turns, and a turn is committed within the request: no new version, nothing to send.
        Assert.Equal(version, (await Bot.ConversationAsync(chat.Id)).Version);
    }

    [Fact]
    public async Task Update_ChannelPostAndChatMember_Ignored()
    {
        var chat = Bot.NewChat();
        await chat.Post(TelegramUpdates.ChannelPost(TelegramTestBot.NextUpdateId()));
        await chat.Post(TelegramUpdates.ChatMemberKicked(TelegramTestBot.NextUpdateId(), chat.Id));
        Assert.Equal(0, (await Bot.ConversationAsync(-1001234567890)).Version);
        Assert.Equal(0, (await Bot.ConversationAsync(chat.Id)).Version);
    }

    [Fact]
    public async Task Update_Groups_OneNoticePerGroupOnlyWhenAddressed()
    {
        var group = -(1_001_000_000_000 + Bot.NewChat().Id);
        var other = group - 1;
        var chat = Bot.NewChat();
        await chat.Post(TelegramUpdates.SupergroupDice(TelegramTestBot.NextUpdateId(), group));
        await chat.Post(TelegramUpdates.GroupText(TelegramTestBot.NextUpdateId(), group, "hola a todos"));
        await chat.Post(TelegramUpdates.SupergroupCommand(TelegramTestBot.NextUpdateId(), group, "/start"));
        await chat.Post(TelegramUpdates.SupergroupCommand(TelegramTestBot.NextUpdateId(), group, "/report"));
        await chat.Post(TelegramUpdates.GroupText(TelegramTestBot.NextUpdateId(), other, "@ChatSurveyTestBot ¿cómo participo?"));
        await chat.Post(TelegramUpdates.SupergroupCommand(TelegramTestBot.NextUpdateId(), other, "/report@OtherBot"));

        // Notices and callback answers share one queue in arrival order: once this answer is made, so are the notices.
        await AnswerInlineCallbackAsync(chat.Id);
        var notice = Assert.Single(Bot.Api.Sent(group));
        Assert.Contains("https://t.me/ChatSurveyTestBot", notice.Text, StringComparison.Ordinal);
        Assert.Single(Bot.Api.Sent(other));
        Assert.Equal(0, (await Bot.ConversationAsync(group)).Version);
    }

    [Fact]
    public async Task Update_InlineAndForeignCallbacks_AnsweredAndIgnored()
    {
        var chat = Bot.NewChat();
        await AnswerInlineCallbackAsync(chat.Id);
        var update = TelegramTestBot.NextUpdateId();
        await chat.Post(TelegramUpdates.Callback(update, chat.Id, 60, "button2_b", """{"inline_keyboard":[[{"text":"Button 2","callback_data":"button2_b"}]]}"""));
        await Bot.Api.WaitAsync(api => api.Calls("answerCallbackQuery").FirstOrDefault(c => c.Parameters["callback_query_id"]!.ToString() == $"42786555760574{update}"), "the callback answer");
        Assert.Equal(0, (await Bot.ConversationAsync(chat.Id)).Version);
    }

    [Fact]
    public async Task Update_BlockedThenUnblocked_UnreachableUntilTheyWrite()
    {
        var chat = Bot.NewChat();
        await chat.Type("/start", "Aviso de privacidad");
        await chat.Post(TelegramUpdates.MyChatMember(TelegramTestBot.NextUpdateId(), chat.Id, "member", "kicked"));
        Assert.True((await Bot.ConversationAsync(chat.Id)).State.Unreachable);

        await chat.Post(TelegramUpdates.MyChatMember(TelegramTestBot.NextUpdateId(), chat.Id, "kicked", "member"));
        Assert.True((await Bot.ConversationAsync(chat.Id)).State.Unreachable);

        await chat.Type("si", "Pregunta 1 de 12");
        Assert.False((await Bot.ConversationAsync(chat.Id)).State.Unreachable);
    }

    private async Task AnswerInlineCallbackAsync(long user)
    {
        var update = TelegramTestBot.NextUpdateId();
        using var response = await Bot.PostAsync(TelegramUpdates.InlineCallback(update, user, "Data from button callback"));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        await Bot.Api.WaitAsync(api => api.Calls("answerCallbackQuery").FirstOrDefault(c => c.Parameters["callback_query_id"]!.ToString() == $"4382bfdwdsb323b2d9-{update}"), "the inline callback answer");
    }
}
