using ChatSurvey.Bot.Tests.Infrastructure;

namespace ChatSurvey.Bot.Tests.WebChat;

public sealed class WholeSurveyTests
{
    [Fact]
    public async Task WebChat_WholeForm_OneCompleteResponseInSqliteUnderCodes()
    {
        await using var host = await BotHost.StartAsync();
        await host.AddPromoterAsync("radio_ixtlan");
        var chat = new WebChatClient(host.Client);
        await chat.Send("/start radio_ixtlan");
        Assert.Contains("Aviso de privacidad", chat.LastText, StringComparison.Ordinal);
        foreach (var answer in SurveyScript.Answers)
        {
            await chat.Send(answer);
        }

        Assert.Contains("gracias", chat.LastText, StringComparison.OrdinalIgnoreCase);

        var responses = await Eventually.Get(() => host.QueryAsync("SELECT survey_id, survey_version, channel, promoter, respondent, language FROM responses"), r => r.Count > 0, "the response in SQLite");
        var response = Assert.Single(responses);
        Assert.Equal(["ogaipo-gobierno-abierto", "2022.1", "web", "radio_ixtlan"], response.Take(4));
        Assert.NotEqual(chat.Conversation, response[4]);
        Assert.Equal("es", response[5]);

        var values = (await host.QueryAsync("SELECT question, COALESCE(row_code, ''), COALESCE(CAST(rank AS TEXT), ''), COALESCE(option_code, ''), COALESCE(text, '') FROM answer_values ORDER BY seq"))
            .Select(v => string.Join('|', v)).ToList();
        Assert.Contains("q1|||si|", values);
        Assert.Contains("q2|||no|", values);
        Assert.Contains("q3|||television|", values);
        Assert.Contains("q3|||otro|", values);
        Assert.Contains("q3_otro||||Perifoneo", values);
        Assert.Contains("q4|||bueno|", values);
        Assert.Contains("q5|transparencia||B|", values);
        Assert.Contains("q5|uso_tic||E|", values);
        Assert.Contains("q6|combate_corrupcion||E|", values);
        Assert.Contains("q7|uso_tic||P|", values);
        Assert.Contains("q8|||otro|", values);
        Assert.Contains("q8_otro||||Migrantes", values);
        Assert.Contains("q9|problema_1|||Falta de agua", values);
        Assert.Contains("q10|idea|||Reciclaje comunitario", values);
        Assert.Contains("q11||1|movilidad_transporte|", values);
        Assert.Contains("q11||5|otro|", values);
        Assert.Contains("q11_otro||||Turismo", values);
        Assert.Contains("q12_contacto|||no|", values);
        Assert.Equal(5 + 6 + 6, values.Count(v => v.StartsWith("q5|", StringComparison.Ordinal) || v.StartsWith("q6|", StringComparison.Ordinal) || v.StartsWith("q7|", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task WebChat_SameMessageIdTwice_SameRepliesAndOneTransition()
    {
        await using var host = await BotHost.StartAsync();
        var chat = new WebChatClient(host.Client);
        await chat.Send("/start");
        await chat.Send("si");
        var first = await chat.Send("si", id: "repeated-0001");
        var again = await chat.Send("si", id: "repeated-0001");
        Assert.Equal(first.Replies.Select(r => r.Text), again.Replies.Select(r => r.Text));
        Assert.Contains("Pregunta 2 de 12", again.Replies[0].Text, StringComparison.Ordinal);

        var next = await chat.Send("estado");
        Assert.Contains("Vas en la pregunta 2 de 12", next.Replies[0].Text, StringComparison.Ordinal);
    }
}
