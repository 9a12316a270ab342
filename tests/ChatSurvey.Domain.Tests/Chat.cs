using System.Text;
using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Events;
using Xunit;

namespace ChatSurvey.Domain.Tests;

/// <summary>
/// A transcript that reads like the chat: <c>new Chat(survey).User("hola").Bot("Aviso de privacidad")</c>. Every
/// message runs the engine with a clock that moves 10 s per message and round-trips the new state through
/// <see cref="StateSerializer"/>, as the host does between turns.
/// </summary>
public sealed class Chat(CompiledSurvey survey)
{
    public static readonly DateTimeOffset Epoch = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private readonly StringBuilder _transcript = new();
    private readonly List<ConversationEvent> _allEvents = [];

    public Chat()
        : this(SurveyFixture.Survey)
    {
    }

    /// <summary>The time of the next message; set it (or call <see cref="Wait"/>) to simulate silence.</summary>
    public DateTimeOffset Now { get; set; } = Epoch;

    public ConversationState State { get; private set; } = ConversationState.Initial;

    /// <summary>The replies of the last turn.</summary>
    public IReadOnlyList<Reply> Replies { get; private set; } = [];

    /// <summary>The events of the last turn.</summary>
    public IReadOnlyList<ConversationEvent> Events { get; private set; } = [];

    /// <summary>Every event since the chat began.</summary>
    public IReadOnlyList<ConversationEvent> AllEvents => _allEvents;

    public Reply LastReply => Replies.Count > 0 ? Replies[^1] : throw new InvalidOperationException("the bot said nothing");

    /// <summary>The values of the last reply's choices ("1", "2", … or "E", "B", …).</summary>
    public IReadOnlyList<string> ChoiceValues => [.. LastReply.Choices.Select(c => c.Value)];

    /// <summary>The code of the question being asked, or null outside <see cref="Stage.Asking"/>.</summary>
    public string? CurrentQuestion => State.Stage == Stage.Asking ? survey.Questions[State.Question].Code : null;

    public string Transcript => _transcript.ToString();

    public Chat User(string text) => Send(Input.FromText(text), text);

    public Chat Start(string? payload = null) => Send(Input.Start(payload), $"[start {payload}]");

    public Chat Media() => Send(Input.NotText, "[photo]");

    public Chat Send(Input input) => Send(input, input.Kind == InputKind.Text ? input.Text : $"[{input.Kind} {input.Payload}]");

    public Chat Wait(TimeSpan silence)
    {
        Now += silence;
        return this;
    }

    /// <summary>Asserts that some reply of the last turn contains <paramref name="text"/>.</summary>
    public Chat Bot(string text)
    {
        if (!Replies.Any(r => r.Text.Contains(text, StringComparison.Ordinal)))
        {
            Assert.Fail($"no reply contains \"{text}\".\n{Transcript}");
        }

        return this;
    }

    /// <summary>Asserts that no reply of the last turn contains <paramref name="text"/>.</summary>
    public Chat NoBot(string text)
    {
        if (Replies.Any(r => r.Text.Contains(text, StringComparison.Ordinal)))
        {
            Assert.Fail($"a reply contains \"{text}\".\n{Transcript}");
        }

        return this;
    }

    /// <summary>The one event of type <typeparamref name="T"/> in the last turn.</summary>
    public T Event<T>()
        where T : ConversationEvent
    {
        var found = Events.OfType<T>().ToList();
        return found.Count == 1 ? found[0] : throw new InvalidOperationException($"{found.Count} {typeof(T).Name} events in the last turn.\n{Transcript}");
    }

    public bool Has<T>()
        where T : ConversationEvent => Events.OfType<T>().Any();

    /// <summary>The stored answer of question <paramref name="code"/>, or null.</summary>
    public Answer? AnswerOf(string code) => State.AnswerAt(SurveyFixture.Index(code));

    /// <summary>The option indexes stored for <paramref name="code"/> (an array, so asserts compare contents).</summary>
    public int[] ChoicesOf(string code) => Answered(code).Choices.ToArray();

    public string[] TextsOf(string code) => Answered(code).Texts.ToArray();

    private Answer Answered(string code) =>
        AnswerOf(code) ?? throw new InvalidOperationException($"{code} has no answer.\n{Transcript}");

    private Chat Send(Input input, string shown)
    {
        var turn = ConversationEngine.Resume(survey, State, input, Now);
        Now += TimeSpan.FromSeconds(10);

        var bytes = StateSerializer.Serialize(turn.State);
        var restored = StateSerializer.Deserialize(bytes);
        Assert.Equal(turn.State, restored);

        State = restored;
        Replies = turn.Replies;
        Events = turn.Events;
        _allEvents.AddRange(turn.Events);
        _transcript.Append("> ").AppendLine(shown);
        foreach (var reply in turn.Replies)
        {
            _transcript.Append("< ").AppendLine(reply.Text.Length > 300 ? reply.Text[..300] + "…" : reply.Text);
        }

        return this;
    }
}
