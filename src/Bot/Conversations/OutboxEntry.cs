using ChatSurvey.Domain.Events;

namespace ChatSurvey.Bot.Conversations;

/// <summary>
/// An event committed with its turn, waiting to be written to the domain store.
/// <see cref="Id"/> is unique per event ("{message id}:{index}") so that a second delivery writes nothing twice.
/// </summary>
/// <param name="Respondent">The person's pseudonym (keyed hash), never the channel id itself.</param>
/// <param name="Contact">
/// The channel address (phone number, chat id), only on a completed response whose answers include consent to be
/// contacted; the domain store keeps it apart, in the contacts table, with the time and version of that consent.
/// </param>
/// <param name="SurveyVersion">The version of the survey the conversation ran on when the event happened (null in entries written before versions were recorded).</param>
public sealed record OutboxEntry(string Id, string Channel, string Respondent, ConversationEvent Event, string? Contact = null, string? SurveyVersion = null);
