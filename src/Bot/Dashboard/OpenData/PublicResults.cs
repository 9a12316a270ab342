using ChatSurvey.Bot.Dashboard.Filters;
using ChatSurvey.Bot.Dashboard.Overview;
using ChatSurvey.Bot.Dashboard.Results;
using ChatSurvey.Bot.Dashboard.Texts;
using ChatSurvey.Bot.Surveys;
using Microsoft.Extensions.Options;

namespace ChatSurvey.Bot.Dashboard.OpenData;

/// <summary>
/// The public results, worked out from the tallies at most once per PublicResults:RefreshInterval and shared by every
/// visitor until then: the page stays the same between updates (nobody can watch one answer arrive) and costs a few
/// queries an hour whatever the traffic.
/// </summary>
public sealed class PublicResults(OverviewQueries overview, ResultsQueries results, TextQueries texts, SurveyCatalog surveys, IOptions<PublicOptions> options, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private PublicSnapshot? _latest;

    public Suppression Suppression { get; } = new(options.Value.MinCount);

    public async Task<PublicSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh(_latest) is { } fresh)
        {
            return fresh;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            return Fresh(_latest) ?? (_latest = await ComputeAsync(cancellationToken));
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>The figures now (for a release, which is stamped with its own time).</summary>
    public async Task<PublicSnapshot> ComputeAsync(CancellationToken cancellationToken)
    {
        var survey = surveys.Current;
        var approved = new List<(TextField, IReadOnlyList<(string, long)>)>();
        foreach (var field in TextField.All(survey).Where(f => !f.Together))
        {
            approved.Add((field, await texts.ApprovedAsync(field, options.Value.TextsPerField, cancellationToken)));
        }

        return new PublicSnapshot(
            time.GetUtcNow(),
            survey,
            await overview.LoadAsync(DashboardFilter.All, cancellationToken),
            await results.LoadAsync(DashboardFilter.All, cancellationToken),
            approved);
    }

    public void Dispose() => _refresh.Dispose();

    private PublicSnapshot? Fresh(PublicSnapshot? snapshot) =>
        snapshot is not null && time.GetUtcNow() - snapshot.GeneratedAt < options.Value.RefreshInterval ? snapshot : null;
}
