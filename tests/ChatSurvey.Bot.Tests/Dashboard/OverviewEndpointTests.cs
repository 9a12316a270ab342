using System.Net;
using System.Text.Json;

namespace ChatSurvey.Bot.Tests.Dashboard;

/// <summary>The dashboard through HTTP on the seeded SQLite store: JSON figures, the page and its live fragment.</summary>
public sealed class OverviewEndpointTests(SeededDashboard dashboard) : IClassFixture<SeededDashboard>
{
    [Theory]
    [InlineData("", null, null)]
    [InlineData("?promoter=radio_ixtlan", null, "radio_ixtlan")]
    [InlineData("?channel=sms&from=2026-11-03", "sms", null)]
    [InlineData("?channel=messaging", "messaging", null)]
    public async Task OverviewJson_Filter_SameFiguresAsComputedFromTheSeed(string query, string? channel, string? promoter)
    {
        var from = query.Contains("from=", StringComparison.Ordinal) ? new DateOnly(2026, 11, 3) : (DateOnly?)null;
        var expected = new Expected(dashboard.Seed, channel, promoter, from);
        var json = JsonDocument.Parse(await dashboard.Staff.GetStringAsync($"/staff/api/overview.json{query}")).RootElement;

        Assert.Equal(expected.Started, json.GetProperty("started").GetInt32());
        Assert.Equal(expected.Count(SeedOutcome.Completed), json.GetProperty("completed").GetInt32());
        Assert.Equal(expected.Count(SeedOutcome.InProgress), json.GetProperty("inProgress").GetInt32());
        Assert.Equal(expected.Stopped, json.GetProperty("stopped").GetInt32());
        Assert.Equal(expected.Count(SeedOutcome.Abandoned), json.GetProperty("abandoned").GetInt32());
        Assert.Equal(expected.Rate!.Value, json.GetProperty("completionRate").GetDouble(), 9);
        Assert.InRange(json.GetProperty("medianSecondsToComplete").GetDouble(), expected.MedianSeconds!.Value / 1.1, expected.MedianSeconds!.Value * 1.1);
        Assert.Equal(expected.Reached("q5"), json.GetProperty("funnel").EnumerateArray().Single(f => f.GetProperty("question").GetString() == "q5").GetProperty("reached").GetInt32());
    }

    [Fact]
    public async Task DashboardPage_AllData_ShowsTheCardsTheDayChartAndTheFunnel()
    {
        var expected = new Expected(dashboard.Seed);
        var html = await dashboard.Staff.GetStringAsync("/staff");

        Assert.Contains($"<dt>Iniciaron</dt><dd><span class=\"big\">{expected.Started}</span>", html, StringComparison.Ordinal);
        Assert.Contains($"<dt>Completaron</dt><dd><span class=\"big\">{expected.Count(SeedOutcome.Completed)}</span>", html, StringComparison.Ordinal);
        Assert.Contains("role=\"img\" aria-label=\"Personas por día de inicio: 3 días, del 2 nov 2026 al 4 nov 2026", html, StringComparison.Ordinal);
        Assert.Contains($"<dt>Se detuvieron</dt><dd><span class=\"big\">{expected.Stopped}</span>", html, StringComparison.Ordinal);
        Assert.Contains("<table class=\"funnel\" aria-labelledby=\"embudo\">", html, StringComparison.Ordinal);
        Assert.Contains("data-live=\"/staff/api/overview\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LiveFragment_FilteredByPromoter_IsTheFiguresWithoutThePageAround()
    {
        var expected = new Expected(dashboard.Seed, promoter: "sec_mujeres");
        var page = await dashboard.Staff.GetStringAsync("/staff?promoter=sec_mujeres");
        Assert.Contains("data-live=\"/staff/api/overview?promoter=sec_mujeres\"", page, StringComparison.Ordinal);

        var fragment = await dashboard.Staff.GetStringAsync("/staff/api/overview?promoter=sec_mujeres");
        Assert.DoesNotContain("<html", fragment, StringComparison.Ordinal);
        Assert.Contains($"<dt>Iniciaron</dt><dd><span class=\"big\">{expected.Started}</span>", fragment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResultsPage_AllData_EveryQuestionWithItsChart()
    {
        var html = await dashboard.Staff.GetStringAsync("/staff/results");
        var expected = new Expected(dashboard.Seed);

        Assert.Contains($"{expected.Responses.Count} respuestas completas", html, StringComparison.Ordinal);
        Assert.All(Infrastructure.TestSurvey.Compiled.Questions, q => Assert.Contains($"id=\"{q.Code}\"", html, StringComparison.Ordinal));
        Assert.Equal(3, html.Split("<figure class=\"stacked\">").Length - 1);
        Assert.Contains("Veces en el top 5", html, StringComparison.Ordinal);
        Assert.Contains("Puntaje ponderado", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Borda", html, StringComparison.Ordinal);
        Assert.Contains("Rubro por rubro: Gobierno Federal, Gobierno Estatal y Gobierno Municipal de tu localidad (preguntas 5, 6 y 7)", html, StringComparison.Ordinal);
        Assert.Contains("/staff/texts?field=q9.problema_1", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResultsJson_Ranked_WeightedScoreAsComputedFromTheSeed()
    {
        var expected = new Expected(dashboard.Seed);
        var json = JsonDocument.Parse(await dashboard.Staff.GetStringAsync("/staff/api/results.json")).RootElement;
        var scores = json.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("code").GetString() == "q11").GetProperty("weightedScore");
        Assert.All(SeedAnswers.Topics, t => Assert.Equal(expected.WeightedScore(t), scores.GetProperty(t).GetInt64()));
    }

    [Theory]
    [InlineData("/staff?from=2026-11-04&to=2026-11-02")]
    [InlineData("/staff/results?from=2026-11-04&to=2026-11-02")]
    [InlineData("/staff/api/overview.json?from=2026-11-04&to=2026-11-02")]
    [InlineData("/staff/export/responses.csv?from=2026-11-04&to=2026-11-02")]
    [InlineData("/staff?from=4-11-2026")]
    public async Task Filter_RangeTheWrongWayRoundOrNotADate_RefusedWithTheReason(string path)
    {
        using var response = await dashboard.Staff.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(body.Contains("al revés", StringComparison.Ordinal) || body.Contains("no es una fecha", StringComparison.Ordinal), body);
    }

    [Fact]
    public async Task TextsPage_SearchAndPages_EncodedAndPhoneNumbersHidden()
    {
        var html = await dashboard.Staff.GetStringAsync("/staff/texts?field=q9.problema_1&search=%22baches%22");
        Assert.Contains("Basura, drenaje y &quot;baches&quot;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"baches\"", html.Replace("value=\"&quot;baches&quot;\"", "", StringComparison.Ordinal), StringComparison.Ordinal);

        using var page2 = await dashboard.Staff.GetAsync("/staff/texts?field=q9.problema_2&page=2");
        Assert.Equal(HttpStatusCode.OK, page2.StatusCode);
    }
}
