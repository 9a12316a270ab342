using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatSurvey.Bot.Tests.Twilio;

/// <summary>
/// Twilio's Messages API on 127.0.0.1: POST /2010-04-01/Accounts/{Sid}/Messages.json with basic auth, answered with the
/// documented 201 body, or with a scripted error per recipient (429/20429, 400 with 63016 or 21610, 500); and its Calls
/// API, POST …/Calls.json, which records the call the bot asked for and answers 201 (the test then plays Twilio's part
/// by requesting the call's URL itself).
/// </summary>
public sealed class FakeTwilioApi : IAsyncDisposable
{
    public const string AccountSid = "AC00000000000000000000000000000001";
    public const string AuthToken = "fake-auth-token-for-tests";

    /// <summary>A scripted failure that is no answer at all.</summary>
    private const int DroppedConnection = 0;
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, int Code)>> _script = new();

    private FakeTwilioApi(WebApplication app) => _app = app;

    public Uri BaseAddress => new(_app.Urls.First());

    /// <summary>Every request, accepted or not, in arrival order.</summary>
    public ConcurrentQueue<FakeTwilioRequest> Requests { get; } = new();

    /// <summary>The messages accepted (201).</summary>
    public IReadOnlyList<FakeTwilioRequest> Accepted => [.. Requests.Where(r => r.Status == 201)];

    public IReadOnlyList<FakeTwilioRequest> AcceptedTo(string to) => [.. Accepted.Where(r => r.To == to)];

    /// <summary>The calls the bot placed, in order.</summary>
    public ConcurrentQueue<FakeTwilioCall> Calls { get; } = new();

    public static async Task<FakeTwilioApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeTwilioApi(app);
        app.MapPost("/2010-04-01/Accounts/{sid}/Messages.json", fake.CreateMessage);
        app.MapPost("/2010-04-01/Accounts/{sid}/Calls.json", fake.CreateCall);
        await app.StartAsync();
        return fake;
    }

    /// <summary>The next requests to <paramref name="to"/> fail like this, one per request, in order.</summary>
    public void FailNext(string to, params (int Status, int Code)[] failures)
    {
        var queue = _script.GetOrAdd(to, _ => new ConcurrentQueue<(int, int)>());
        foreach (var failure in failures)
        {
            queue.Enqueue(failure);
        }
    }

    /// <summary>The next <paramref name="times"/> requests to <paramref name="to"/> lose their connection before any answer.</summary>
    public void DropNext(string to, int times) => FailNext(to, [.. Enumerable.Repeat((DroppedConnection, 0), times)]);

    private async Task<IResult> CreateMessage(string sid, HttpContext context)
    {
        var request = context.Request;
        var form = await request.ReadFormAsync();
        var recorded = new FakeTwilioRequest(form["To"].ToString(), form["From"].ToString(), form["Body"].ToString(),
            form["MessagingServiceSid"].ToString(), form["ContentSid"].ToString(), form["StatusCallback"].ToString());
        if (sid != AccountSid || !Authorized(request))
        {
            return Record(recorded, 401, 20003, "Authenticate");
        }

        if (_script.TryGetValue(recorded.To, out var queue) && queue.TryDequeue(out var failure))
        {
            if (failure.Status == DroppedConnection)
            {
                // Read, not acted on, and no answer: the connection is cut.
                context.Abort();
                return Results.Empty;
            }

            return Record(recorded, failure.Status, failure.Code, $"Scripted failure {failure.Code}");
        }

        Requests.Enqueue(recorded with { Status = 201 });
        var messageSid = "SM" + Guid.NewGuid().ToString("N");
        return Results.Json(
            new Dictionary<string, object?>
            {
                ["account_sid"] = AccountSid, ["api_version"] = "2010-04-01", ["body"] = recorded.Body,
                ["date_created"] = "Thu, 30 Jul 2015 20:12:31 +0000", ["date_sent"] = null, ["date_updated"] = "Thu, 30 Jul 2015 20:12:31 +0000",
                ["direction"] = "outbound-api", ["error_code"] = null, ["error_message"] = null, ["from"] = recorded.From,
                ["messaging_service_sid"] = recorded.MessagingServiceSid.Length > 0 ? recorded.MessagingServiceSid : null,
                ["num_media"] = "0", ["num_segments"] = "1", ["price"] = null, ["price_unit"] = null, ["sid"] = messageSid, ["status"] = "queued",
                ["subresource_uris"] = new Dictionary<string, string> { ["media"] = $"/2010-04-01/Accounts/{AccountSid}/Messages/{messageSid}/Media.json" },
                ["to"] = recorded.To, ["uri"] = $"/2010-04-01/Accounts/{AccountSid}/Messages/{messageSid}.json",
            },
            statusCode: 201);
    }

    private async Task<IResult> CreateCall(string sid, HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        if (sid != AccountSid || !Authorized(context.Request))
        {
            return Results.Json(new { code = 20003, message = "Authenticate", status = 401 }, statusCode: 401);
        }

        var call = new FakeTwilioCall("CA" + Guid.NewGuid().ToString("N"), form["To"].ToString(), form["From"].ToString(), form["Url"].ToString(),
            form["Method"].ToString(), form["StatusCallback"].ToString(), form["TimeLimit"].ToString());
        Calls.Enqueue(call);
        return Results.Json(
            new Dictionary<string, object?>
            {
                ["account_sid"] = AccountSid, ["api_version"] = "2010-04-01", ["date_created"] = null, ["direction"] = "outbound-api",
                ["from"] = call.From, ["to"] = call.To, ["sid"] = call.Sid, ["status"] = "queued",
                ["uri"] = $"/2010-04-01/Accounts/{AccountSid}/Calls/{call.Sid}.json",
            },
            statusCode: 201);
    }

    private IResult Record(FakeTwilioRequest request, int status, int code, string message)
    {
        Requests.Enqueue(request with { Status = status, ErrorCode = code });
        // Twilio's error body, which the library parses into ApiException.Code and .Status.
        return Results.Json(new { code, message, more_info = $"https://www.twilio.com/docs/errors/{code}", status }, statusCode: status);
    }

    private static bool Authorized(HttpRequest request) =>
        AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header) && header.Scheme == "Basic" &&
        header.Parameter == Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}"));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
