namespace ChatSurvey.Bot.Storage.Tallies;

/// <summary>Ordinal order of tally rows' keys, the same in every process (culture-free), so writers lock rows in one order.</summary>
internal sealed class KeyOrder :
    IComparer<TallyKey>, IComparer<(TallyKey Key, string Question)>, IComparer<(TallyKey Key, AnswerKey Answer)>, IComparer<(TallyKey Key, int Bucket)>
{
    public static readonly KeyOrder Instance = new();

    public int Compare(TallyKey x, TallyKey y)
    {
        var c = string.CompareOrdinal(x.Day, y.Day);
        c = c != 0 ? c : string.CompareOrdinal(x.Channel, y.Channel);
        c = c != 0 ? c : string.CompareOrdinal(x.Promoter, y.Promoter);
        return c != 0 ? c : string.CompareOrdinal(x.Version, y.Version);
    }

    public int Compare((TallyKey Key, string Question) x, (TallyKey Key, string Question) y)
    {
        var c = Compare(x.Key, y.Key);
        return c != 0 ? c : string.CompareOrdinal(x.Question, y.Question);
    }

    public int Compare((TallyKey Key, AnswerKey Answer) x, (TallyKey Key, AnswerKey Answer) y)
    {
        var c = Compare(x.Key, y.Key);
        c = c != 0 ? c : string.CompareOrdinal(x.Answer.Question, y.Answer.Question);
        c = c != 0 ? c : string.CompareOrdinal(x.Answer.Row, y.Answer.Row);
        c = c != 0 ? c : x.Answer.Rank.CompareTo(y.Answer.Rank);
        return c != 0 ? c : string.CompareOrdinal(x.Answer.Option, y.Answer.Option);
    }

    public int Compare((TallyKey Key, int Bucket) x, (TallyKey Key, int Bucket) y)
    {
        var c = Compare(x.Key, y.Key);
        return c != 0 ? c : x.Bucket.CompareTo(y.Bucket);
    }
}
