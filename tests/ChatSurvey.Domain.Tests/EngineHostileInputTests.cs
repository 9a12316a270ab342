using Xunit;

namespace ChatSurvey.Domain.Tests;

/// <summary>
/// Messages of 8,000 characters that no person writes but anyone can paste: each question asks itself again (a re-ask,
/// or the question itself when nothing was left of the message) and stays where it was. (Their cost is measured in bench/: HostileInputBenchmarks.)
/// </summary>
public class EngineHostileInputTests
{
    public static TheoryData<string, string> Cases()
    {
        string[] stages = ["q1", "q3", "q4", "q5", "q9", "q11", "q12"];
        string[] units = ["y ", "1,", "1 ", ", ", "a", "b", "\uD83D\uDE00", "\u202E", "arte y ", "1 y 2 y ", "\u0000"];
        var cases = new TheoryData<string, string>();
        foreach (var stage in stages)
        {
            foreach (var unit in units)
            {
                cases.Add(stage, unit);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Answer_8000CharacterMessage_AsksTheSameQuestionAgain(string question, string unit)
    {
        var chat = new Chat().Reach(question);

        chat.User(string.Concat(Enumerable.Repeat(unit, 8000 / unit.Length)));

        Assert.Equal(question, chat.CurrentQuestion);
        Assert.Equal(question, chat.LastReply.Question);
    }
}
