using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ChatSurvey.Bot.Channels.Telegram;
using ChatSurvey.Bot.Channels.Twilio;
using ChatSurvey.Bot.Conversations;
using ChatSurvey.Bot.Conversations.Redis;
using ChatSurvey.Bot.Dashboard.Promoters;
using ChatSurvey.Bot.Storage;
using ChatSurvey.Bot.Surveys;
using ChatSurvey.Bot.Tests.Infrastructure;
using ChatSurvey.Bot.Tests.Twilio;
using ChatSurvey.Domain.Conversations;
using StackExchange.Redis;
using Telegram.Bot;
using Telegram.Bot.Types;
using Twilio.Clients;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Security;
using Twilio.Types;

namespace ChatSurvey.Load;

/// <summary>
/// `ChatSurvey.Load allocations`: bytes allocated by each piece of a webhook turn, one piece at a time in this
/// process (sequential, after a warm-up), to see where the bot's allocations per turn (its /metrics, in the webhook
/// run) come from. Pieces that call the fake APIs over HTTP count the fake's side too, so each library call is shown
/// next to a plain HttpClient call of the same size to the same fake: the difference is the library's own.
/// </summary>
internal static class AllocationRun
{
    private const int Warmup = 200;
    private const int Repetitions = 2000;

    public static async Task RunAsync()
    {
        await using var fakes = await FakeApis.StartAsync();
        await using var redis = await RedisProcess.StartAsync();
        await using var postgres = await PostgresServer.StartAsync();
        var rows = new List<(string Piece, double Bytes)>();
        var types = new List<(string Piece, IReadOnlyList<(string Type, double Share)> Types)>();
        using var sampler = new AllocationSampler();
        async Task Measure(string piece, Func<int, Task> operation)
        {
            for (var i = 0; i < Warmup; i++)
            {
                await operation(i);
            }

            sampler.Start();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            for (var i = 0; i < Repetitions; i++)
            {
                await operation(Warmup + i);
            }

            rows.Add((piece, (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)Repetitions));
            types.Add((piece, sampler.Stop(top: 6)));
        }

        // The bot's own parts, wired by hand so that no background service allocates during a measurement.
        var survey = SurveyFile.Load(new SurveyOptions());
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Endpoint);
        var keys = new RedisKeys("alloc:", 32);
        var options = new RedisOptions();
        var schedule = new ConversationSchedule(TimeSpan.FromDays(1), options.IdleExpiry);
        var pseudonyms = new Pseudonymizer("allocations"u8.ToArray());
        var store = new RedisConversationStore(connection, keys, options, schedule, pseudonyms, TimeProvider.System);
        var domain = new SqlResponseStore(SqlDialect.Postgres.CreateDataSource(postgres.ConnectionString()), SqlDialect.Postgres);
        var gate = new InputGate(new InputOptions(), new KnownPromoters(domain, TimeProvider.System));
        var service = new ConversationService(new SurveyCatalog(survey), store, pseudonyms, schedule, gate, new Bot.Channels.Deliveries(), TimeProvider.System);

        // A real turn of the survey for every operation: person i / 27, step i % 27.
        string[] script = ["/start", .. SurveyScript.Answers];
        Input InputOf(int i) => i % script.Length == 0 ? Input.Start() : Input.FromText(script[i % script.Length]);
        ConversationKey KeyOf(int i) => new(Bot.Conversations.Channel.Telegram, (1_000_000 + (i / script.Length)).ToString(CultureInfo.InvariantCulture));
        var states = new Dictionary<int, ConversationState>();
        await Measure("engine only (ConversationEngine.Resume)", i =>
        {
            var turn = ConversationEngine.Resume(survey, i % script.Length == 0 ? ConversationState.Initial : states[i / script.Length], InputOf(i), DateTimeOffset.UtcNow);
            states[i / script.Length] = turn.State;
            return Task.CompletedTask;
        });
        var replies = new List<Reply>();
        await Measure("turn: engine + state and outbox JSON + Redis commit script (ConversationService)", async i =>
        {
            var turn = await service.HandleAsync(new InboundMessage(KeyOf(i), $"{i}", InputOf(i)), CancellationToken.None);
            if (replies.Count < script.Length)
            {
                replies.AddRange(turn.Replies);
            }
        });
        await Measure("the replies' sent mark (MarkSent script)", i => store.MarkSentAsync(KeyOf(i), store.TurnOf($"{i}"), CancellationToken.None));

        // The outbox worker's share: everything the turns above committed, read, written to PostgreSQL, acknowledged.
        var outbox = new RedisOutbox(connection, keys, TimeProvider.System);
        await domain.MigrateAsync(CancellationToken.None);
        sampler.Start();
        var drainBefore = GC.GetTotalAllocatedBytes(precise: true);
        var events = 0;
        for (var round = 0; round < 10_000 && (await outbox.LagAsync(CancellationToken.None)).Entries > 0; round++)
        {
            var batch = (await outbox.ReadAsync(256, CancellationToken.None)).Entries;
            await domain.WriteAsync(batch, CancellationToken.None);
            await outbox.AcknowledgeAsync(batch.Select(e => e.Id), CancellationToken.None);
            events += batch.Count;
        }

