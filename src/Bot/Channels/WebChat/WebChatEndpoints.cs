using System.Text.RegularExpressions;
using ChatSurvey.Bot.Conversations;
using ChatSurvey.Bot.Http;
using ChatSurvey.Domain.Answers;
using ChatSurvey.Domain.Conversations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatSurvey.Bot.Channels.WebChat;

/// <summary>
/// The web chat's JSON API (the page at "/" is a static file). A conversation is opened by the bot, at a rate-limited
/// door, and its first answer needs a proof of work: nobody can invent respondents faster than a phone can.
/// </summary>
public static partial class WebChatEndpoints
{
    /// <summary>Messages are a few hundred bytes; this leaves room for the longest the page sends.</summary>
    public const long MaxBodyBytes = 16 * 1024;

    public static RouteGroupBuilder MapWebChat(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/chat").WithMetadata(new BodyLimit(MaxBodyBytes));
        group.MapPost("/conversations", Open).RequireRateLimiting(WebChatLimits.NewConversation);
        group.MapPost("/conversations/{conversation}/messages", PostMessage).RequireRateLimiting(WebChatLimits.Message);
        return group;
    }

    private static Ok<WebChatConversation> Open(WebConversationTokens tokens, ProofOfWork proof)
    {
        var token = tokens.Issue();
        tokens.TryRead(token, out var id, out _);
        return TypedResults.Ok(new WebChatConversation(token, proof.Enabled ? proof.Create(id) : null));
    }

    private static async Task<Results<Ok<WebChatResponse>, BadRequest<WebChatError>, NotFound<WebChatError>, JsonHttpResult<WebChatError>>> PostMessage(
        string conversation, WebChatMessage message, WebConversationTokens tokens, ProofOfWork proof, ConversationService conversations, CancellationToken cancellationToken)
    {
        if (!tokens.TryRead(conversation, out var id, out var verified))
        {
            return TypedResults.NotFound(new WebChatError("unknown conversation: open a new one"));
        }

        if (message.Id is null || !MessageId().IsMatch(message.Id))
        {
            return TypedResults.BadRequest(new WebChatError("id must be 8 to 64 letters, digits, '-' or '_'"));
        }

        if (message.Text is null)
        {
            return TypedResults.BadRequest(new WebChatError("text is required"));
        }

        // Opening the conversation (the privacy notice) needs no proof; anything that can become an answer does.
        string? upgraded = null;
        if (!verified && proof.Enabled && !CommandParser.IsStart(message.Text, out _))
        {
            if (!proof.Verify(message.Proof, id))
            {
                return TypedResults.Json(new WebChatError("proof of work required", proof.Create(id)), statusCode: StatusCodes.Status403Forbidden);
            }

            upgraded = tokens.Verified(id);
        }

        // The replies travel in this response, so nothing stays pending; a retried id gets the same replies back.
        var turn = await conversations.HandleAsync(new InboundMessage(new ConversationKey(Channel.Web, id), message.Id, Input.FromText(message.Text)), cancellationToken);
        return TypedResults.Ok(WebChatResponse.From(turn.Replies, upgraded));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{8,64}$")]
    private static partial Regex MessageId();
}
