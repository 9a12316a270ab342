namespace ChatSurvey.Bot.Storage.Tallies;

/// <summary>What one person did at one question: asked it, answered it, and how many of their answers were not understood.</summary>
public readonly record struct QuestionFacts(bool Reached, bool Answered, int Rejected);
