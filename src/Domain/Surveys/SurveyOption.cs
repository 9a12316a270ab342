namespace ChatSurvey.Domain.Surveys;

/// <summary>An option of a choice question, a grid row or a grid scale point.</summary>
/// <param name="Code">Stable code used in storage and exports.</param>
/// <param name="Aliases">Extra words or letters that pick this option (e.g. "E" for Excelente).</param>
/// <param name="IsOther">The "Otro ¿Cuál?" option: choosing it triggers a follow-up asking for text.</param>
public sealed record SurveyOption(string Code, LocalizedText Text, IReadOnlyList<string> Aliases, bool IsOther);
