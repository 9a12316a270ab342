using System.Net;
using System.Text.RegularExpressions;

namespace ChatSurvey.Bot.Tests.Dashboard;

/// <summary>Promoters: an admin creates one, gets its links and QR codes (decoded back), its poster and private page.</summary>
public sealed partial class PromoterTests(SeededDashboard dashboard) : IClassFixture<SeededDashboard>
{
    private const string WhatsApp = "https://wa.me/14155238886?text=Hola%2C%20quiero%20responder%20la%20encuesta%20%28c%C3%B3digo%3A%20radio_ixtlan%29";
    private const string Sms = "sms:+19512345678?body=Hola%2C%20quiero%20responder%20la%20encuesta%20%28c%C3%B3digo%3A%20radio_ixtlan%29";
    private const string Telegram = "https://t.me/EncuestaOaxacaBot?start=radio_ixtlan";

    private string Web => new Uri(dashboard.Host.BaseAddress, "/?ref=radio_ixtlan").AbsoluteUri;

    [Fact]
    public async Task Create_AsAdmin_PageShowsEveryLinkWithItsQrCode()
    {
        await Create("radio_ixtlan", "Radio Ixtlán", "Radio comunitaria de la Sierra Norte");
        var html = await dashboard.Admin.GetStringAsync("/staff/promoters/radio_ixtlan");

        foreach (var link in new[] { WhatsApp, Sms, Telegram, Web })
        {
            Assert.Contains($"href=\"{link}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("envía un SMS al +19512345678 con el texto «Hola, quiero responder la encuesta (código: radio_ixtlan)»", html, StringComparison.Ordinal);
        Assert.Contains("src=\"/staff/promoters/radio_ixtlan/qr/whatsapp.svg\"", html, StringComparison.Ordinal);
        Assert.Matches(StatsLink(), html);
    }

    [Theory]
    [InlineData("whatsapp")]
    [InlineData("telegram")]
    [InlineData("sms")]
    [InlineData("web")]
    public async Task QrCodes_PngAndSvg_DecodeToTheLink(string kind)
    {
        await Create("radio_ixtlan", "Radio Ixtlán", "Radio comunitaria");
        var expected = kind switch { "whatsapp" => WhatsApp, "telegram" => Telegram, "sms" => Sms, _ => Web };

        using var png = await dashboard.Admin.GetAsync($"/staff/promoters/radio_ixtlan/qr/{kind}.png");
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected, QrDecoder.FromPng(await png.Content.ReadAsByteArrayAsync()));
        Assert.Equal(expected, QrDecoder.FromSvg(await dashboard.Admin.GetStringAsync($"/staff/promoters/radio_ixtlan/qr/{kind}.svg")));
    }

    [Fact]
    public async Task Create_BadCodeOrTakenCode_RefusedWithTheReason()
    {
        await Create("sec_mujeres", "Secretaría de las Mujeres", "Gobierno del Estado");
        using var bad = await PostCreate("radio ixtlán", "Radio", "Radio");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("El código debe tener", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var taken = await PostCreate("sec_mujeres", "Otra", "Otra");
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
    }

    [Fact]
    public async Task StaffRole_LeaderboardYes_CreateAndLinksNo()
    {
        await Create("sec_mujeres", "Secretaría de las Mujeres", "Gobierno del Estado");
        var html = await dashboard.Staff.GetStringAsync("/staff/promoters");
        Assert.Contains("Secretaría de las Mujeres", html, StringComparison.Ordinal);
        Assert.DoesNotContain("action=\"/staff/promoters\"", html, StringComparison.Ordinal);

        using var page = await dashboard.Staff.GetAsync("/staff/promoters/sec_mujeres");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        using var create = await dashboard.Staff.PostFormAsync("/staff", "/staff/promoters", new() { ["code"] = "x", ["name"] = "x", ["organisation"] = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
    }

    [Fact]
    public async Task Leaderboard_BothPromoters_MostCompletedFirstWithTheirFigures()
    {
        var html = await dashboard.Staff.GetStringAsync("/staff/promoters");
        var radio = new Expected(dashboard.Seed, promoter: "radio_ixtlan");
        var mujeres = new Expected(dashboard.Seed, promoter: "sec_mujeres");
        var first = (radio.Count(SeedOutcome.Completed), radio.Started).CompareTo((mujeres.Count(SeedOutcome.Completed), mujeres.Started)) >= 0 ? "radio_ixtlan" : "sec_mujeres";

        Assert.True(html.IndexOf(first, StringComparison.Ordinal) < html.IndexOf(first == "radio_ixtlan" ? "sec_mujeres" : "radio_ixtlan", StringComparison.Ordinal));
        Assert.Contains($"<td class=\"num\">{radio.Started}</td><td class=\"num\">{radio.Count(SeedOutcome.Completed)}</td>", html, StringComparison.Ordinal);
        Assert.Contains("Sin promotor", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrivatePage_WithTheToken_FiguresWithoutSignIn_NewTokenRetiresTheOld()
    {
        await Create("radio_ixtlan", "Radio Ixtlán", "Radio comunitaria");
        var link = StatsLink().Match(await dashboard.Admin.GetStringAsync("/staff/promoters/radio_ixtlan")).Value;
        using var anonymous = new HttpClient();
        using var page = await anonymous.GetAsync(new Uri(link));
        var html = await page.Content.ReadAsStringAsync();
        var expected = new Expected(dashboard.Seed, promoter: "radio_ixtlan");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains($"<dt>Iniciaron</dt><dd><span class=\"big\">{expected.Started}</span>", html, StringComparison.Ordinal);
        Assert.Contains($"<dt>Completaron</dt><dd><span class=\"big\">{expected.Count(SeedOutcome.Completed)}</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(dashboard.Seed.People, p => html.Contains(p.Respondent + "\"", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(link + "/poster"))).StatusCode);

        using var renew = await dashboard.Admin.PostFormAsync("/staff/promoters/radio_ixtlan", "/staff/promoters/radio_ixtlan/token", []);
        Assert.Equal(HttpStatusCode.Redirect, renew.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(link))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(dashboard.Host.BaseAddress, "/p/AAAAAAAAAAAAAAAAAAAAAA"))).StatusCode);
    }

    [Fact]
    public async Task Poster_Admin_OnePageWithTheMainQrTheOthersAndWhoInvites()
    {
        await Create("radio_ixtlan", "Radio Ixtlán", "Radio comunitaria");
        var html = await dashboard.Admin.GetStringAsync("/staff/promoters/radio_ixtlan/poster");
        Assert.Contains("<img src=\"qr/whatsapp.svg\" alt=\"Código QR de WhatsApp: " + WhatsApp + "\">", html, StringComparison.Ordinal);
        Assert.Contains("src=\"qr/telegram.svg\"", html, StringComparison.Ordinal);
        Assert.Contains("src=\"qr/web.svg\"", html, StringComparison.Ordinal);
        Assert.Contains("Te invita: <strong>Radio Ixtlán</strong>", html, StringComparison.Ordinal);
        Assert.Contains("Plan de Acción Local", html, StringComparison.Ordinal);
    }

    private async Task Create(string code, string name, string organisation)
    {
        using var response = await PostCreate(code, name, organisation);
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Conflict, $"{(int)response.StatusCode}");
    }

    private Task<HttpResponseMessage> PostCreate(string code, string name, string organisation) =>
        dashboard.Admin.PostFormAsync("/staff/promoters", "/staff/promoters", new() { ["code"] = code, ["name"] = name, ["organisation"] = organisation });

    [GeneratedRegex("http://127\\.0\\.0\\.1:\\d+/p/[A-Za-z0-9_-]{22}")]
    private static partial Regex StatsLink();
}
