using System.Diagnostics;
using System.Globalization;
using ChatSurvey.Bot.Dashboard;
using ChatSurvey.Bot.Dashboard.DeadLetters;
using ChatSurvey.Bot.Dashboard.Filters;
using ChatSurvey.Bot.Dashboard.Html;
using ChatSurvey.Bot.Dashboard.OpenData;
using ChatSurvey.Bot.Dashboard.Overview;
using ChatSurvey.Bot.Dashboard.Promoters;
using ChatSurvey.Bot.Dashboard.Results;
using ChatSurvey.Bot.Dashboard.Texts;
using ChatSurvey.Bot.Storage;
using ChatSurvey.Bot.Surveys;
using ChatSurvey.Bot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ChatSurvey.Load;

/// <summary>
/// The dashboard at a campaign's scale (issue 16): a <see cref="Campaign"/> of N completed responses (and the people who
/// did not finish) bulk loaded into PostgreSQL and SQLite, the tallies rebuilt from those rows as an upgraded store
/// would, then the server's work for each page timed in this process: the same queries and rendering the endpoints
/// run (<see cref="OverviewQueries"/>, <see cref="OverviewPage"/>, <see cref="ResultsPage"/>, <see cref="PublicResults"/>),
/// without HTTP. Besides the wall time, the CPU time per request of this process and of the PostgreSQL server, which
/// other work on a shared machine does not inflate as much.
/// </summary>
internal static class DashboardRun
{
    /// <param name="quietBelow">
    /// Before timing, wait (at most an hour) until the machine's one-minute load average is below this, so other work on
    /// a shared machine times itself into the figures less; 0 to start at once.
    /// </param>
    public static async Task RunAsync(long responses, IReadOnlyCollection<string> providers, int repeat, double quietBelow)
    {
        var people = Campaign.PeopleFor(responses);
        Console.WriteLine($"campaign: {people:N0} people, about {responses:N0} of them complete (75 %), 60 days, 4 channels, 24 promoters and none; {Environment.ProcessorCount} cores");
        if (providers.Contains("postgres"))
        {
            // Stopped (and its data deleted) before SQLite's copy is made: at a million responses each takes tens of GB.
            await using var postgres = await PostgresServer.StartAsync();
            var pg = await postgres.CreateDatabaseAsync() + ";Command Timeout=0";
            var postmaster = int.Parse(File.ReadLines(Path.Combine(postgres.Folder, "data", "postmaster.pid")).First(), CultureInfo.InvariantCulture);
            await MeasureAsync("postgres", SqlDialect.Postgres, pg, () => CampaignLoad.PostgresAsync(pg, people), repeat, quietBelow, () => ProcStats.TreeCpu(postmaster));
        }

        if (providers.Contains("sqlite"))
        {
            var folder = Directory.CreateTempSubdirectory("chatsurvey-bench-dashboard-").FullName;
            try
            {
                var file = Path.Combine(folder, "dashboard.db");
                await MeasureAsync("sqlite", SqlDialect.Sqlite, $"Data Source={file}", () => CampaignLoad.SqliteAsync(file, people), repeat, quietBelow, () => TimeSpan.Zero);
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task MeasureAsync(string name, SqlDialect dialect, string connectionString, Func<Task> load, int repeat, double quietBelow, Func<TimeSpan> serverCpu)
    {
        await using var store = new SqlResponseStore(dialect.CreateDataSource(connectionString), dialect);
        await store.MigrateAsync(default);
        SqliteConnection.ClearAllPools();
        var clock = Stopwatch.StartNew();
        await load();
        SqliteConnection.ClearAllPools();
        Console.WriteLine($"{name} load: {clock.Elapsed.TotalSeconds:F0} s; {await CountAsync(store, "responses"):N0} responses, {await CountAsync(store, "answer_values"):N0} answer values, {await CountAsync(store, "conversation_events"):N0} events");

        clock.Restart();
        await ExecuteAsync(store, "DELETE FROM tally_state");
        await store.MigrateAsync(default);
        var rebuilt = clock.Elapsed;
        Console.WriteLine($"{name} tallies rebuilt from the rows (texts folded too) in {rebuilt.TotalSeconds:F0} s: " +
            $"{await CountAsync(store, "people"):N0} people, {await CountAsync(store, "tally_people"):N0} tally_people rows, {await CountAsync(store, "tally_funnel"):N0} tally_funnel, " +
            $"{await CountAsync(store, "tally_answers"):N0} tally_answers, {await CountAsync(store, "tally_durations"):N0} tally_durations");

        var db = new DashboardDb(store, Options.Create(new DashboardOptions()));
        var survey = SurveyFile.Load(new SurveyOptions());
        var catalog = new SurveyCatalog(survey);
        var overview = new OverviewQueries(db, catalog);
        var results = new ResultsQueries(db);
        var promoterStore = new PromoterStore(db, new KnownPromoters(store, TimeProvider.System), TimeProvider.System);
        var deadLetters = new DeadLetterStore(store, TimeProvider.System);
        var reviews = new TextReviews(db, TimeProvider.System);
        var texts = new TextQueries(db, reviews);
        using var publicResults = new PublicResults(overview, results, texts, catalog, Options.Create(new PublicOptions()), TimeProvider.System);
        var releases = new ReleaseStore(db);
        var lastWeek = new DashboardFilter(null, null, DateOnly.FromDateTime(Campaign.Epoch.AddDays(53).UtcDateTime), DateOnly.FromDateTime(Campaign.Epoch.AddDays(59).UtcDateTime));
        var wholeRange = new DashboardFilter(null, null, DateOnly.FromDateTime(Campaign.Epoch.AddDays(-1).UtcDateTime), DateOnly.FromDateTime(Campaign.Epoch.AddDays(61).UtcDateTime));
        (string Label, DashboardFilter Filter)[] filters =
        [
            ("no filter", DashboardFilter.All), ("WhatsApp, one promoter", new DashboardFilter("whatsapp", "promotor_07", null, null)),
            ("last 7 days", lastWeek), ("all 62 days as a range", wholeRange),
        ];

        await WaitForQuietAsync(quietBelow);
        var timer = new Timer(repeat, serverCpu);
        foreach (var (label, filter) in filters)
        {
            await timer.TimeAsync($"{name} live refresh (/staff/api/overview), {label}", async () =>
            {
                var data = await overview.LoadAsync(filter, default);
                return OverviewPage.Figures(data, filter, await promoterStore.ListAsync(default), DateTimeOffset.UtcNow, db.Offset, TimeSpan.FromHours(24), TimeSpan.FromDays(30)).Value.Length;
            });
            await timer.TimeAsync($"{name} overview page (/staff), {label}", async () =>
            {
                var known = await promoterStore.ListAsync(default);
                var waiting = await deadLetters.CountAsync(default) ?? 0;
                var data = await overview.LoadAsync(filter, default);
                var page = Markup.Of($"{DeadLetterPage.Banner(waiting)}{FilterForm.Render("/staff", filter, known, catalog.Versions, db.Today(TimeProvider.System))}{OverviewPage.Figures(data, filter, known, DateTimeOffset.UtcNow, db.Offset, TimeSpan.FromHours(24), TimeSpan.FromDays(30))}");
                return page.Value.Length;
            });
            await timer.TimeAsync($"{name} results page (/staff/results), {label}", async () =>
            {
                var data = await results.LoadAsync(filter, default);
                return ResultsPage.Render(survey, data, q => ResultsPage.TextLinks(q, data, filter)).Value.Length;
            });
        }

        // Staff approve each field's five most written texts, so the public page has texts to look up.
        foreach (var field in TextField.All(survey).Where(f => !f.Together))
        {
            foreach (var group in (await texts.GroupsAsync(DashboardFilter.All, field, null, 1, default)).Page.Take(5))
            {
                await reviews.SetAsync(field.Key, group.Hash, TextReviews.Approved, "bench", default);
            }
        }

        await timer.TimeAsync($"{name} public page (/resultados) as served between updates", async () =>
            PublicPage.Render(await publicResults.GetAsync(default), publicResults.Suppression, await releases.ListAsync(default), db.Offset, "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/").Value.Length);
        var slow = new Timer(Math.Max(3, repeat / 10), serverCpu, warmups: 1);
        await slow.TimeAsync($"{name} public page's figures worked out again (once per PublicResults:RefreshInterval)", async () =>
            PublicPage.Render(await publicResults.ComputeAsync(default), publicResults.Suppression, [], db.Offset, "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/").Value.Length);
        var q9 = TextField.All(survey).Single(f => f.Key == "q9.problema_1");
        await slow.TimeAsync($"{name} texts page (/staff/texts), q9.problema_1 grouped, no filter", async () => (await texts.GroupsAsync(DashboardFilter.All, q9, null, 1, default)).Groups);
        await slow.TimeAsync($"{name} texts page, searching \"agua\"", async () => (await texts.GroupsAsync(DashboardFilter.All, q9, "agua", 1, default)).Groups);
    }

    private static async Task WaitForQuietAsync(double below)
    {
        var waited = Stopwatch.StartNew();
        while (below > 0 && ProcStats.LoadAverage() >= below && waited.Elapsed < TimeSpan.FromHours(1))
        {
            await Task.Delay(TimeSpan.FromSeconds(10));
        }

        Console.WriteLine($"timing after {waited.Elapsed.TotalMinutes:F0} min waiting for the load average to fall below {below:F1}: {ProcStats.LoadAverage():F1}");
    }

    private static async Task<long> CountAsync(SqlResponseStore store, string table)
    {
        await using var connection = await store.OpenAsync(default);
        await using var sql = new Sql(connection, null);
        return Convert.ToInt64(await sql.Scalar($"SELECT COUNT(*) FROM {table}"), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(SqlResponseStore store, string statement)
    {
        await using var connection = await store.OpenAsync(default);
        await using var sql = new Sql(connection, null);
        await sql.Execute(statement);
    }

    /// <summary>
    /// Warms a request up (for 3 s and at least <paramref name="warmups"/> times, so the JIT's tiered compilation has
    /// optimized its code as in a server that has been running), then runs it <c>repeat</c> times; prints the median,
    /// p95 and slowest wall times, and the CPU per request.
    /// </summary>
    private sealed class Timer(int repeat, Func<TimeSpan> serverCpu, int warmups = 10)
    {
        public async Task TimeAsync(string label, Func<Task<long>> work)
        {
            var warming = Stopwatch.StartNew();
            for (var i = 0; i < warmups || warming.Elapsed < TimeSpan.FromSeconds(3); i++)
            {
                await work();
            }

            var times = new List<double>();
            long size = 0;
            var (ownBefore, serverBefore, load) = (Process.GetCurrentProcess().TotalProcessorTime, serverCpu(), ProcStats.LoadAverage());
            for (var i = 0; i < repeat; i++)
            {
                var started = Stopwatch.GetTimestamp();
                size = await work();
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            var own = (Process.GetCurrentProcess().TotalProcessorTime - ownBefore).TotalMilliseconds / repeat;
            var server = (serverCpu() - serverBefore).TotalMilliseconds / repeat;
            times.Sort();
            Console.WriteLine(
                $"{label}: median {times[times.Count / 2]:F1} ms, p95 {times[(int)Math.Ceiling(times.Count * 0.95) - 1]:F1} ms, max {times[^1]:F1} ms; " +
                $"CPU {own:F1} ms here + {server:F1} ms database server per request ({repeat} runs, {size:N0} characters/groups; load average {load:F1})");
        }
    }
}
