using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ChatSurvey.Bot.Conversations;
using ChatSurvey.Bot.Dashboard.Filters;
using ChatSurvey.Bot.Dashboard.Texts;
using ChatSurvey.Bot.Storage;
using ChatSurvey.Bot.Storage.Tallies;
using ChatSurvey.Bot.Tests.Infrastructure;
using ChatSurvey.Bot.Tests.Storage;
using ChatSurvey.Domain.Events;
using Microsoft.Playwright;
using static ChatSurvey.Bot.Tests.Storage.Entries;
using static Microsoft.Playwright.Assertions;

namespace ChatSurvey.Bot.Tests.Dashboard;

/// <summary>
/// Issue 16 in headless Debian Chromium: stopped people and the comparison tables, the report printed to PDF, the
/// public page with small counts withheld, an earlier open-data release still downloadable after a newer one,
/// accent-free search with review marks, and a deletion by phone number with "not found" and the audit log.
/// </summary>
public sealed class ResultsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly System.Globalization.CultureInfo Invariant = System.Globalization.CultureInfo.InvariantCulture;
    private readonly DashboardSeed _seed = new();

    [Fact]
    public async Task Overview_StoppedPeopleAndComparisons_CardsFunnelAndTablesAgree()
    {
        await using var host = await StaffAccounts.StartSeededAsync(_seed);
        // One more person, on the 7th: the axis runs from the 2nd without a gap.
        var lateComer = DashboardSeed.Day1.AddDays(5).AddHours(10);
        await host.Get<SqlResponseStore>().WriteAsync(
            [new OutboxEntry("nov7:1:0", "sms", "nov7", new ConversationStarted(lateComer, null, "es"), SurveyVersion: DashboardSeed.Version), new OutboxEntry("nov7:1:1", "sms", "nov7", new QuestionAsked(lateComer, "q1"), SurveyVersion: DashboardSeed.Version)],
            default);
        var page = await StaffPages.OpenAsync(browser.Browser, host, 1280, 900, "/staff");
        await StaffPages.SignInAsync(page);
        var expected = new Expected(_seed);

        await Expect(StaffPages.Card(page, "Se detuvieron")).ToHaveTextAsync($"{expected.Stopped + 1}");
        await Expect(StaffPages.Card(page, "Abandonaron")).ToHaveTextAsync($"{expected.Count(SeedOutcome.Abandoned)}");
        var stoppedColumn = await page.Locator("table.funnel tbody tr td:nth-child(4)").AllInnerTextsAsync();
        var abandonedColumn = await page.Locator("table.funnel tbody tr td:nth-child(5)").AllInnerTextsAsync();
        Assert.Equal(expected.Stopped + 1, stoppedColumn.Sum(t => int.Parse(t, Invariant)));
        Assert.Equal(expected.Count(SeedOutcome.Abandoned), abandonedColumn.Sum(t => int.Parse(t, Invariant)));

        var byChannel = page.Locator("table.compare").Filter(new() { HasText = "Por canal" });
        var web = byChannel.Locator("tr", new() { HasText = "Chat web" });
        await Expect(web.Locator("td").First).ToHaveTextAsync($"{new Expected(_seed, channel: "web").Started}");
        await Expect(byChannel.Locator("tbody tr")).ToHaveCountAsync(4);
        var byPromoter = page.Locator("table.compare").Filter(new() { HasText = "Por promotor" });
        await Expect(byPromoter.Locator("tr", new() { HasText = "radio_ixtlan" }).Locator("td").First).ToHaveTextAsync($"{new Expected(_seed, promoter: "radio_ixtlan").Started}");

        await Expect(page.Locator("svg.day-chart")).ToHaveAttributeAsync("aria-label", new Regex("6 días, del 2 nov 2026 al 7 nov 2026"));
        await Expect(page.Locator(".x-axis span")).ToHaveCountAsync(6);
        await Expect(page.Locator(".x-axis span").First).ToHaveTextAsync("2 nov 2026");

        await page.Locator("table.funnel a.q", new() { HasText = "5. ¿Cómo calificarías al Gobierno Federal" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/staff/results#q5$"));
        await Expect(page.Locator("section#q5 h2")).ToBeInViewportAsync();

        await page.GotoAsync(new Uri(host.BaseAddress, "/staff?from=2026-11-04&to=2026-11-02").ToString());
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("El periodo está al revés");
        await Expect(page.Locator(".card")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Últimos 7 días" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("from=\\d{4}-\\d{2}-\\d{2}&to=\\d{4}-\\d{2}-\\d{2}"));
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Report_PrintedToPdf_EachQuestionOnItsOwnPageAndNoNavigation()
    {
        await using var host = await StaffAccounts.StartSeededAsync(_seed);
        var page = await StaffPages.OpenAsync(browser.Browser, host, 1280, 900, "/staff/report?channel=messaging");
        await StaffPages.SignInAsync(page);
        await Expect(page.Locator("h1")).ToHaveTextAsync(TestSurvey.Compiled.Definition.Title.Default);
        await Expect(page.Locator(".stamp")).ToContainTextAsync($"Canal: {FilterForm.ChannelName(DashboardFilter.Messaging)}");
        await Expect(page.Locator(".stamp")).ToContainTextAsync(DashboardSeed.Version);

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator("header.top")).ToHaveCountAsync(0);
        await Expect(page.Locator(".report-actions")).ToBeHiddenAsync();
        var breaks = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('section.question')].map(s => s.id + ':' + getComputedStyle(s).breakBefore)");
        var main = TestSurvey.Compiled.Questions.Where(q => q.When is null).Select(q => $"{q.Code}:page").Append("comparacion:page");
        Assert.Equal(main.Order(StringComparer.Ordinal), breaks.Where(b => b.EndsWith(":page", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.All(breaks.Where(b => b.Contains("_otro", StringComparison.Ordinal) || b.StartsWith("q12_", StringComparison.Ordinal)), b => Assert.EndsWith(":auto", b, StringComparison.Ordinal));

        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true });
        var pages = StaffPages.PdfPages(pdf);
        Assert.True(pages >= main.Count() + 1, $"{pages} pages for {main.Count()} questions and the cover");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PublicPage_SmallCountsWithheld_OnlyApprovedTextsAndReadableOnAPhone()
    {
        await using var host = await StaffAccounts.StartSeededAsync(_seed);
        var reviews = host.Get<TextReviews>();
        await reviews.SetAsync("q9.problema_1", FoldedText.Hash(FoldedText.Of("Falta de agua potable")), TextReviews.Approved, "ana", default);
        await reviews.SetAsync("q9.problema_1", FoldedText.Hash(FoldedText.Of("Inseguridad")), TextReviews.Reviewed, "ana", default);
        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 360, Height = 740 }, Locale = "es-MX" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.BaseAddress, "/resultados").ToString());

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Expect(page.Locator("h1")).ToHaveCountAsync(1);
        var expected = new Expected(_seed);
        var q8 = page.Locator("section#q8 table.bars tbody tr");
        foreach (var option in TestSurvey.Compiled.Questions.Single(q => q.Code == "q8").Options)
        {
            var count = expected.Chose("q8", option.Code);
            var row = q8.Filter(new() { HasText = option.Text.Default });
            if (count is > 0 and < 5)
            {
                await Expect(row.Locator("td.num")).ToHaveTextAsync("menos de 5");
            }
            else if (count > 0)
            {
                // Shown, unless it is the one withheld so that a lone small count cannot be worked out.
                await Expect(row.Locator("td.num")).ToHaveTextAsync(new Regex($"^({count} \\(|no se muestra)"));
            }
        }

        await Expect(page.Locator("section#q1 table.bars tbody tr").Filter(new() { HasText = "Sí" }).Locator("td.num")).ToContainTextAsync($"{expected.Chose("q1", "si")} (");
        var texts = page.Locator("section#q9 ul.approved li");
        await Expect(texts).ToHaveCountAsync(1);
        await Expect(texts.First).ToContainTextAsync("Falta de agua potable");
        await Expect(page.Locator("body")).Not.ToContainTextAsync("Inseguridad");
        await Expect(page.Locator("body")).Not.ToContainTextAsync("Caminos rurales");

        var wide = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('body *')].filter(e => !e.closest('.scroll') && e.getBoundingClientRect().right > window.innerWidth + 0.5).map(e => e.tagName + '.' + e.className)");
        Assert.True(wide.Length == 0, string.Join(", ", wide));
        await context.CloseAsync();
    }

    [Fact]
    public async Task Releases_NewerPublished_EarlierStillDownloadableAsPublished()
    {
        await using var host = await StaffAccounts.StartSeededAsync(_seed, new() { ["PublicResults:ReleaseInterval"] = "00:00:00" });
        var page = await StaffPages.OpenAsync(browser.Browser, host, 1280, 900, "/staff/exports");
        await StaffPages.SignInAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publicar ahora" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/resultados/datos$"));
        var first = page.Locator("table.releases tbody tr").First.Locator("th a");
        var firstId = await first.InnerTextAsync();
        var firstSha = await page.Locator("table.releases tbody tr").First.Locator("code").InnerTextAsync();

        await host.Get<SqlResponseStore>().WriteAsync([Completed("later1", "m9"), Completed("later2", "m9"), Completed("later3", "m9")], default);
        await page.GotoAsync(new Uri(host.BaseAddress, "/staff/exports").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Publicar ahora" }).ClickAsync();
        await Expect(page.Locator("table.releases tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("table.releases tbody tr").First.Locator("th a")).ToHaveTextAsync($"{firstId}.2");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = firstId, Exact = true }).ClickAsync());
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal(firstSha, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        using var zip = new ZipArchive(new MemoryStream(bytes));
        Assert.Equal(["datapackage.json", "respuestas.csv", "diccionario.csv", "resultados.csv", "embudo.csv"], zip.Entries.Select(e => e.FullName));
        var rows = RfcCsv.Parse(Read(zip, "respuestas.csv"));
        Assert.Equal(new Expected(_seed).Responses.Count, rows.Count - 1);
        Assert.DoesNotContain("respondent", rows[0]);
        Assert.Contains($"publicación {firstId}", Read(zip, "datapackage.json"), StringComparison.Ordinal);

        using var anonymous = new HttpClient { BaseAddress = host.BaseAddress };
        var catalog = await anonymous.GetStringAsync(new Uri("/resultados/datos.json", UriKind.Relative));
        Assert.Contains($"\"id\":\"{firstId}.2\"", catalog, StringComparison.Ordinal);
        Assert.Contains($"\"responses\":{new Expected(_seed).Responses.Count + 3}", catalog, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Texts_SearchWithoutAccents_FindsAccentedTextsGroupedAndApprovable()
    {
        await using var host = await StaffAccounts.StartSeededAsync(null);
        await host.Get<SqlResponseStore>().WriteAsync(
            [Completed("t1", "m9", text: "Combate a la corrupción"), Completed("t2", "m9", text: "COMBATE A LA CORRUPCION."), Completed("t3", "m9", text: "Corrupción en el municipio"), Completed("t4", "m9", text: "Falta de agua")],
            default);
        var page = await StaffPages.OpenAsync(browser.Browser, host, 1280, 900, "/staff/texts?field=q9.problema_1");
        await StaffPages.SignInAsync(page);
        await page.GetByLabel("Contiene").FillAsync("corrupcion");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aplicar" }).ClickAsync();

        await Expect(page.Locator("p.lead")).ToContainTextAsync("3 textos que contienen «corrupcion», 2 distintos");
        var grouped = page.Locator("ol.texts li").Filter(new() { HasText = "2 personas lo escribieron" });
        await Expect(grouped).ToHaveCountAsync(1);
        await grouped.GetByRole(AriaRole.Button, new() { Name = "Aprobar para publicar" }).ClickAsync();
        await Expect(page.Locator("ol.texts li.approved")).ToHaveCountAsync(1);
        await Expect(page.Locator("ol.texts li.approved")).ToContainTextAsync("Aprobado para publicar");
        await Expect(page).ToHaveURLAsync(new Regex("search=corrupcion"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Deletion_ByPhoneNumber_NotFoundThenFoundConfirmedAndInTheLog()
    {
        await using var host = await StaffAccounts.StartSeededAsync(null);
        var pseudonym = host.Get<Pseudonymizer>().For(new ConversationKey(Channel.WhatsApp, "+5219511234567"));
        await host.Get<SqlResponseStore>().WriteAsync([Event(pseudonym, "m1", new ConversationStarted(Started, null, "es")), Completed(pseudonym, "m9")], default);
        var page = await StaffPages.OpenAsync(browser.Browser, host, 1280, 900, "/staff/admin/delete");
        await StaffPages.SignInAsync(page);

        await page.GetByLabel("Canal por el que respondió").SelectOptionAsync("whatsapp");
        await page.GetByLabel("Número de teléfono").FillAsync("951 123 9999");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buscar" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("No encontramos datos de esa persona");

        await page.GetByLabel("Canal por el que respondió").SelectOptionAsync("whatsapp");
        await page.GetByLabel("Número de teléfono").FillAsync("951 123 4567");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buscar" }).ClickAsync();
        await Expect(page.Locator(".warning")).ToContainTextAsync("1 respuesta completa (5 valores), 2 eventos");
        await page.GetByRole(AriaRole.Button, new() { Name = "Borrar definitivamente" }).ClickAsync();
        await Expect(page.Locator(".ok")).ToContainTextAsync("no queda ningún dato suyo");

        var log = page.Locator("table.deletion-log tbody tr");
        await Expect(log).ToHaveCountAsync(1);
        await Expect(log.Locator("td")).ToHaveTextAsync([new Regex("\\d{4}"), new Regex(StaffAccounts.Admin), new Regex("canal y número o id"), new Regex("^8$"), new Regex("sí")]);
        Assert.DoesNotContain(pseudonym, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await host.Get<SqlResponseStore>().Count($"SELECT COUNT(*) FROM conversation_events WHERE respondent = '{pseudonym}'"));

        await page.GetByLabel("Canal por el que respondió").SelectOptionAsync("whatsapp");
        await page.GetByLabel("Número de teléfono").FillAsync("+52 951 123 4567");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buscar" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("No encontramos datos de esa persona");
        await page.Context.CloseAsync();
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd().TrimStart('\uFEFF');
    }
}
