namespace ChatSurvey.Bot.Channels.Voice;

/// <summary>What one request during a call asks for.</summary>
public enum VoiceActionKind
{
    /// <summary>An answer (or a command word) for the engine: one turn.</summary>
    Answer,

    /// <summary>0: the current prompt again, from its first page.</summary>
    Repeat,

    /// <summary>*: the next page of a long list, keeping what was picked.</summary>
    NextPage,

    /// <summary>A spoken answer was confirmed: on to the prompt the engine already moved to.</summary>
    Confirmed,

    /// <summary>Nothing was pressed or said.</summary>
    Silence,

    /// <summary>A key that stands for nothing here.</summary>
    Invalid,
}
