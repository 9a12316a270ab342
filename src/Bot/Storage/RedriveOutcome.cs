namespace ChatSurvey.Bot.Storage;

public enum RedriveOutcome
{
    /// <summary>Written to the domain store; the dead letter is gone.</summary>
    Stored,

    /// <summary>Refused again: it stays, with one more attempt and the new reason.</summary>
    StillRefused,

    /// <summary>No refused dead letter with that id (re-driven or deleted meanwhile, or undecodable).</summary>
    Gone,
}
