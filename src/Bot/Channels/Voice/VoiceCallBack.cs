using ChatSurvey.Bot.Channels.Twilio;
using ChatSurvey.Bot.Conversations;
using ChatSurvey.Bot.Surveys;
using ChatSurvey.Domain.Answers;
using ChatSurvey.Domain.Conversations;
using Microsoft.Extensions.Options;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace ChatSurvey.Bot.Channels.Voice;

/// <summary>
/// "llamar" on WhatsApp or SMS: the bot calls the person's number through the REST API, within the
/// <see cref="CallBackBudget"/>, and the call answers at the voice webhook like one they made. The message is a turn of
/// its own (<see cref="ConversationService.NoticeAsync"/>): the person is told a call is coming, or that none can be made
/// now, and a redelivered message places no second call. The call starts the person's voice conversation, which has its
/// own pseudonym like every channel's.
/// </summary>
public sealed partial class VoiceCallBack(
    ConversationService conversations,
    SurveyCatalog surveys,
    CallBackBudget budget,
    TwilioApi api,
    IOptions<TwilioOptions> twilio,
    IOptions<VoiceOptions> voice,
    TimeProvider time,
    ILogger<VoiceCallBack> logger)
{
    /// <summary>"llamar", "llámame", "call me": short words; anything longer is an answer, not a request.</summary>
    private const int MaxRequestLength = 64;

    /// <summary>Whether a message on WhatsApp or SMS asks for a call, in any of the survey's languages.</summary>
    public bool IsRequest(Input input) =>
        input.Kind == InputKind.Text && input.Text.Length <= MaxRequestLength &&
        surveys.Current.Vocabulary("").IsWord("call", TextNormalizer.Normalize(input.Text));

    public async Task RequestAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var number = message.Person.UserId;
        var granted = budget.TryTake(number, time.GetUtcNow());
        var turn = await conversations.NoticeAsync(message, texts => granted ? texts.VoiceCallingYou : texts.VoiceCallBackUnavailable, cancellationToken);
        if (!granted)
        {
            LogRefused(logger, message.Person.Channel.Name);
            return;
        }

        if (turn.IsDuplicate)
        {
            budget.Return(number);
            return;
        }

        var call = new CreateCallOptions(new PhoneNumber(number), new PhoneNumber(voice.Value.From))
        {
            Url = new Uri(twilio.Value.PublicBase + VoiceRenderer.Path),
            Method = global::Twilio.Http.HttpMethod.Post,
            StatusCallback = new Uri(twilio.Value.PublicBase + VoiceRenderer.Path + "/status"),
            TimeLimit = (int)voice.Value.CallTimeLimit.TotalSeconds,
        };
        try
        {
            await api.WaitTurnAsync(cancellationToken);
            await CallResource.CreateAsync(call, api.Client);
            LogPlaced(logger, message.Person.Channel.Name);
        }
        catch (ApiException e)
        {
            // Refused (a number Twilio will not call, a geographic permission missing): the person can still call us.
            budget.Return(number);
            LogFailed(logger, e.Code, e.Status);
        }
        catch (HttpRequestException)
        {
            // Twilio unreachable after the HTTP policy's retries. The message is answered already, so a redelivery would
            // not call either: the person can write "llamar" again.
            budget.Return(number);
            LogFailed(logger, 0, 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Placed a call-back requested on {Channel}")]
    private static partial void LogPlaced(ILogger logger, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A call-back requested on {Channel} was not placed: the budget (Voice:CallBacksPerDay, Voice:CallBackInterval) is spent")]
    private static partial void LogRefused(ILogger logger, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio refused a call-back: code {Code}, HTTP {HttpStatus}")]
    private static partial void LogFailed(ILogger logger, int code, int httpStatus);
}
