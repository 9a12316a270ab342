using System.Collections.Concurrent;
using System.Globalization;
using ChatSurvey.Bot.Conversations;
using ChatSurvey.Domain.Conversations;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;

namespace ChatSurvey.Bot.Channels.Telegram;

/// <summary>
/// The one path of an update, shared by the webhook and polling: map it and hand it to the conversation service, which
/// commits the turn and queues its replies. Nothing is sent from here, so the webhook answers as soon as the turn is
/// committed.
/// </summary>
public sealed class TelegramUpdateHandler(
    ConversationService conversations,
    TelegramBackgroundCalls calls,
    TelegramMetrics metrics,
    IOptions<TelegramOptions> options,
    CompiledSurvey survey)
{
    // Groups told where to answer, in this process. Groups that address the bot are few; a restart may tell one twice.
    private readonly ConcurrentDictionary<long, bool> _toldGroups = new();

    public async Task HandleAsync(Update update, CancellationToken cancellationToken)
    {
        var inbound = TelegramUpdateMapper.Map(update, options.Value.BotUsername);
        if (inbound.CallbackId is { } callbackId)
        {
            calls.AnswerCallback(callbackId);
        }

        // Telegram's update_id is unique per bot and repeated on redelivery: the store's dedupe key.
        var messageId = update.Id.ToString(CultureInfo.InvariantCulture);
        switch (inbound.Action)
        {
            case TelegramAction.Converse:
                var turn = await conversations.HandleAsync(new InboundMessage(Key(inbound.ChatId), messageId, inbound.Input!), cancellationToken);
                if (!turn.IsDuplicate && inbound.Input is { Kind: InputKind.Start, Payload: { } payload } && !PromoterCode.IsValid(payload))
                {
                    metrics.MalformedStartCode(payload);
                }

                break;
            case TelegramAction.Toggle:
                calls.EditKeyboard(inbound.ChatId, inbound.MessageId, inbound.Keyboard!);
                break;
            case TelegramAction.Unreachable:
                await conversations.MarkUnreachableAsync(new InboundMessage(Key(inbound.ChatId), messageId, Input.NotText), "blocked", cancellationToken);
                break;
            case TelegramAction.GroupNotice:
                if (_toldGroups.TryAdd(inbound.ChatId, true))
                {
                    calls.Send(inbound.ChatId, GroupNotice(options.Value.BotUsername, survey.Texts(survey.Definition.DefaultLanguage)));
                }

                break;
            default:
                metrics.Ignored(inbound.Ignored ?? "update");
                break;
        }
    }

    /// <summary>A group has no conversation, and so no language of its own: the notice is in the survey's default one.</summary>
    public static string GroupNotice(string? botUsername, BotTexts texts) => botUsername is { Length: > 0 }
        ? string.Format(null, texts.GroupNotice, $"https://t.me/{botUsername}")
        : texts.GroupNoticeWithoutLink;

    private static ConversationKey Key(long chatId) => new(Channel.Telegram, chatId.ToString(CultureInfo.InvariantCulture));
}
