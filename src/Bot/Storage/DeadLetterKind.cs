namespace ChatSurvey.Bot.Storage;

/// <summary>Why an entry is a dead letter: the values of dead_letters.kind, and the metric's "kind" tag.</summary>
public static class DeadLetterKind
{
    /// <summary>The domain store refused it <see cref="OutboxWorker.MaxTries"/> times; it can be re-driven after a fix.</summary>
    public const string Refused = "refused";

    /// <summary>The outbox held bytes that are not an entry; an admin may discard them after a look.</summary>
    public const string Undecodable = "undecodable";
}
