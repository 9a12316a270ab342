using ChatSurvey.Bot.Dashboard.Filters;
using ChatSurvey.Bot.Dashboard.Html;
using ChatSurvey.Bot.Storage;

namespace ChatSurvey.Bot.Dashboard.DeadLetters;

/// <summary>The dashboard's warning while dead letters wait, and their list with the admin's actions.</summary>
public static class DeadLetterPage
{
    public const string Path = "/staff/dead-letters";

    public static Markup Banner(long count) => Markup.When(count > 0, Markup.Of($"""
        <p class="warning" role="alert">{(count == 1 ? "1 respuesta o evento no se pudo guardar" : $"{Format.Count(count)} respuestas o eventos no se pudieron guardar")} en la base de datos. Están apartados, no perdidos: <a href="{Path}">revisar</a>.</p>
        """));

    public static Markup Render(HttpContext context, IReadOnlyList<DeadLetter> letters, long total, bool isAdmin, TimeSpan offset, Markup message)
    {
        var rows = letters.Select(letter => Markup.Of($"""
            <tr>
            <td>{letter.FailedAt.ToOffset(offset).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)}</td>
            <td>{(letter.Channel is { } channel ? FilterForm.ChannelName(channel) : "—")}</td>
            <td>{(letter.Kind == DeadLetterKind.Refused ? "Rechazada" : "Ilegible")}</td>
            <td><code>{letter.Reason}</code></td>
            <td class="num">{letter.Attempts}</td>
            {Markup.When(isAdmin, Actions(context, letter))}
            </tr>
            """));
        return Markup.Of($"""
            <h1>Sin guardar</h1>
            <p class="lead">Respuestas y eventos que la base de datos rechazó {OutboxWorker.MaxTries} veces («rechazada») o que no se pudieron leer («ilegible»). Se apartaron para que los demás se guarden; nada se perdió. Después de corregir la causa, quien administra puede reintentarlos. El texto de las respuestas no se muestra aquí.</p>
            {message}
            {Markup.When(total == 0, Markup.Raw("""<p class="ok" role="status">No hay nada sin guardar.</p>"""))}
            {Markup.When(total > letters.Count, Markup.Of($"""<p class="hint">Se muestran las {Format.Count(letters.Count)} más antiguas de {Format.Count(total)}.</p>"""))}
            {Markup.When(total > 0, Markup.Of($"""
                <div class="scroll">
                <table class="dead-letters">
                <thead><tr><th scope="col">Fecha</th><th scope="col">Canal</th><th scope="col">Tipo</th><th scope="col">Motivo</th><th scope="col" class="num">Intentos</th>{Markup.When(isAdmin, Markup.Raw("""<th scope="col">Acciones</th>"""))}</tr></thead>
                <tbody>{rows}</tbody>
                </table>
                </div>
                {Markup.When(isAdmin, RetryAll(context))}
                """))}
            """);
    }

    private static Markup Actions(HttpContext context, DeadLetter letter) => Markup.Of($"""
        <td class="actions">
        {Markup.When(letter.Kind == DeadLetterKind.Refused, Markup.Of($"""
            <form method="post" action="{Path}/retry" class="inline">{Forms.Antiforgery(context)}<input type="hidden" name="id" value="{letter.Id}"><button type="submit">Reintentar</button></form>
            """))}
        <a href="{Path}/{letter.Id}/entry" download>Descargar</a>
        <form method="post" action="{Path}/discard" class="inline">{Forms.Antiforgery(context)}<input type="hidden" name="id" value="{letter.Id}">
        <label class="check"><input type="checkbox" name="confirm" value="1" required> La revisé: borrarla para siempre</label>
        <button type="submit" class="danger">Descartar</button></form>
        </td>
        """);

    private static Markup RetryAll(HttpContext context) => Markup.Of($"""
        <form method="post" action="{Path}/retry" class="inline">{Forms.Antiforgery(context)}<button type="submit">Reintentar todas las rechazadas</button></form>
        """);
}
