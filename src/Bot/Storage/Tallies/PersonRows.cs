namespace ChatSurvey.Bot.Storage.Tallies;

/// <summary>
/// The events and responses of recently written people, as this process last wrote them, so the next transaction
/// about them does not read them all back (a person's k-th turn would re-read their k-1 earlier events). Every write
/// of a person stores a new random revision in their people row and here; an entry is used only while the row still
/// holds its revision, so a write by another instance, a rolled-back transaction or a rebuild (revision 0) sends the
/// reader back to the rows.
/// </summary>
internal sealed class PersonRows(int capacity)
{
    private readonly StartOverCache<Snapshot> _entries = new(capacity);

    /// <summary>A revision no row holds yet (never 0, the revision of a row nobody wrote through this class).</summary>
    public static long NewRevision() => Random.Shared.NextInt64(1, long.MaxValue);

    public bool TryGet(string respondent, long revision, out Snapshot rows) =>
        _entries.TryGet(respondent, out rows) && rows.Revision == revision;

    public void Set(string respondent, Snapshot rows) => _entries.Set(respondent, rows);

    public void Remove(string respondent) => _entries.Remove(respondent);

    /// <summary>A person's rows at one revision, and the figures they make; never changed once stored.</summary>
    public sealed record Snapshot(long Revision, StoredEvent[] Events, StoredResponse[] Responses, PersonFigures Figures);
}
