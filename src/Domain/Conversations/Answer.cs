using System.Collections.Immutable;

namespace ChatSurvey.Domain.Conversations;

/// <summary>
/// One question's answer, complete or in progress. <see cref="Choices"/> holds option indexes (single and multiple
/// choice, ranked in order) or, for a grid, the scale index of each row answered so far; <see cref="Texts"/> holds
/// free texts, one per part.
/// </summary>
public sealed record Answer(ImmutableArray<int> Choices, ImmutableArray<string> Texts)
{
    public static readonly Answer Empty = new([], []);

    private static readonly Answer[] SingleChoices = [.. Enumerable.Range(0, 32).Select(i => new Answer([i], []))];

    /// <summary>One chosen option; answers are immutable, so the common small indexes are shared instances.</summary>
    public static Answer Choice(int index) => (uint)index < (uint)SingleChoices.Length ? SingleChoices[index] : new([index], []);

    public static Answer Text(string text) => new([], [text]);

    public Answer AddChoice(int index) => this with { Choices = Choices.Add(index) };

    public Answer AddText(string text) => this with { Texts = Texts.Add(text) };

    public bool Equals(Answer? other) =>
        other is not null && Choices.SequenceEqual(other.Choices) && Texts.SequenceEqual(other.Texts);

    public override int GetHashCode() => HashCode.Combine(Choices.Length, Texts.Length, Choices.FirstOrDefault());
}
