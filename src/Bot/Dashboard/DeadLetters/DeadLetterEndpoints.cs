using System.Security.Claims;
using ChatSurvey.Bot.Dashboard.Auth;
using ChatSurvey.Bot.Dashboard.Html;
using ChatSurvey.Bot.Storage;
using Microsoft.AspNetCore.Mvc;

namespace ChatSurvey.Bot.Dashboard.DeadLetters;

/// <summary>
/// Dead letters: staff see them; an admin re-drives refused ones after a fix, downloads one to look at it, and
/// discards one that cannot be saved. The log records who did what, never the entries.
/// </summary>
public static partial class DeadLetterEndpoints
{
    public static RouteGroupBuilder MapDeadLetters(this RouteGroupBuilder staff)
    {
        staff.MapGet("/dead-letters", List);
        var admin = staff.MapGroup("/dead-letters").RequireAuthorization(StaffRoles.Admin);
        admin.MapGet("/{id}/entry", Entry);
        admin.MapPost("/retry", Retry).AddEndpointFilter(AntiforgeryCheck.Filter);
        admin.MapPost("/discard", Discard).AddEndpointFilter(AntiforgeryCheck.Filter);
        return staff;
    }

    private static Task<IResult> List(HttpContext context, DeadLetterQueries queries, DeadLetterStore store, DashboardDb db, CancellationToken cancellationToken) =>
        Page(context, queries, store, db, Markup.Empty, StatusCodes.Status200OK, cancellationToken);

    private static async Task<IResult> Entry(string id, DeadLetterQueries queries, CancellationToken cancellationToken) =>
        IsId(id) && await queries.EntryAsync(id, cancellationToken) is { } entry
            ? TypedResults.File(entry, "application/octet-stream", $"dead-letter-{id}.bin")
            : TypedResults.NotFound();

    /// <summary>One dead letter, or without an id every refused one; each in its own transaction, so one still refused stops none of the others.</summary>
    private static async Task<IResult> Retry(
        HttpContext context, [FromForm] string? id, DeadLetterQueries queries, DeadLetterStore store, DashboardDb db, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (id is not null && !IsId(id))
        {
            return await Page(context, queries, store, db, NotAnId, StatusCodes.Status400BadRequest, cancellationToken);
        }

        var outcomes = new List<RedriveOutcome>();
        foreach (var each in id is null ? await queries.RefusedIdsAsync(cancellationToken) : [id])
        {
            outcomes.Add(await store.RedriveAsync(each, cancellationToken));
        }

        var stored = outcomes.Count(o => o == RedriveOutcome.Stored);
        var refused = outcomes.Count(o => o == RedriveOutcome.StillRefused);
        var logger = loggers.CreateLogger("ChatSurvey.Dashboard");
        var staffName = StaffName(context);
        LogRedriven(logger, staffName, stored, refused);
        var message = Markup.Of($"""<p class="{(refused == 0 ? "ok" : "error")}" role="status">Reintento. Guardadas: {stored}. Siguen fallando: {refused}{(refused == 0 ? "" : " (el motivo está en la tabla)")}.</p>""");
        return await Page(context, queries, store, db, message, StatusCodes.Status200OK, cancellationToken);
    }

    private static async Task<IResult> Discard(
        HttpContext context, [FromForm] string? id, [FromForm] string? confirm, DeadLetterQueries queries, DeadLetterStore store, DashboardDb db, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (id is null || !IsId(id))
        {
            return await Page(context, queries, store, db, NotAnId, StatusCodes.Status400BadRequest, cancellationToken);
        }

        if (confirm != "1")
        {
            return await Page(context, queries, store, db, Markup.Raw("""<p class="error" role="alert">Marca la casilla para confirmar que la revisaste.</p>"""), StatusCodes.Status400BadRequest, cancellationToken);
        }

        var discarded = await store.DiscardAsync(id, cancellationToken);
        if (discarded)
        {
            var logger = loggers.CreateLogger("ChatSurvey.Dashboard");
            var staffName = StaffName(context);
            LogDiscarded(logger, staffName);
        }

        var message = discarded ? Markup.Raw("""<p class="ok" role="status">Descartada.</p>""") : Markup.Raw("""<p class="ok" role="status">Ya no estaba.</p>""");
        return await Page(context, queries, store, db, message, StatusCodes.Status200OK, cancellationToken);
    }

    private static Markup NotAnId => Markup.Raw("""<p class="error" role="alert">Eso no es el identificador de una entrada.</p>""");

    private static async Task<IResult> Page(HttpContext context, DeadLetterQueries queries, DeadLetterStore store, DashboardDb db, Markup message, int status, CancellationToken cancellationToken)
    {
        var letters = await queries.ListAsync(cancellationToken);
        var total = await store.CountAsync(cancellationToken) ?? letters.Count;
        var body = DeadLetterPage.Render(context, letters, total, context.User.IsInRole(StaffRoles.Admin), db.Offset, message);
        return Layout.Page(context, "Sin guardar", "/staff", body, status);
    }

    /// <summary>Dead letters are keyed like the domain store's rows: 32 lowercase hexadecimal digits.</summary>
    private static bool IsId(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigitLower);

    private static string StaffName(HttpContext context) => context.User.FindFirstValue(ClaimTypes.Name) ?? "?";

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff member {Staff} re-drove dead letters: {Stored} stored, {Refused} still refused")]
    private static partial void LogRedriven(ILogger logger, string staff, int stored, int refused);

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff member {Staff} discarded a dead letter")]
    private static partial void LogDiscarded(ILogger logger, string staff);
}
