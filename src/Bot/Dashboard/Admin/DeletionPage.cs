using ChatSurvey.Bot.Conversations;
using ChatSurvey.Bot.Dashboard.Filters;
using ChatSurvey.Bot.Dashboard.Html;

namespace ChatSurvey.Bot.Dashboard.Admin;

/// <summary>The deletion page: find the person, confirm what will go, and the log of earlier deletions.</summary>
public static class DeletionPage
{
    public static IResult Render(HttpContext context, Markup message, IReadOnlyList<DeletionLog.Entry> log, int status, TimeSpan offset) => Layout.Page(context, "Borrar datos", "/staff/admin/delete", Markup.Of($"""
        <h1>Borrar los datos de una persona</h1>
        <p class="lead">Para solicitudes de borrado que llegan por otra vía (quien escribe «borrar» en el chat ya se borra sola). Busca a la persona por el canal y su número de teléfono o id de chat, revisa lo que hay y confirma. Se eliminan sus respuestas, sus eventos, su contacto y su conversación en curso. No se puede deshacer.</p>
        {message}
        <form method="post" action="/staff/admin/delete" class="stacked-form">
        {Forms.Antiforgery(context)}
        <label for="d-channel">Canal por el que respondió</label>
        <select id="d-channel" name="channel">{Channel.All.Select(c => Markup.Of($"""<option value="{c.Name}">{FilterForm.ChannelName(c.Name)}</option>"""))}</select>
        <label for="d-address">Número de teléfono (WhatsApp, SMS) o id de chat (Telegram, chat web)</label>
        <input id="d-address" name="address" autocomplete="off" spellcheck="false" maxlength="100">
        <p class="hint">O, si la solicitud trae el seudónimo (columna «respondent» del CSV de respuestas):</p>
        <label for="d-pseudonym">Seudónimo</label>
        <input id="d-pseudonym" name="pseudonym" minlength="32" maxlength="32" autocomplete="off" spellcheck="false">
        <button type="submit">Buscar</button>
        </form>
        <h2>Borrados registrados</h2>
        {Log(log, offset)}
        """), status);

    /// <summary>What was found, counted, and the button that deletes it.</summary>
    public static Markup Confirm(HttpContext context, PersonData found, string method) => Markup.Of($"""
        <div class="warning" role="status">
        <p><strong>Encontramos datos de esta persona:</strong> {Format.Count(found.Responses, "respuesta completa", "respuestas completas")} ({Format.Count(found.AnswerValues, "valor", "valores")}), {Format.Count(found.Events, "evento", "eventos")}, {Format.Count(found.Contacts, "contacto", "contactos")}, {Format.Count(found.DeadLetters, "entrada apartada", "entradas apartadas")}{(found.InConversation ? " y una conversación en curso" : "")}.</p>
        <form method="post" action="/staff/admin/delete" class="inline">
        {Forms.Antiforgery(context)}
        <input type="hidden" name="pseudonym" value="{found.Pseudonym}"><input type="hidden" name="method" value="{method}"><input type="hidden" name="confirm" value="1">
        <button type="submit" class="danger">Borrar definitivamente</button> <a href="/staff/admin/delete">Cancelar</a>
        </form>
        </div>
        """);

    private static Markup Log(IReadOnlyList<DeletionLog.Entry> log, TimeSpan offset) => log.Count == 0
        ? Markup.Of($"""<p>Ninguno todavía.</p>""")
        : Markup.Of($"""
            <div class="scroll"><table class="deletion-log">
            <caption>Quién borró, cuándo y cuántas filas; nunca a quién.</caption>
            <thead><tr><th scope="col">Cuándo</th><th scope="col">Quién</th><th scope="col">Cómo se encontró</th><th scope="col" class="num">Filas</th><th scope="col">Confirmado</th></tr></thead>
            <tbody>{log.Select(e => Markup.Of($"""<tr><td>{Format.Moment(e.At, offset)}</td><td>{e.Staff}</td><td>{(e.Method == DeletionLog.ByAddress ? "canal y número o id" : "seudónimo")}</td><td class="num">{Format.Count(e.Rows)}</td><td>{(e.Confirmed ? "sí" : "en camino")}</td></tr>"""))}</tbody>
            </table></div>
            """);
}
