using ChatSurvey.Bot.Channels.Twilio;
using ChatSurvey.Bot.Tests.Infrastructure;
using ChatSurvey.Domain.Conversations;
using ChatSurvey.Bot.Conversations;

namespace ChatSurvey.Bot.Tests.Twilio;

/// <summary>What the whole form costs over SMS: the real engine and renderer, one person typing the script.</summary>
public static class SmsCost
{
    /// <summary>The first SMS a person sends (there is no link to open on a basic phone), then the script.</summary>
    public static IReadOnlyList<string> Inbound { get; } = ["Hola", .. SurveyScript.Answers];

    public static IReadOnlyList<string> WholeSurvey(bool compact)
    {
        var renderer = new TwilioRenderer(compact, TestSurvey.Compiled);
        var survey = TestSurvey.Compiled;
        var state = ConversationState.Initial;
        var now = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var sent = new List<string>();
        foreach (var text in Inbound)
        {
            var turn = ConversationEngine.Resume(survey, state, Input.FromText(text), now);
            state = turn.State;
            sent.AddRange(renderer.Render(Channel.Sms, turn.Replies));
            now = now.AddSeconds(30);
        }

        if (state.Stage != Stage.Completed)
        {
            throw new InvalidOperationException($"The script did not complete the survey; it stopped at {state.Stage}.");
        }

        return sent;
    }
}
