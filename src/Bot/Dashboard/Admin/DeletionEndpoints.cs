using System.Security.Claims;
using ChatSurvey.Bot.Conversations;
using ChatSurvey.Bot.Dashboard.Auth;
using ChatSurvey.Bot.Dashboard.Html;
using ChatSurvey.Bot.Storage;
using Microsoft.AspNetCore.Mvc;

namespace ChatSurvey.Bot.Dashboard.Admin;

/// <summary>
/// An admin deletes a person's data by pseudonym (the "respondent" column of the staff exports), for a deletion request
/// that reached the secretariat outside the chat. It goes the way the person's own "borrar" goes
/// (<see cref="ConversationService.EraseAsync"/>): the conversation in progress at once, then responses, answers,
/// events and contact in the domain store, with a tombstone so nothing of theirs still on its way comes back. The page
/// waits for the domain store to confirm. The log records who deleted, never whom.
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

    /// <summary>How long the page waits for the domain store to confirm; the outbox worker usually takes well under a second.</summary>
    private static readonly TimeSpan ConfirmWithin = TimeSpan.FromSeconds(10);

    private static async Task<IResult> Delete(
        HttpContext context, [FromForm] string? pseudonym, ConversationService conversations, SqlResponseStore store, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var respondent = (pseudonym ?? "").Trim().ToLowerInvariant();
        if (respondent.Length != 32 || !respondent.All(char.IsAsciiHexDigitLower))
        {
            return Page(context, Markup.Of($"""<p class="error" role="alert">Un seudónimo son 32 caracteres hexadecimales (0-9, a-f), como en la columna «respondent» del CSV.</p>"""), StatusCodes.Status400BadRequest);
        }

        var requested = await conversations.EraseAsync(respondent, cancellationToken);
        var logger = loggers.CreateLogger("ChatSurvey.Dashboard");
        var staffName = context.User.FindFirstValue(ClaimTypes.Name) ?? "?";
        LogDeleted(logger, staffName);
        var deadline = time.GetTimestamp() + (long)(ConfirmWithin.TotalSeconds * time.TimestampFrequency);
        while (!(await store.DeletedAtAsync(respondent, cancellationToken) >= requested))
        {
            if (time.GetTimestamp() > deadline)
            {
                return Page(context, Markup.Of($"""<p class="ok" role="status">La conversación en curso ya se borró. El borrado de sus respuestas, eventos y contacto está en camino y se completará en cuanto la base de datos lo procese; nada de esa persona volverá a guardarse.</p>"""), StatusCodes.Status202Accepted);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken);
        }

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
