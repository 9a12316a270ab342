using System.Text.Json;

namespace ChatSurvey.Domain.Conversations;

/// <summary>
/// The bot's own words (not the survey's) in one language, read from that language's pack
/// (<c>surveys/languages/&lt;code&gt;.json</c>, property <c>texts</c>, keys in camelCase). Placeholders are {0}, {1}.
/// </summary>
public sealed record BotTexts
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Every key a pack's <c>texts</c> may hold, in camelCase, in declaration order.</summary>
    public static readonly IReadOnlyList<string> Keys = [.. typeof(BotTexts).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))];

    public required string Yes { get; init; }
    public required string No { get; init; }
    public required string AcceptConsent { get; init; }
    public required string DeclineConsent { get; init; }
    public required string Declined { get; init; }
    public required string QuestionHeader { get; init; }
    public required string MultipleHint { get; init; }
    public required string GridHint { get; init; }
    public required string GridRow { get; init; }
    public required string RankedHint { get; init; }
    public required string RankedStep { get; init; }
    public required string SkipHint { get; init; }
    public required string YesNoInvalid { get; init; }
    public required string SingleInvalid { get; init; }
    public required string MultipleInvalid { get; init; }
    public required string Ambiguous { get; init; }
    public required string Repeated { get; init; }
    public required string GridInvalid { get; init; }
    public required string GridTooMany { get; init; }
    public required string RankedInvalid { get; init; }
    public required string RankedRepeated { get; init; }
    public required string TextEmpty { get; init; }
    public required string TextTooLong { get; init; }
    public required string TextNoWords { get; init; }
    public required string NotText { get; init; }
    public required string Help { get; init; }
    public required string Status { get; init; }
    public required string AtFirstQuestion { get; init; }
    public required string Summary { get; init; }
    public required string SummarySkipped { get; init; }
    public required string Send { get; init; }
    public required string Change { get; init; }
    public required string ConfirmInvalid { get; init; }
    public required string PickCorrection { get; init; }
    public required string PickCorrectionInvalid { get; init; }
    public required string ContinueOrRestart { get; init; }
    public required string Continue { get; init; }
    public required string StartOver { get; init; }
    public required string ConfirmDelete { get; init; }
    public required string DeleteYes { get; init; }
    public required string DeleteNo { get; init; }
    public required string Deleted { get; init; }
    public required string Cancelled { get; init; }
    public required string AlreadyDone { get; init; }
    public required string LanguageChanged { get; init; }
    public required string Welcome { get; init; }
    public required string StaleButton { get; init; }
    public required string Reminder { get; init; }
    public required string SurveyChanged { get; init; }
    public required string ChooseLanguage { get; init; }
    public required string LanguageInvitation { get; init; }
    public required string LanguageCommandHint { get; init; }
    public required string SmsGridHint { get; init; }
    public required string SmsMultipleHint { get; init; }
    public required string SmsRankedHint { get; init; }
    public required string Done { get; init; }
    public required string GroupNotice { get; init; }
    public required string GroupNoticeWithoutLink { get; init; }

    // The phone channel's own words: keys, read-backs and the ends of a call (src/Bot/Channels/Voice).
    public required string VoiceKeys { get; init; }
    public required string VoiceFirstOption { get; init; }
    public required string VoiceOption { get; init; }
    public required string VoiceMore { get; init; }
    public required string VoiceMultipleHint { get; init; }
    public required string VoiceGridHint { get; init; }
    public required string VoiceRankedHint { get; init; }
    public required string VoiceSpeak { get; init; }
    public required string VoiceSkip { get; init; }
    public required string VoiceHeard { get; init; }
    public required string VoiceConfirmHeard { get; init; }
    public required string VoiceChosen { get; init; }
    public required string VoiceNoInput { get; init; }
    public required string VoiceInvalid { get; init; }
    public required string VoiceSummary { get; init; }
    public required string VoicePickCorrection { get; init; }
    public required string VoiceLanguageKey { get; init; }
    public required string VoiceGoodbye { get; init; }
    public required string VoiceClosed { get; init; }
    public required string VoiceAlreadyDone { get; init; }
    public required string VoiceUnknownCaller { get; init; }
    public required string VoiceCallingYou { get; init; }
    public required string VoiceCallBackUnavailable { get; init; }

    /// <summary>The texts from a complete set of keys (see <see cref="Keys"/>).</summary>
    public static BotTexts From(IReadOnlyDictionary<string, string> texts) =>
        JsonSerializer.Deserialize<BotTexts>(JsonSerializer.SerializeToUtf8Bytes(texts), Options)!;
}
