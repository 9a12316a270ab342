namespace ChatSurvey.Bot.Conversations;

/// <summary>Whether a promoter code exists, so that a start credits only real promoters.</summary>
public interface IPromoterCodes
{
    ValueTask<bool> ExistsAsync(string code, CancellationToken cancellationToken);
}
