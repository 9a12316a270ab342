using System.Text.RegularExpressions;
using ChatSurvey.Bot.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatSurvey.Bot.Tests.Dashboard;

/// <summary>The dashboard in a browser as staff reach it: a page in its own context, the sign-in form, the cards.</summary>
public static partial class StaffPages
{
    public static async Task<IPage> OpenAsync(IBrowser browser, BotHost host, int width, int height, string path)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, Locale = "es-MX", AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.BaseAddress, path).ToString());
        return page;
    }

    /// <summary>The sign-in form the protected page redirected to; afterwards the browser is back on that page.</summary>
    public static async Task SignInAsync(IPage page, string name = StaffAccounts.Admin)
    {
        await Expect(page).ToHaveURLAsync(SignInUrl());
        await page.GetByLabel("Nombre de usuario").FillAsync(name);
        await page.GetByLabel("Contraseña").FillAsync(StaffAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Entrar" }).ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(SignInUrl());
    }

    public static ILocator Card(IPage page, string title) => page.Locator($".card:has(dt:text-is('{title}')) .big");

    /// <summary>The pages of a PDF Chromium printed (each a "/Type /Page" object; "/Pages" is their tree).</summary>
    public static int PdfPages(byte[] pdf) => PdfPage().Count(System.Text.Encoding.Latin1.GetString(pdf));

    [GeneratedRegex("/staff/login")]
    private static partial Regex SignInUrl();

    [GeneratedRegex(@"/Type\s*/Page[^s]")]
    private static partial Regex PdfPage();
}
