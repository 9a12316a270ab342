namespace ChatSurvey.Bot.Dashboard.Exports;

/// <summary>
/// One column of the exports, with what the data dictionary and the Frictionless table schema say about it.
/// </summary>
/// <param name="Type">A Frictionless type: string, integer, boolean (written 1/0), date or datetime.</param>
/// <param name="Codes">The allowed values when the column holds option codes, with their texts.</param>
/// <param name="FreeText">What people typed: left out of the open-data package unless staff ask for it.</param>
/// <param name="Question">The question code, or null for the columns about the response itself.</param>
public sealed record ExportColumn(string Name, string Type, string Title, IReadOnlyList<(string Code, string Text)>? Codes = null, bool FreeText = false, string? Question = null, int? Number = null, string? Kind = null);
