namespace ChatSurvey.Bot.Channels.Twilio;

/// <summary>What the webhook does with one inbound Twilio message.</summary>
public enum TwilioInboundAction
{
    /// <summary>Hand <see cref="TwilioInbound.Input"/> to the conversation (opt-in words too: they resume it).</summary>
    Converse,

    /// <summary>An SMS opt-out word: mark the person unreachable and answer nothing.</summary>
    OptOut,

    /// <summary>Not a person we can answer (no sender, an unknown address kind): acknowledged and dropped.</summary>
    Ignore,
}
