using System.Security.Claims;
using ChatSurvey.Bot.Conversations;
using ChatSurvey.Bot.Dashboard.Auth;
using ChatSurvey.Bot.Dashboard.Html;
using ChatSurvey.Bot.Storage;
using Microsoft.AspNetCore.Mvc;

namespace ChatSurvey.Bot.Dashboard.Admin;

/// <summary>
/// An admin deletes a person's data for a request that reached the secretariat outside the chat. The person is found
/// by channel and phone number or chat id (turned into the pseudonym; see <see cref="PersonLookup"/>) or by pseudonym;
/// the page says what it found, or that nothing matches, and deletes only once confirmed. The deletion goes the way
/// the person's own "borrar" goes (<see cref="ConversationService.EraseAsync"/>): the conversation in progress at once,
/// then responses, answers, events and contact in the domain store, with a tombstone so nothing of theirs still on its
/// way comes back. The page waits for the domain store to confirm and writes the deletion log: who, when, how many
/// rows, never whom.
/// </summary>
public static class DeletionEndpoints
{
    /// <summary>How long the page waits for the domain store to confirm; the outbox worker usually takes well under a second.</summary>
    private static readonly TimeSpan ConfirmWithin = TimeSpan.FromSeconds(10);

    public static RouteGroupBuilder MapDeletion(this RouteGroupBuilder staff)
    {
        var admin = staff.MapGroup("/admin").RequireAuthorization(StaffRoles.Admin);
        admin.MapGet("/delete", Form);
        admin.MapPost("/delete", Delete).AddEndpointFilter(AntiforgeryCheck.Filter);
        return staff;
    }

    private static async Task<IResult> Form(HttpContext context, DeletionLog log, DashboardDb db, CancellationToken cancellationToken) =>
        DeletionPage.Render(context, Markup.Empty, await log.RecentAsync(20, cancellationToken), StatusCodes.Status200OK, db.Offset);

    private static async Task<IResult> Delete(
        HttpContext context, [FromForm] string? channel, [FromForm] string? address, [FromForm] string? pseudonym, [FromForm] string? method, [FromForm] string? confirm,
        PersonLookup lookup, ConversationService conversations, SqlResponseStore store, DeletionLog log, DashboardDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        async Task<IResult> Page(Markup message, int status) => DeletionPage.Render(context, message, await log.RecentAsync(20, cancellationToken), status, db.Offset);

        var respondent = (pseudonym ?? "").Trim().ToLowerInvariant();
        var byPseudonym = respondent.Length > 0;
        if (byPseudonym && (respondent.Length != 32 || !respondent.All(char.IsAsciiHexDigitLower)))
        {
            return await Page(Markup.Of($"""<p class="error" role="alert">Un seudónimo son 32 caracteres hexadecimales (0-9, a-f), como en la columna «respondent» del CSV.</p>"""), StatusCodes.Status400BadRequest);
        }

        var on = Channel.Find(channel);
        if (!byPseudonym && (on is null || PersonLookup.Candidates(on, address ?? "").Count == 0))
        {
            return await Page(Markup.Of($"""<p class="error" role="alert">Escribe el número de teléfono (con o sin +52) o el id de chat, y elige el canal por el que respondió.</p>"""), StatusCodes.Status400BadRequest);
        }

        // A confirmation carries the pseudonym found, and says how it was found.
        var how = byPseudonym && method != DeletionLog.ByAddress ? DeletionLog.ByPseudonym : DeletionLog.ByAddress;
        var found = byPseudonym ? await lookup.ByPseudonymAsync(respondent, cancellationToken) : await lookup.ByAddressAsync(on!, address!, cancellationToken);

        // A confirmed deletion goes ahead even when the store shows nothing yet: the person's entries may still be on
        // their way, and the tombstone keeps them out.
        if (confirm != "1" || !byPseudonym)
        {
            return found is null
                ? await Page(Markup.Of($"""<p class="error" role="alert">No encontramos datos de esa persona: nada que borrar. Revisa el canal y el número o id.</p>"""), StatusCodes.Status404NotFound)
                : await Page(DeletionPage.Confirm(context, found, how), StatusCodes.Status200OK);
        }

        found ??= new PersonData(respondent, 0, 0, 0, 0, 0, false);

        var requested = await conversations.EraseAsync(found.Pseudonym, cancellationToken);
        var deadline = time.GetTimestamp() + (long)(ConfirmWithin.TotalSeconds * time.TimestampFrequency);
        var confirmed = true;
        while (!(await store.DeletedAtAsync(found.Pseudonym, cancellationToken) >= requested))
        {
            if (time.GetTimestamp() > deadline)
            {
                confirmed = false;
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken);
        }

        await log.AddAsync(new DeletionLog.Entry(time.GetUtcNow(), context.User.FindFirstValue(ClaimTypes.Name) ?? "?", how, found.Rows, confirmed), cancellationToken);
        return confirmed
            ? await Page(Markup.Of($"""<p class="ok" role="status">Listo: se borraron {Format.Count(found.Rows, "fila", "filas")} de esa persona (respuestas, eventos, contacto y conversación en curso); no queda ningún dato suyo.</p>"""), StatusCodes.Status200OK)
            : await Page(Markup.Of($"""<p class="ok" role="status">La conversación en curso ya se borró. El borrado de sus respuestas, eventos y contacto está en camino y se completará en cuanto la base de datos lo procese; nada de esa persona volverá a guardarse.</p>"""), StatusCodes.Status202Accepted);
    }
}
