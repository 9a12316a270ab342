using ChatSurvey.Bot.Tests.Infrastructure;
using ChatSurvey.Bot.Tests.Readme;

namespace ChatSurvey.Bot.Tests.Deploy;

/// <summary>
/// docker-compose.yml as compose resolves it with .env.example (no engine needed): only Caddy is published, the one
/// public address reaches every setting that needs it, and the bot trusts the compose network it runs on.
/// </summary>
public sealed class ComposeFileTests
{
    private const string PublicUrl = "https://encuesta.example.org";

    [Fact]
    public async Task Compose_WithTheExampleSettings_OnlyCaddyPublishedAndThePublicAddressEverywhere()
    {
        var (exit, output) = await Config(new() { ["PSEUDONYM_KEY"] = "k", ["POSTGRES_PASSWORD"] = "p" });
        Assert.True(exit == 0, output);
        var services = Services(output);
        Assert.Equal(["bot", "caddy", "postgres", "redis"], services.Keys.Order());
        Assert.Equal(["caddy"], services.Where(s => s.Value.Any(l => l.Trim() == "ports:")).Select(s => s.Key));
        Assert.Contains(services["caddy"], l => l.Trim() == "published: 443");

        var bot = services["bot"];
        Assert.Contains($"      Dashboard__PublicBaseUrl: {PublicUrl}", bot);
        Assert.Contains($"      Twilio__PublicBaseUrl: {PublicUrl}", bot);
        Assert.Contains("      Proxy__KnownProxies__0: 172.30.91.0/24", bot);
        Assert.Contains("      - subnet: 172.30.91.0/24", output.Split('\n'));
        Assert.Contains("      ASPNETCORE_ENVIRONMENT: Production", bot);
        Assert.Contains(bot, l => l.Trim() == "- health");
        foreach (var dependency in new[] { "postgres", "redis" })
        {
            Assert.Contains(services[dependency], l => l.Trim() == "healthcheck:");
        }
    }

    [Fact]
    public async Task Compose_WithoutThePseudonymKey_RefusesNamingIt()
    {
        var (exit, output) = await Config(new() { ["POSTGRES_PASSWORD"] = "p" });
        Assert.NotEqual(0, exit);
        Assert.Contains("PSEUDONYM_KEY", output, StringComparison.Ordinal);
    }

    /// <summary>The services of `docker-compose config`'s output, each as its indented lines.</summary>
    private static Dictionary<string, List<string>> Services(string config)
    {
        var services = new Dictionary<string, List<string>>();
        List<string>? current = null;
        var inServices = false;
        foreach (var line in config.Split('\n'))
        {
            if (!line.StartsWith(' '))
            {
                inServices = line == "services:";
                current = null;
            }
            else if (inServices && line.StartsWith("  ", StringComparison.Ordinal) && line[2] != ' ' && line.EndsWith(':'))
            {
                services[line.Trim().TrimEnd(':')] = current = [];
            }
            else
            {
                current?.Add(line);
            }
        }

        return services;
    }

    /// <param name="secrets">The example's secrets are empty on purpose; the test says which are set.</param>
    private static Task<(int Exit, string Output)> Config(Dictionary<string, string?> secrets)
    {
        var environment = new Dictionary<string, string?> { ["PSEUDONYM_KEY"] = null, ["POSTGRES_PASSWORD"] = null };
        foreach (var (name, value) in secrets)
        {
            environment[name] = value;
        }

        return CommandLine.RunAsync("docker-compose", ["--env-file", ".env.example", "-f", "docker-compose.yml", "config"], ReadmeFile.Root, environment);
    }
}
