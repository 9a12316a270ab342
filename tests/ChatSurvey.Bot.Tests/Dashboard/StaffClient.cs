using System.Net;
using System.Text.RegularExpressions;
using ChatSurvey.Bot.Tests.Infrastructure;

namespace ChatSurvey.Bot.Tests.Dashboard;

/// <summary>A browser-like HTTP client for the dashboard: keeps cookies, does not follow redirects, fills antiforgery fields.</summary>
public sealed partial class StaffClient : IDisposable
{
    private readonly HttpClient _http;

    public StaffClient(BotHost host)
        : this(host.BaseAddress)
    {
    }

    /// <summary>For a bot in a child process (<see cref="BotProcess"/>).</summary>
    public StaffClient(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    }

    public CookieContainer Cookies { get; }

    public static async Task<StaffClient> SignedInAsync(BotHost host, string name)
    {
        var client = new StaffClient(host);
        using var response = await client.SignInAsync(name, StaffAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public async Task<HttpResponseMessage> SignInAsync(string name, string password, string? returnUrl = null) =>
        await PostFormAsync("/staff/login", "/staff/login", new() { ["name"] = name, ["password"] = password, ["returnUrl"] = returnUrl ?? "" });

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(new Uri(path, UriKind.Relative));

    public async Task<string> GetStringAsync(string path)
    {
        using var response = await GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Reads the antiforgery token from <paramref name="formPage"/>, as a browser would, and posts the form.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, Dictionary<string, string> fields)
    {
        var page = await GetStringAsync(formPage);
        fields["__RequestVerificationToken"] = Token(page);
        return await PostRawAsync(action, fields);
    }

    public async Task<HttpResponseMessage> PostRawAsync(string action, Dictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await _http.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    public static string Token(string html) => AntiforgeryField().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no antiforgery field on the page");

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
