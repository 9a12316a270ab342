namespace ChatSurvey.Bot.Surveys.XlsForm;

/// <summary>Something wrong (or ignored, when a warning) in an XLSForm, with the sheet, row and column it is in.</summary>
public sealed record XlsFormFault(string Sheet, int Row, string Column, string Message, bool IsWarning = false)
{
    public override string ToString() =>
        $"{(IsWarning ? "warning" : "error")}: sheet {Sheet}{(Row > 0 ? $", row {Row}" : "")}{(Column.Length > 0 ? $", column {Column}" : "")}: {Message}";
}
