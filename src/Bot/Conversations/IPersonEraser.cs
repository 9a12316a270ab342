namespace ChatSurvey.Bot.Conversations;

/// <summary>
/// Drops a person's in-progress conversation by pseudonym (staff deleting someone's data on request): their state,
/// marks, pending replies and schedules. Their next message starts afresh, with the privacy notice.
/// </summary>
public interface IPersonEraser
{
    Task ForgetAsync(string pseudonym, CancellationToken cancellationToken);
}
