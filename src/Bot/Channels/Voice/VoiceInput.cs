namespace ChatSurvey.Bot.Channels.Voice;

/// <summary>What a prompt listens for, which decides how its Gather ends.</summary>
public enum VoiceInput
{
    /// <summary>One key (or a spoken answer): the first key ends it.</summary>
    Key,

    /// <summary>One key and never speech: the privacy notice, a confirmation, where a noise must not count.</summary>
    KeyOnly,

    /// <summary>Keys one after another ended by # (a multiple choice, a question's number), or a spoken answer.</summary>
    Keys,

    /// <summary>Free text by speech; one key (0, 9, # to skip) ends it too.</summary>
    Speech,
}
