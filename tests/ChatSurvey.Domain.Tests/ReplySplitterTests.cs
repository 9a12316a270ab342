using ChatSurvey.Domain.Conversations;
using Xunit;

namespace ChatSurvey.Domain.Tests;

public class ReplySplitterTests
{
    private static readonly Choice[] SendOrChange = [new("1", "Enviar respuestas"), new("2", "Cambiar una respuesta")];

    [Fact]
    public void Split_ShortReplies_AreReturnedAsTheyAre()
    {
        IReadOnlyList<Reply> replies = [Reply.Plain("Pregunta 1 de 12"), new("¿Aceptas?", ReplyStyle.YesNo, SendOrChange)];

        Assert.Same(replies, ReplySplitter.Split(replies));
    }

    [Fact]
    public void Split_LongLines_CutsAtLineBreakAndKeepsChoicesLast()
    {
        var lines = Enumerable.Range(1, 120).Select(i => $"{i}) Falta de agua potable en la colonia y calles sin pavimentar");
        var text = string.Join('\n', lines);
        var reply = new Reply(text, ReplyStyle.SingleChoice, SendOrChange, "summary");

        var pieces = ReplySplitter.Split([reply]);

        Assert.True(pieces.Count >= 2);
        Assert.All(pieces, p => Assert.InRange(p.Text.Length, 1, ReplySplitter.MaxLength));
        Assert.All(pieces.SkipLast(1), p => Assert.Empty(p.Choices));
        Assert.Equal(SendOrChange, pieces[^1].Choices);
        Assert.Equal(text, string.Join('\n', pieces.Select(p => p.Text)));
        Assert.All(pieces, p => Assert.Matches(@"^\d+\) ", p.Text));
    }

    [Fact]
    public void Split_OneLongLine_CutsAtSpace()
    {
        var text = string.Join(' ', Enumerable.Repeat("baches", 1500));

        var pieces = ReplySplitter.Split([Reply.Plain(text)]);

        Assert.All(pieces, p => Assert.InRange(p.Text.Length, 1, ReplySplitter.MaxLength));
        Assert.All(pieces, p => Assert.DoesNotContain(p.Text.Split(' '), w => w != "baches"));
        Assert.Equal(1500, pieces.Sum(p => p.Text.Split(' ').Length));
    }

    [Fact]
    public void Split_GiantWordOfEmoji_NeverCutsAnEmojiInHalf()
    {
        var text = "a" + string.Concat(Enumerable.Repeat("👍", 3000));

        var pieces = ReplySplitter.Split([Reply.Plain(text)]);

        Assert.All(pieces, p => Assert.False(char.IsHighSurrogate(p.Text[^1])));
        Assert.All(pieces, p => Assert.False(char.IsLowSurrogate(p.Text[0])));
        Assert.Equal(text, string.Concat(pieces.Select(p => p.Text)));
    }

    [Fact]
    public void Split_EngineSummaryWithLongTexts_IsCutWithChoicesOnLastPiece()
    {
        var chat = new Chat().Reach("q3_otro").User(new string('c', 200)).Reach("q8");
        chat.User("otro").User(new string('o', 200));
        chat.User(Long("Falta de agua")).User(Long("Calles sin pavimentar")).User(Long("Basura")).User(Long("Limpieza"));
        chat.User("22 1 2 3 4").User(new string('t', 200)).User("no").Bot("Revisa tus respuestas");

        Assert.True(chat.Replies.Count >= 2);
        Assert.All(chat.Replies, r => Assert.InRange(r.Text.Length, 1, ReplySplitter.MaxLength));
        Assert.All(chat.Replies.SkipLast(1), r => Assert.Empty(r.Choices));
        Assert.Equal(["1", "2"], chat.ChoiceValues);
        Assert.Contains("12) No", chat.LastReply.Text, StringComparison.Ordinal);
    }

    private static string Long(string words) =>
        string.Concat(Enumerable.Repeat(words + " ", 200))[..1000].Trim();
}
