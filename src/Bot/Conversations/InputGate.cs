using ChatSurvey.Domain.Answers;
using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Conversations;

/// <summary>
/// What every channel's input passes before the engine sees it: text cleaned (<see cref="TextHygiene"/>) and cut to the
/// channel's limit, a typed "/start CODE" read as a start, and a start code kept only when it names a promoter that
/// exists, so nobody can credit an invented one.
/// </summary>
public sealed class InputGate(InputOptions options, IPromoterCodes promoters)
{
    /// <summary>Button values and prompt ids are short; anything longer was not made by this bot.</summary>
    private const int MaxButtonLength = 256;

    public async ValueTask<Input> PrepareAsync(Channel channel, Input input, CancellationToken cancellationToken)
    {
        var prepared = input.Kind switch
        {
            InputKind.Text => Text(input, TextHygiene.Clean(input.Text, options.MaxLengthOf(channel))),
            InputKind.Button => input with { Payload = TextHygiene.Clean(input.Payload ?? "", MaxButtonLength), Text = TextHygiene.Clean(input.Text, MaxButtonLength) },
            _ => input,
        };
        if (prepared is { Kind: InputKind.Start, Payload: { } code } && !(PromoterCode.IsValid(code) && await promoters.ExistsAsync(code, cancellationToken)))
        {
            return prepared with { Payload = null };
        }

        return prepared;
    }

    /// <summary>The text input, the same instance when cleaning changed nothing (the common case allocates nothing).</summary>
    private static Input Text(Input input, string clean) =>
        CommandParser.IsStart(clean, out var payload) ? Input.Start(payload) with { Locale = input.Locale }
        : ReferenceEquals(clean, input.Text) ? input
        : input with { Text = clean };
}