        var drained = GC.GetTotalAllocatedBytes(precise: true) - drainBefore;
        types.Add(("outbox drain", sampler.Stop(top: 15)));
        rows.Add((string.Create(CultureInfo.InvariantCulture, $"outbox: read, INSERT into PostgreSQL, acknowledge, per turn ({events / (double)(Warmup + Repetitions):F2} events/turn)"), drained / (double)(Warmup + Repetitions)));
        await domain.DisposeAsync();

        var update = Encoding.UTF8.GetBytes("""{"update_id":1,"message":{"message_id":1,"from":{"id":42,"is_bot":false,"first_name":"L"},"chat":{"id":42,"first_name":"L","type":"private"},"date":1700000000,"text":"B R M B E"}}""");
        await Measure("Telegram update JSON → Update (Telegram.Bot's options) + map", _ =>
        {
            TelegramUpdateMapper.Map(JsonSerializer.Deserialize<Update>(update, JsonBotAPI.Options)!, "bot");
            return Task.CompletedTask;
        });

        using var http = new System.Net.Http.HttpClient { BaseAddress = fakes.BaseAddress };
        var telegram = new TelegramBotClient(new TelegramBotClientOptions(FakeApis.TelegramToken, fakes.BaseAddress.ToString().TrimEnd('/')), http);
        var messages = replies.SelectMany(reply => TelegramRenderer.Render(reply, survey)).ToList();
        await Measure("Telegram: render a reply + SendMessage (Telegram.Bot) to the fake", i =>
        {
            var message = TelegramRenderer.Render(replies[i % replies.Count], survey)[^1];
            return telegram.SendMessage(42, message.Text, replyMarkup: message.Keyboard);
        });
        await Measure("  the same bytes as a plain HttpClient POST to the fake", async i =>
        {
            var message = messages[i % messages.Count];
            var json = JsonSerializer.Serialize(new { chat_id = 42, text = message.Text });
            using var response = await http.PostAsync(new Uri($"/bot{FakeApis.TelegramToken}/sendMessage", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
            await response.Content.ReadAsByteArrayAsync();
        });

        using var twilioHttp = new System.Net.Http.HttpClient(new TwilioApiRedirectHandler(fakes.BaseAddress) { InnerHandler = new SocketsHttpHandler() });
        var twilio = new TwilioRestClient(FakeApis.TwilioAccountSid, FakeApis.TwilioAuthToken, FakeApis.TwilioAccountSid, region: null, new Twilio.Http.SystemNetHttpClient(twilioHttp), edge: null);
        var renderer = new TwilioRenderer(compactSms: true, survey);
        await Measure("Twilio: render a reply + MessageResource.CreateAsync (Twilio library) to the fake", i =>
            MessageResource.CreateAsync(
                new CreateMessageOptions(new PhoneNumber("whatsapp:+5215500000042"))
                {
                    Body = renderer.Render(Bot.Conversations.Channel.WhatsApp, [replies[i % replies.Count]])[0],
                    From = new PhoneNumber(WebhookClient.WhatsAppFrom),
                    StatusCallback = new Uri("https://example.org/webhooks/twilio/status"),
                },
                twilio));
        var basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{FakeApis.TwilioAccountSid}:{FakeApis.TwilioAuthToken}")));
        await Measure("  the same bytes as a plain HttpClient form POST to the fake", async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/2010-04-01/Accounts/{FakeApis.TwilioAccountSid}/Messages.json", UriKind.Relative))
            {
                Content = new FormUrlEncodedContent([new("To", "whatsapp:+5215500000042"), new("From", WebhookClient.WhatsAppFrom), new("Body", messages[i % messages.Count].Text), new("StatusCallback", "https://example.org/webhooks/twilio/status")]),
            };
            request.Headers.Authorization = basic;
            using var response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
        });

        var form = new Dictionary<string, string> { ["MessageSid"] = "SM0123456789abcdef0123456789abcdef", ["From"] = "whatsapp:+5215500000042", ["To"] = WebhookClient.WhatsAppFrom, ["Body"] = "B R M B E", ["NumMedia"] = "0", ["AccountSid"] = FakeApis.TwilioAccountSid, ["ApiVersion"] = "2010-04-01", ["ProfileName"] = "Load", ["WaId"] = "5215500000042", ["SmsStatus"] = "received" };
        var signature = TwilioSigner.Sign(FakeApis.TwilioAuthToken, "https://example.org/webhooks/twilio", form);
        await Measure("Twilio webhook signature check (RequestValidator, one per request)", _ =>
        {
            new RequestValidator(FakeApis.TwilioAuthToken).Validate("https://example.org/webhooks/twilio", form, signature);
            return Task.CompletedTask;
        });

        Console.WriteLine("Allocations by type (the runtime's samples, about one per 100 KB allocated):");
        foreach (var (piece, shares) in types)
        {
            Console.WriteLine(piece);
            foreach (var (type, share) in shares)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {share,6:P1}  {type}"));
            }
        }

        Console.WriteLine("| piece | bytes allocated per call |");
        Console.WriteLine("| --- | --- |");
        foreach (var (piece, bytes) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {piece} | {bytes:N0} |"));
        }
    }
}
