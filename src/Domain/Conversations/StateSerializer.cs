using System.Buffers;
using System.Collections.Immutable;
using System.Text;

namespace ChatSurvey.Domain.Conversations;

/// <summary>
/// A compact binary form of <see cref="ConversationState"/> for Redis: a format byte, small numbers as varints,
/// strings as length-prefixed UTF-8. The longest point of the survey with short texts fits in a few hundred bytes.
/// </summary>
public static class StateSerializer
{
    private const byte Format = 1;

    public static byte[] Serialize(ConversationState state)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        var writer = new Writer(buffer);
        writer.Byte(Format);
        writer.Byte((byte)state.Stage);
        writer.Byte((byte)state.ReturnTo);
        writer.Byte((byte)((state.Reminded ? 1 : 0) | (state.Unreachable ? 2 : 0)));
        writer.String(state.Language);
        writer.String(state.Promoter ?? "");
        writer.Number(state.Question);
        writer.Number(state.StartedAt);
        writer.Number(state.LastSeen);
        writer.Answer(state.Draft);
        writer.Number(state.Answers.Length);
        foreach (var answer in state.Answers)
        {
            writer.Byte(answer is null ? (byte)0 : (byte)1);
            if (answer is not null)
            {
                writer.Answer(answer);
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <exception cref="FormatException">The bytes are not a state this version wrote.</exception>
    public static ConversationState Deserialize(ReadOnlySpan<byte> bytes)
    {
        var reader = new Reader(bytes);
        if (reader.Byte() != Format)
        {
            throw new FormatException("Unknown conversation state format.");
        }

        var stage = (Stage)reader.Byte();
        var returnTo = (Stage)reader.Byte();
        var flags = reader.Byte();
        var state = new ConversationState
        {
            Stage = stage,
            ReturnTo = returnTo,
            Reminded = (flags & 1) != 0,
            Unreachable = (flags & 2) != 0,
            Language = reader.String(),
            Promoter = reader.String() is { Length: > 0 } promoter ? promoter : null,
            Question = (int)reader.Number(),
            StartedAt = reader.Number(),
            LastSeen = reader.Number(),
            Draft = reader.Answer(),
        };
        var count = reader.Count();
        var answers = ImmutableArray.CreateBuilder<Answer?>(count);
        for (var i = 0; i < count; i++)
        {
            answers.Add(reader.Byte() == 0 ? null : reader.Answer());
        }

        return reader.AtEnd ? state with { Answers = answers.MoveToImmutable() } : throw new FormatException("Trailing bytes after the conversation state.");
    }

    private readonly ref struct Writer(ArrayBufferWriter<byte> buffer)
    {
        public void Byte(byte value)
        {
            buffer.GetSpan(1)[0] = value;
            buffer.Advance(1);
        }

        public void Number(long value)
        {
            var unsigned = (ulong)value;
            while (unsigned >= 0x80)
            {
                Byte((byte)(unsigned | 0x80));
                unsigned >>= 7;
            }

            Byte((byte)unsigned);
        }

        public void String(string value)
        {
            var length = Encoding.UTF8.GetByteCount(value);
            Number(length);
            Encoding.UTF8.GetBytes(value, buffer.GetSpan(length));
            buffer.Advance(length);
        }

        public void Answer(Answer answer)
        {
            Number(answer.Choices.Length);
            foreach (var choice in answer.Choices)
            {
                Number(choice);
            }

            Number(answer.Texts.Length);
            foreach (var text in answer.Texts)
            {
                String(text);
            }
        }
    }

    private ref struct Reader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _position;

        public readonly bool AtEnd => _position == _bytes.Length;

        public byte Byte() => _position < _bytes.Length ? _bytes[_position++] : throw new FormatException("Conversation state is truncated.");

        public long Number()
        {
            ulong value = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                var b = Byte();
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return (long)value;
                }
            }

            throw new FormatException("Malformed number in conversation state.");
        }

        /// <summary>A list length, bounded so corrupt bytes cannot ask for a huge allocation.</summary>
        public int Count()
        {
            var count = Number();
            return count is >= 0 and <= 1024 ? (int)count : throw new FormatException("Malformed list in conversation state.");
        }

        public string String()
        {
            var length = (int)Number();
            if (length < 0 || length > _bytes.Length - _position)
            {
                throw new FormatException("Conversation state is truncated.");
            }

            var text = Encoding.UTF8.GetString(_bytes.Slice(_position, length));
            _position += length;
            return text;
        }

        public Answer Answer()
        {
            var choiceCount = Count();
            var choices = ImmutableArray.CreateBuilder<int>(choiceCount);
            for (var i = 0; i < choiceCount; i++)
            {
                choices.Add((int)Number());
            }

            var textCount = Count();
            var texts = ImmutableArray.CreateBuilder<string>(textCount);
            for (var i = 0; i < textCount; i++)
            {
                texts.Add(String());
            }

            return choices.Count == 0 && texts.Count == 0 ? Conversations.Answer.Empty : new Answer(choices.MoveToImmutable(), texts.MoveToImmutable());
        }
    }
}
