namespace ChatSurvey.Bot.Dashboard.Admin;

/// <summary>What the domain store and the conversation store hold of one person, counted (never shown), before a deletion.</summary>
/// <param name="InConversation">A conversation in progress (known only when looked up by channel and number or chat id).</param>
public sealed record PersonData(string Pseudonym, long Responses, long AnswerValues, long Events, long Contacts, long DeadLetters, bool InConversation)
{
    public long Rows => Responses + AnswerValues + Events + Contacts + DeadLetters;

    public bool IsEmpty => Rows == 0 && !InConversation;
}
