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

    /// <exception cref="JsonException">Not an entry: not JSON, an unknown event type, or a required field missing.</exception>
    public static OutboxEntry DeserializeEntry(ReadOnlySpan<byte> json)
    {
        var entry = JsonSerializer.Deserialize<OutboxEntry>(json, Options);
        // The serializer leaves a missing constructor argument null, whatever its nullability says.
        return entry is { Id: not null, Channel: not null, Respondent: not null, Event: not null }
            ? entry
            : throw new JsonException("outbox entry without id, channel, respondent or event");
    }

    /// <summary>The respondent and channel of an entry that does not decode as a whole, where they are there as strings.</summary>
    public static (string? Respondent, string? Channel) Peek(ReadOnlyMemory<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? (Text(document.RootElement, "respondent"), Text(document.RootElement, "channel"))
                : (null, null);
        }
        catch (JsonException)
        {
            return (null, null);
        }

        static string? Text(JsonElement entry, string name) =>
            entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

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
