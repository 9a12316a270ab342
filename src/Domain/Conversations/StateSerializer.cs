using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;

namespace ChatSurvey.Domain.Conversations;

/// <summary>
/// A compact binary form of <see cref="ConversationState"/> for Redis: a format byte, small numbers as varints,
/// strings as length-prefixed UTF-8. The longest point of the survey with short texts fits in a few hundred bytes.
/// </summary>
public static class StateSerializer
{
    /// <summary>Format 2 adds the survey tag after the flags; format 1 (no tag) is still read.</summary>
    private const byte Format = 2;

    public static byte[] Serialize(ConversationState state)
    {
        // A pooled buffer that fits the longest state: the one allocation is the returned array.
        var writer = new Writer(ArrayPool<byte>.Shared.Rent(512));
        try
        {
            Write(ref writer, state);
            return writer.Written.ToArray();
        }
        finally
        {
            writer.Dispose();
        }
    }

    private static void Write(ref Writer writer, ConversationState state)
    {
        writer.Byte(Format);
        writer.Byte((byte)state.Stage);
        writer.Byte((byte)state.ReturnTo);
        writer.Byte((byte)((state.Reminded ? 1 : 0) | (state.Unreachable ? 2 : 0)));
        writer.Number(state.Survey);
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
    }

    /// <exception cref="FormatException">The bytes are not a state this version wrote.</exception>
    public static ConversationState Deserialize(ReadOnlySpan<byte> bytes)
    {
        var reader = new Reader(bytes);
        var format = reader.Byte();
        if (format is not (1 or Format))
        {
            throw new FormatException("Unknown conversation state format.");
        }

        var stage = (Stage)reader.Byte();
        var returnTo = (Stage)reader.Byte();
        var flags = reader.Byte();
        var survey = format == 1 ? 0 : reader.Number();
        if (survey is < 0 or > uint.MaxValue)
        {
            throw new FormatException("Malformed survey tag in conversation state.");
        }

        var language = reader.Language();
        var promoter = reader.String();
        var question = (int)reader.Number();
        var startedAt = reader.Number();
        var lastSeen = reader.Number();
        var draft = reader.Answer();
        var count = reader.Count();
        var answers = count == 0 ? [] : new Answer?[count];
        for (var i = 0; i < count; i++)
        {
            answers[i] = reader.Byte() == 0 ? null : reader.Answer();
        }

        if (!reader.AtEnd)
        {
            throw new FormatException("Trailing bytes after the conversation state.");
        }

        // One state object, built once all of it is read; the arrays are fresh and never change after this.
        return new ConversationState
        {
            Stage = stage,
            ReturnTo = returnTo,
            Reminded = (flags & 1) != 0,
            Unreachable = (flags & 2) != 0,
            Survey = (uint)survey,
            Language = language,
            Promoter = promoter.Length > 0 ? promoter : null,
            Question = question,
            StartedAt = startedAt,
            LastSeen = lastSeen,
            Draft = draft,
            Answers = ImmutableCollectionsMarshal.AsImmutableArray(answers),
        };
    }

    /// <summary>Writes into an array from <see cref="ArrayPool{T}.Shared"/>, trading it for a larger one when full.</summary>
    private ref struct Writer(byte[] buffer)
    {
        private byte[] _buffer = buffer;
        private int _position;

        public readonly ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _position);

        public void Byte(byte value)
        {
            Ensure(1);
            _buffer[_position++] = value;
        }

        public void Number(long value)
        {
            // A 64-bit varint takes at most 10 bytes.
            Ensure(10);
            var unsigned = (ulong)value;
            while (unsigned >= 0x80)
            {
                _buffer[_position++] = (byte)(unsigned | 0x80);
                unsigned >>= 7;
            }

            _buffer[_position++] = (byte)unsigned;
        }

        public void String(string value)
        {
            var length = Encoding.UTF8.GetByteCount(value);
            Number(length);
            Ensure(length);
            Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_position, length));
            _position += length;
        }

        // Cleared on return: the buffer held the person's answers.
        public readonly void Dispose() => ArrayPool<byte>.Shared.Return(_buffer, clearArray: true);

        private void Ensure(int count)
        {
            if (_buffer.Length - _position >= count)
            {
                return;
            }

            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _position + count));
            Written.CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer, clearArray: true);
            _buffer = larger;
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

        public string String() => Encoding.UTF8.GetString(StringBytes());

        /// <summary>A language code; the bot's own two are returned as the same instances, not new strings.</summary>
        public string Language()
        {
            var bytes = StringBytes();
            return bytes.SequenceEqual("es"u8) ? "es" : bytes.SequenceEqual("en"u8) ? "en" : Encoding.UTF8.GetString(bytes);
        }

        private ReadOnlySpan<byte> StringBytes()
        {
            var length = (int)Number();
            if (length < 0 || length > _bytes.Length - _position)
            {
                throw new FormatException("Conversation state is truncated.");
            }

            var bytes = _bytes.Slice(_position, length);
            _position += length;
            return bytes;
        }

        public Answer Answer()
        {
            // Plain arrays handed to ImmutableArray without a builder or a copy: they are fresh and never change.
            // A lone choice (yes/no, one option) is held back: without texts it is a shared Answer.Choice instance.
            var choiceCount = Count();
            var choices = choiceCount > 1 ? new int[choiceCount] : [];
            var onlyChoice = choiceCount == 1 ? (int)Number() : 0;
            for (var i = 0; i < choices.Length; i++)
            {
                choices[i] = (int)Number();
            }

            var textCount = Count();
            if (textCount == 0 && choiceCount <= 1)
            {
                return choiceCount == 0 ? Conversations.Answer.Empty : Conversations.Answer.Choice(onlyChoice);
            }

            var texts = textCount == 0 ? [] : new string[textCount];
            for (var i = 0; i < textCount; i++)
            {
                texts[i] = String();
            }

            return new Answer(ImmutableCollectionsMarshal.AsImmutableArray(choiceCount == 1 ? [onlyChoice] : choices), ImmutableCollectionsMarshal.AsImmutableArray(texts));
        }
    }
}
