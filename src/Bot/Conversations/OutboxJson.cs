using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ChatSurvey.Domain.Conversations;
using ChatSurvey.Domain.Events;

namespace ChatSurvey.Bot.Conversations;

/// <summary>
/// JSON for what leaves the process through Redis: outbox entries (events tagged by "type", as in the events' doc
/// comments) and pending replies. The domain stays free of serialization attributes; the mapping lives here.
/// </summary>
public static class OutboxJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { TagEvents } },
    };

    public static byte[] Serialize(OutboxEntry entry) => JsonSerializer.SerializeToUtf8Bytes(entry, Options);

    public static OutboxEntry DeserializeEntry(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<OutboxEntry>(json, Options) ?? throw new JsonException("empty outbox entry");

    public static byte[] Serialize(IReadOnlyList<Reply> replies) => JsonSerializer.SerializeToUtf8Bytes(replies, Options);

    public static IReadOnlyList<Reply> DeserializeReplies(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<List<Reply>>(json, Options) ?? [];

    private static void TagEvents(JsonTypeInfo info)
    {
        if (info.Type != typeof(ConversationEvent))
        {
            return;
        }

        info.PolymorphismOptions = new JsonPolymorphismOptions
        {
            TypeDiscriminatorPropertyName = "type",
            DerivedTypes =
            {
                new JsonDerivedType(typeof(ConversationStarted), "started"),
                new JsonDerivedType(typeof(QuestionAsked), "questionAsked"),
                new JsonDerivedType(typeof(AnswerRecorded), "answerRecorded"),
                new JsonDerivedType(typeof(AnswerRejected), "answerRejected"),
                new JsonDerivedType(typeof(WentBack), "wentBack"),
                new JsonDerivedType(typeof(ConversationCancelled), "cancelled"),
                new JsonDerivedType(typeof(ConversationCompleted), "completed"),
                new JsonDerivedType(typeof(DeletionRequested), "deletionRequested"),
                new JsonDerivedType(typeof(ReminderSent), "reminderSent"),
                new JsonDerivedType(typeof(PersonUnreachable), "unreachable"),
                new JsonDerivedType(typeof(ConversationAbandoned), "abandoned"),
            },
        };
    }
}
