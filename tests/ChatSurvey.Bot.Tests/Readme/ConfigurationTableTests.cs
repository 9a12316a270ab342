using System.Text.RegularExpressions;
using ChatSurvey.Bot.Tests.Dashboard;
using ChatSurvey.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatSurvey.Bot.Tests.Readme;

/// <summary>
/// The README's configuration table against the keys the bot reads: the bot is started with every channel on and a
/// source that notes each key looked up, its options are all resolved, and then every key read must have a row (by
/// key, or by its environment variable) and every row a key that is read. Rows others add for keys they bind pass.
/// </summary>
public sealed partial class ConfigurationTableTests
{
    // Keys the framework reads while the bot is built (a trailing * matches any rest); the bot's own are the others.
    private static readonly string[] FrameworkKeys =
    [
        "Logging:*", "Kestrel:*", "Authentication:*", "Metrics:*", "Microsoft:*", "AllowedHosts", "urls", "http_ports", "https_ports",
        "environment", "contentRoot", "applicationName", "webroot", "detailedErrors", "shutdownTimeoutSeconds", "startupTimeoutSeconds",
        "hostingStartupAssemblies", "hostingStartupExcludeAssemblies", "preventHostingStartup", "preferHostingUrls", "suppressStatusMessages",
        "servicesStartConcurrently", "servicesStopConcurrently", "ForwardedHeaders_Enabled", "ReadOnlyDataProtectionKeyDirectory",
        "ASPNETCORE_*", "DOTNET_*", "OTEL_*",
    ];

    // Documented framework keys: read by ASP.NET Core, not by the bot's code.
    private static readonly string[] DocumentedFrameworkKeys = ["Urls"];

    [Fact]
    public async Task ConfigurationTable_KeysTheBotReads_EachHasARowAndEachRowIsRead()
    {
        var table = Table();
        var read = await KeysTheBotReads();

        var undocumented = read.Where(k => !table.Any(row => Covers(row, k))).Order(StringComparer.Ordinal).ToList();
        Assert.True(undocumented.Count == 0, $"Keys the bot reads without a row in README.md's configuration table:\n{string.Join('\n', undocumented)}");

        var stale = table.Where(row => !DocumentedFrameworkKeys.Contains(row.Key) && !read.Any(k => SameKey(row.Normalized, k))).Select(row => row.Key).ToList();
        Assert.True(stale.Count == 0, $"README.md's configuration table has rows for keys the bot never reads:\n{string.Join('\n', stale)}");
    }

    [Fact]
    public void ConfigurationTable_EveryRow_NamesItsEnvironmentVariable()
    {
        var wrong = Table().Where(row => !row.Environment.Contains(ConfigKeys.EnvironmentPrefix(row.Key), StringComparison.Ordinal)).Select(r => $"{r.Key}: {r.Environment}").ToList();
        Assert.True(wrong.Count == 0, $"Rows whose environment variable does not match the key:\n{string.Join('\n', wrong)}");
    }

    private static bool Covers(Row row, string key) => SameKey(row.Normalized, key) || row.Environment.Contains(key, StringComparison.Ordinal);

