using ChatSurvey.Bot.Conversations;

namespace ChatSurvey.Bot.Tests.Infrastructure;

/// <summary>A campaign with no promoters yet: every start is unattributed. For tests of the store, not of attribution.</summary>
public sealed class NoPromoters : IPromoterCodes
{
    public static InputGate Gate { get; } = new(new InputOptions(), new NoPromoters());

    public ValueTask<bool> ExistsAsync(string code, CancellationToken cancellationToken) => ValueTask.FromResult(false);
}
