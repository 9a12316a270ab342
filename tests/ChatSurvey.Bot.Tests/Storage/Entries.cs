using ChatSurvey.Bot.Conversations;
using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Events;

namespace ChatSurvey.Bot.Tests.Storage;

/// <summary>Outbox entries as the conversation service makes them, for tests that write them to the domain store.</summary>
public static class Entries
{
    public static readonly DateTimeOffset Started = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    public static OutboxEntry Event(string respondent, string message, ConversationEvent e) => new($"{respondent}:{message}:0", "whatsapp", respondent, e);

    /// <summary>A completed response of five values; <paramref name="text"/> is the free text of q9.</summary>
    public static OutboxEntry Completed(string respondent, string message, string? promoter = null, string text = "Falta de agua") => Event(respondent, message, new ConversationCompleted(
        Started.AddMinutes(10),
        new CompletedResponse("ogaipo-gobierno-abierto", "2022.1", "es", promoter, Started, Started.AddMinutes(10),
        [
            AnswerValue.ForOption("q1", "si"),
            new AnswerValue("q5", "transparencia", null, "B", null),
            new AnswerValue("q9", "problema_1", null, null, text),
            new AnswerValue("q11", null, 1, "salud", null),
            new AnswerValue("q12", null, null, "si", null),
        ])));

    /// <summary>One turn of a new conversation that commits <paramref name="entries"/> to the outbox, as the conversation service would.</summary>
    public static async Task CommitAsync(IConversationStore state, string conversation, IReadOnlyList<OutboxEntry> entries)
    {
        var result = await state.CommitAsync(new ConversationKey(Channel.WhatsApp, conversation), 0, new TurnCommit("m1", ConversationState.Initial, [], entries, AwaitingSend: false), default);
        Assert.Equal(CommitOutcome.Committed, result.Outcome);
    }
}
