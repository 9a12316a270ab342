using System.Security.Claims;
using ChatSurvey.Bot.Conversations;
using ChatSurvey.Bot.Dashboard.Auth;
using ChatSurvey.Bot.Dashboard.Html;
using ChatSurvey.Bot.Storage;
using Microsoft.AspNetCore.Mvc;

namespace ChatSurvey.Bot.Dashboard.Admin;

/// <summary>
/// An admin deletes a person's data by pseudonym (the "respondent" column of the staff exports), for a deletion request
/// that reached the secretariat outside the chat: responses, answers, events and contact in the domain store, and the
/// conversation in progress. The log records who deleted, never whom.
/// </summary>
public static partial class DeletionEndpoints
{
    public static RouteGroupBuilder MapDeletion(this RouteGroupBuilder staff)
    {
        var admin = staff.MapGroup("/admin").RequireAuthorization(StaffRoles.Admin);
        admin.MapGet("/delete", Form);
        admin.MapPost("/delete", Delete).AddEndpointFilter(AntiforgeryCheck.Filter);
        return staff;
    }

    private static IResult Form(HttpContext context) => Page(context, null, StatusCodes.Status200OK);

    private static async Task<IResult> Delete(
        HttpContext context, [FromForm] string? pseudonym, SqlResponseStore store, IConversationStore conversations, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var respondent = (pseudonym ?? "").Trim().ToLowerInvariant();
        if (respondent.Length != 32 || !respondent.All(char.IsAsciiHexDigitLower))
        {
            return Page(context, Markup.Of($"""<p class="error" role="alert">Un seudónimo son 32 caracteres hexadecimales (0-9, a-f), como en la columna «respondent» del CSV.</p>"""), StatusCodes.Status400BadRequest);
        }

        await store.DeleteRespondentAsync(respondent, cancellationToken);
        if (conversations is IPersonEraser eraser)
        {
            await eraser.ForgetAsync(respondent, cancellationToken);
        }

        var logger = loggers.CreateLogger("ChatSurvey.Dashboard");
        var staffName = context.User.FindFirstValue(ClaimTypes.Name) ?? "?";
        LogDeleted(logger, staffName);
        return Page(context, Markup.Of($"""<p class="ok" role="status">Listo: no queda ningún dato con ese seudónimo (respuestas, eventos, contacto ni conversación en curso).</p>"""), StatusCodes.Status200OK);
    }

    private static IResult Page(HttpContext context, Markup? message, int status) => Layout.Page(context, "Borrar datos", "/staff/admin/delete", Markup.Of($"""
        <h1>Borrar los datos de una persona</h1>
        <p class="lead">Para solicitudes de borrado que llegan por otra vía (quien escribe «borrar» en el chat ya se borra sola). Se eliminan sus respuestas, sus eventos, su contacto y su conversación en curso. No se puede deshacer.</p>
        {message ?? Markup.Empty}
        <form method="post" action="/staff/admin/delete" class="stacked-form">
        {Forms.Antiforgery(context)}
        <label for="d-pseudonym">Seudónimo (columna «respondent» del CSV de respuestas)</label>
        <input id="d-pseudonym" name="pseudonym" required minlength="32" maxlength="32" autocomplete="off" spellcheck="false">
        <button type="submit" class="danger">Borrar definitivamente</button>
        </form>
        """), status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff member {Staff} deleted one person's data by pseudonym")]
    private static partial void LogDeleted(ILogger logger, string staff);
}