    /// <summary>Segment by segment, without case; a "*" in the row ("Input:MaxLength:&lt;channel&gt;") matches any one segment.</summary>
    private static bool SameKey(string row, string key)
    {
        var a = row.Split(':');
        var b = key.Split(':');
        return a.Length == b.Length && a.Zip(b).All(p => p.First == "*" || p.First.Equals(p.Second, StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<HashSet<string>> KeysTheBotReads()
    {
        var recorder = new RecordedConfiguration();
        IServiceCollection? services = null;
        var settings = StaffAccounts.Settings();
        foreach (var (key, value) in ChannelsOn())
        {
            settings[key] = value;
        }

        await using (var host = await BotHost.StartAsync(settings, customize: builder =>
        {
            builder.Configuration.Sources.Add(recorder);
            services = builder.Services;
        }))
        {
            // Options bound on first use (IOptions<T>.Value) are bound now, so their keys are read too.
            var botOptions = services!.Select(d => d.ServiceType)
                .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IConfigureOptions<>) && t.GenericTypeArguments[0].Assembly == typeof(Program).Assembly)
                .Select(t => t.GenericTypeArguments[0]).Distinct();
            foreach (var type in botOptions)
            {
                var options = typeof(IOptions<>).MakeGenericType(type);
                _ = options.GetProperty(nameof(IOptions<object>.Value))!.GetValue(host.Services.GetRequiredService(options));
            }
        }

        var keys = recorder.Keys.Keys.ToList();
        // A section read as a whole ("Telegram") before its properties is no key of its own; nor is a computed property
        // the binder looks up too (TelegramOptions.EffectiveMode), which configuration cannot set.
        var computed = ComputedProperties();
        return [.. keys.Where(k => !keys.Any(other => other.StartsWith(k + ":", StringComparison.OrdinalIgnoreCase)) &&
            !FrameworkKeys.Any(f => Matches(f, k)) && !computed.Contains(k.Split(':')[^1]))];
    }

    /// <summary>Names of the bot's options properties that have no setter, and that no settable property shares.</summary>
    private static HashSet<string> ComputedProperties()
    {
        var properties = typeof(Program).Assembly.GetTypes().Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal))
            .SelectMany(t => t.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)).ToList();
        var settable = properties.Where(p => p.SetMethod?.IsPublic == true).Select(p => p.Name).ToHashSet();
        return [.. properties.Where(p => p.SetMethod?.IsPublic != true && !settable.Contains(p.Name)).Select(p => p.Name)];
    }

    private static bool Matches(string pattern, string key) => pattern.EndsWith('*')
        ? key.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase)
        : key.Equals(pattern, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Telegram, Twilio and the web chat all on, with a user and a proxy, and one key in every other section: the binder
    /// looks up an options class's properties only when its section has something in it.
    /// </summary>
    private static Dictionary<string, string?> ChannelsOn() => new()
    {
        ["Redis:KeyPrefix"] = "chatsurvey:",
        ["Reminders:After"] = "1.00:00:00",
        ["WebChat:ProofOfWork:Enabled"] = "true",
        ["Dashboard:UtcOffset"] = "-06:00:00",
        ["PublicResults:Enabled"] = "true",
        ["Survey:OneResponsePerPerson"] = "true",
        ["Telegram:BotToken"] = "123456789:TEST-fake_token",
        ["Telegram:WebhookSecret"] = "secret",
        ["Telegram:ApiBaseUrl"] = "http://127.0.0.1:9",
        ["Twilio:AccountSid"] = "AC00000000000000000000000000000001",
        ["Twilio:AuthToken"] = "token",
        ["Twilio:PublicBaseUrl"] = "http://127.0.0.1:5080",
        ["Twilio:ApiBaseUrl"] = "http://127.0.0.1:9",
        ["Proxy:KnownProxies:0"] = "127.0.0.1",
        ["Input:MaxLength:web"] = "4000",
        ["Retention:Contacts"] = "365.00:00:00",
        ["Voice:From"] = "+529511234567",
    };

    private static List<Row> Table()
    {
        var rows = ReadmeFile.Section("Configuration")
            .Select(l => TableRow().Match(l)).Where(m => m.Success)
            .Select(m => new Row(m.Groups["key"].Value, ConfigKeys.Normalize(m.Groups["key"].Value), m.Groups["env"].Value)).ToList();
        Assert.True(rows.Count > 20, $"only {rows.Count} rows read from README.md's configuration table");
        return rows;
    }

    [GeneratedRegex(@"^\| `(?<key>[^`]+)` \| (?<env>[^|]+) \|")]
    private static partial Regex TableRow();

    private sealed record Row(string Key, string Normalized, string Environment);
}
