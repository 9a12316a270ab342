using ChatSurvey.Bot.Surveys;
using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Tests.Infrastructure;

public static class TestSurvey
{
    public static readonly CompiledSurvey Compiled = SurveyFile.Load(new SurveyOptions());
}
