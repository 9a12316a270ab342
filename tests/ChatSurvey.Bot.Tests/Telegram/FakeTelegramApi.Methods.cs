using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ChatSurvey.Bot.Tests.Telegram;

/// <summary>The Bot API methods the bot uses, answered like Telegram.</summary>
public sealed partial class FakeTelegramApi
{
    private static readonly JsonObject BotUser = new() { ["id"] = 123456789, ["is_bot"] = true, ["first_name"] = "ChatSurvey", ["username"] = BotUsername };

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var prefix = $"/bot{Token}/";
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            await WriteAsync(context, 404, Error(404, "Not Found"));
            return;
        }

        var method = path[prefix.Length..];
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var parameters = body.Length == 0 ? [] : JsonNode.Parse(body.ToArray())!.AsObject();
        var (status, response) = method == "getUpdates" ? (200, await GetUpdatesAsync(parameters, context.RequestAborted)) : Answer(method, parameters);
        if (status == DroppedConnection)
        {
            // The request was read, nothing was done with it, and the connection goes without an answer.
            context.Abort();
            return;
        }

        await WriteAsync(context, status, response);
        Signal();
    }

    private (int Status, JsonObject Response) Answer(string method, JsonObject parameters)
    {
        lock (_gate)
        {
            var call = new FakeTelegramCall(method, parameters, 200);
            var failure = _failures.FirstOrDefault(f => f.Method == method && f.ChatId == call.ChatId && f.Remaining > 0);
            if (failure is not null)
            {
                failure.Remaining--;
                _calls.Add(call with { Status = failure.Code });
                return (failure.Code, Error(failure.Code, failure.Description, failure.RetryAfter));
            }

            var (status, response) = method switch
            {
                "sendMessage" => (200, Ok(SendMessage(call))),
                "editMessageReplyMarkup" => EditMessageReplyMarkup(call),
                "getMe" => (200, Ok(BotUser.DeepClone())),
                _ => (200, Ok(true)),
            };
            _calls.Add(call with { Status = status });
            return (status, response);
        }
    }

    private JsonObject SendMessage(FakeTelegramCall call)
    {
        var keyboard = call.Parameters["reply_markup"]?.DeepClone().AsObject();
        var message = new SentMessage(call.ChatId, ++_nextMessageId, call.Text, keyboard);
        _sent.Add(message);
        return MessageJson(message);
    }

    private (int, JsonObject) EditMessageReplyMarkup(FakeTelegramCall call)
    {
        var id = call.Parameters["message_id"]!.GetValue<int>();
        var index = _sent.FindIndex(m => m.ChatId == call.ChatId && m.MessageId == id);
        if (index < 0)
        {
            return (400, Error(400, "Bad Request: message to edit not found"));
        }

        var keyboard = call.Parameters["reply_markup"]?.DeepClone().AsObject();
        if (JsonNode.DeepEquals(keyboard, _sent[index].Keyboard))
        {
            return (400, Error(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"));
        }

        _sent[index] = _sent[index] with { Keyboard = keyboard };
        return (200, Ok(MessageJson(_sent[index])));
    }

    /// <summary>Long polling: answers at once when updates at or after the offset are queued, otherwise when one arrives or the timeout passes.</summary>
    private async Task<JsonObject> GetUpdatesAsync(JsonObject parameters, CancellationToken aborted)
    {
        var offset = parameters["offset"]?.GetValue<int>() ?? 0;
        var deadline = DateTime.UtcNow.AddSeconds(parameters["timeout"]?.GetValue<int>() ?? 0);
        lock (_gate)
        {
            _calls.Add(new FakeTelegramCall("getUpdates", parameters, 200));
            // An offset confirms every earlier update, as on Telegram.
            _updates.RemoveAll(u => u.Id < offset);
        }

        while (true)
        {
            Task changed;
            var left = deadline - DateTime.UtcNow;
            lock (_gate)
            {
                changed = _changed.Task;
                if (_updates.Count > 0 || left <= TimeSpan.Zero || aborted.IsCancellationRequested)
                {
                    return Ok(new JsonArray([.. _updates.Select(u => u.Update.DeepClone())]));
                }
            }

            await Task.WhenAny(changed, Task.Delay(left, aborted).ContinueWith(_ => { }, TaskScheduler.Default));
        }
    }

    private static JsonObject MessageJson(SentMessage message) => new()
    {
        ["message_id"] = message.MessageId,
        ["from"] = BotUser.DeepClone(),
        ["chat"] = new JsonObject { ["id"] = message.ChatId, ["type"] = message.ChatId > 0 ? "private" : "supergroup", ["first_name"] = "Ana" },
        ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["text"] = message.Text,
        ["reply_markup"] = message.Keyboard?.DeepClone(),
    };

    private static JsonObject Ok(JsonNode? result) => new() { ["ok"] = true, ["result"] = result };

    private static JsonObject Error(int code, string description, int? retryAfter = null)
    {
        var error = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (retryAfter is { } seconds)
        {
            error["parameters"] = new JsonObject { ["retry_after"] = seconds };
        }

        return error;
    }

    private static async Task WriteAsync(HttpContext context, int status, JsonObject response)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(response.ToJsonString(JsonSerializerOptions.Web));
    }
}
