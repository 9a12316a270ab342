using ChatSurvey.Bot.Dashboard;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace ChatSurvey.Bot.Channels.Telegram;

/// <summary>
/// Telegram:RegisterWebhook: once the bot listens, tells Telegram where to post updates (Dashboard:PublicBaseUrl +
/// /webhooks/telegram), with the secret it must send back and the updates the survey uses, so a deployment needs no
/// hand-made setWebhook call, and a changed address or secret is picked up by a restart. Updates that queued up
/// meanwhile are kept (Telegram delivers them once the webhook is set). A refusal is logged, not fatal: the other
/// channels go on.
/// </summary>
public sealed partial class TelegramWebhookRegistration(
    TelegramApi api, IOptions<TelegramOptions> telegram, IOptions<DashboardOptions> dashboard, IHostApplicationLifetime lifetime, ILogger<TelegramWebhookRegistration> logger) : BackgroundService
{
    public const string Path = "/webhooks/telegram";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Telegram may post the first update the moment setWebhook returns: be listening first.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            await started.Task;
        }

        if (string.IsNullOrWhiteSpace(dashboard.Value.PublicBaseUrl))
        {
            LogNoAddress(logger);
            return;
        }

        var url = dashboard.Value.PublicBaseUrl.TrimEnd('/') + Path;
        try
        {
            await api.CallAsync(null, (bot, ct) => bot.SetWebhook(url, allowedUpdates: TelegramPolling.AllowedUpdates, secretToken: telegram.Value.WebhookSecret, cancellationToken: ct), stoppingToken);
            var info = await api.CallAsync(null, (bot, ct) => bot.GetWebhookInfo(ct), stoppingToken);
            LogRegistered(logger, url, info.PendingUpdateCount, info.LastErrorMessage ?? "none");
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down before Telegram answered.
        }
        catch (Exception e) when (e is ApiRequestException or RequestException)
        {
            LogRefused(logger, e, url);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram webhook registered: {Url} ({Pending} updates waiting; Telegram's last delivery error: {LastError})")]
    private static partial void LogRegistered(ILogger logger, string url, int pending, string lastError);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram refused the webhook {Url}: no Telegram messages will arrive until it is fixed (the address must be public https, the certificate valid)")]
    private static partial void LogRefused(ILogger logger, Exception exception, string url);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram:RegisterWebhook is on but Dashboard:PublicBaseUrl is empty: no webhook registered")]
    private static partial void LogNoAddress(ILogger logger);
}
