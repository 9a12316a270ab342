using System.Text.RegularExpressions;
using ChatSurvey.Bot.Conversations;
using ChatSurvey.Domain.Answers;
using ChatSurvey.Domain.Conversations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatSurvey.Bot.Channels.WebChat;

/// <summary>The web chat: the page at "/" and its small JSON API.</summary>
public static partial class WebChatEndpoints
{
    /// <summary>Longer than any answer the survey accepts, so the engine (not the endpoint) explains the limit.</summary>
    private const int MaxTextLength = 8000;

    public static RouteGroupBuilder MapWebChat(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/chat");
        group.MapPost("/messages", PostMessage);
        return group;
    }

    private static async Task<Results<Ok<WebChatResponse>, BadRequest<WebChatError>>> PostMessage(
        WebChatMessage message, ConversationService conversations, CancellationToken cancellationToken)
    {
        if (message.Conversation is null || !ClientId().IsMatch(message.Conversation))
        {
            return TypedResults.BadRequest(new WebChatError("conversation must be 8 to 64 letters, digits or '-'"));
        }

        if (message.Id is null || !ClientId().IsMatch(message.Id))
        {
            return TypedResults.BadRequest(new WebChatError("id must be 8 to 64 letters, digits or '-'"));
        }

        if (message.Text is null || message.Text.Length > MaxTextLength)
        {
            return TypedResults.BadRequest(new WebChatError($"text is required and at most {MaxTextLength} characters"));
        }

        var input = CommandParser.IsStart(message.Text, out var payload) ? Input.Start(payload) : Input.FromText(message.Text);
        // The replies travel in this response, so nothing stays pending; a retried id gets the same replies back.
        var turn = await conversations.HandleAsync(new ConversationKey("web", message.Conversation), message.Id, input, awaitingSend: false, cancellationToken);
        return TypedResults.Ok(WebChatResponse.From(turn.Replies));
    }

    [GeneratedRegex("^[A-Za-z0-9-]{8,64}$")]
    private static partial Regex ClientId();
}
