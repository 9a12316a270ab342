namespace ChatSurvey.Bot.Health;

/// <summary>
/// `ChatSurvey.Bot health`: asks the bot listening in this container for /readyz and exits 0 when it is ready. It is the
/// compose file's health check: the runtime image has no curl or wget, and the bot's own binary is already there.
/// </summary>
public static partial class HealthCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <param name="urls">The URLS (or ASPNETCORE_URLS) the bot listens on; its first address is asked.</param>
    /// <returns>The process exit code: 0 ready, 1 not.</returns>
    public static async Task<int> RunAsync(string? urls, TextWriter error)
    {
        var target = ReadyUrl(urls);
        using var client = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await client.GetAsync(target);
            if (response.IsSuccessStatusCode)
            {
                return 0;
            }

            await error.WriteLineAsync($"{target}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await error.WriteLineAsync($"{target}: {e.Message}");
        }

        return 1;
    }

    /// <summary>"http://0.0.0.0:8080;http://[::]:8080" → http://127.0.0.1:8080/readyz: a wildcard host is reached on loopback.</summary>
    public static Uri ReadyUrl(string? urls)
    {
        var first = (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "http://127.0.0.1:8080";
        var local = AnyHost().Replace(first, "$1://127.0.0.1");
        return new Uri(new Uri(local.TrimEnd('/') + "/"), "readyz");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(https?)://(\+|\*|0\.0\.0\.0|\[::\])(?=[:/]|$)")]
    private static partial System.Text.RegularExpressions.Regex AnyHost();
}
