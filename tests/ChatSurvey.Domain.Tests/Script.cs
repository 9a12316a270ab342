using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Domain.Tests;

/// <summary>
/// One complete, valid way through the real survey, message by message, so a test can walk to the point it is about
/// ("Reach q5") and then say only what matters to it.
/// </summary>
public static class Script
{
    /// <summary>The messages that answer each question (several for grids row by row, text parts and so on).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Answers = new Dictionary<string, string[]>
    {
        ["q1"] = ["sí"],
        ["q2"] = ["no"],
        ["q3"] = ["1, 8"],
        ["q3_otro"] = ["Carteles en el mercado"],
        ["q4"] = ["bueno"],
        ["q5"] = ["B R M B E"],
        ["q6"] = ["E B R M P B"],
        ["q7"] = ["r r r m m p"],
        ["q8"] = ["otro"],
        ["q8_otro"] = ["Personas migrantes"],
        ["q9"] = ["Falta de agua potable", "Calles sin pavimentar"],
        ["q10"] = ["Basura en el río", "Jornadas de limpieza con vecinos"],
        ["q11"] = ["18 1 13 20 22"],
        ["q11_otro"] = ["Agua y saneamiento"],
        ["q12"] = ["sí"],
        ["q12_contacto"] = ["sí"],
    };

    /// <summary>Every message of the script from the first "hola" to the summary (without the final "1").</summary>
    public static IReadOnlyList<string> ToSummary { get; } =
        ["hola", "1", .. SurveyFixture.Definition.Questions.SelectMany(q => Answers[q.Code])];

    /// <summary>Says hello and accepts the privacy notice: question 1 is asked.</summary>
    public static Chat Begin(this Chat chat) => chat.User("hola").User("1");

    /// <summary>Answers with the script until question <paramref name="code"/> is asked ("summary" for the summary).</summary>
    public static Chat Reach(this Chat chat, string code)
    {
        if (chat.State.Stage is Stage.New or Stage.Closed)
        {
            chat.Begin();
        }
        else if (chat.State.Stage == Stage.Consent)
        {
            chat.User("1");
        }

        for (var guard = 0; guard < 100; guard++)
        {
            if (code == "summary" ? chat.State.Stage == Stage.Confirm : chat.CurrentQuestion == code)
            {
                return chat;
            }

            var current = chat.CurrentQuestion ?? throw new InvalidOperationException($"not asking a question on the way to {code}.\n{chat.Transcript}");
            chat.User(Answers[current][Step(chat.State)]);
        }

        throw new InvalidOperationException($"never reached {code}.\n{chat.Transcript}");
    }

    /// <summary>Walks through the whole script and sends the summary.</summary>
    public static Chat Complete(this Chat chat) => chat.Reach("summary").User("1");

    private static int Step(ConversationState state) => Math.Max(state.Draft.Choices.Length, state.Draft.Texts.Length);
}
