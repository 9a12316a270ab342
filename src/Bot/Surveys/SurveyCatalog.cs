using System.Collections.Concurrent;
using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Surveys;

/// <summary>
/// The survey now (<see cref="Current"/>) and the earlier versions that conversations may have started on, by
/// <see cref="CompiledSurvey.Tag"/>. A conversation finishes on the version it started on; when that version is not
/// here, <see cref="For"/> says so and the person is told and starts afresh.
/// </summary>
public sealed class SurveyCatalog(CompiledSurvey current)
{
    private readonly ConcurrentDictionary<uint, CompiledSurvey> _earlier = new();

    public CompiledSurvey Current => current;

    /// <summary>Every version known, the current one first.</summary>
    public IReadOnlyList<CompiledSurvey> All => [current, .. _earlier.Values.OrderByDescending(s => s.Definition.Version, StringComparer.Ordinal)];

    /// <summary>
    /// The survey a conversation runs on: its own version while it is under way, the current one otherwise (and for
    /// states that recorded no version); null when its version is no longer available.
    /// </summary>
    public CompiledSurvey? For(ConversationState state) =>
        !state.InProgress || state.Survey == 0 || state.Survey == current.Tag ? current : _earlier.GetValueOrDefault(state.Survey);

    /// <summary>The versions of the current survey's id that are known, newest first (for the dashboard's filter).</summary>
    public IReadOnlyList<string> Versions => [.. All.Where(s => s.Definition.Id == current.Definition.Id).Select(s => s.Definition.Version).Distinct()];

    /// <summary>The survey of that version (of the current survey's id), or the current one.</summary>
    public CompiledSurvey ForVersion(string? version) =>
        All.FirstOrDefault(s => s.Definition.Version == version && s.Definition.Id == current.Definition.Id) ?? current;

    public void AddEarlier(CompiledSurvey survey)
    {
        if (survey.Tag != current.Tag)
        {
            _earlier[survey.Tag] = survey;
        }
    }
}
