using ChatSurvey.Bot.Dashboard.Auth;
using ChatSurvey.Bot.Tests.Infrastructure;

namespace ChatSurvey.Bot.Tests.Dashboard;

/// <summary>The test accounts (an admin and a staff member) and the host settings that configure them and the channels.</summary>
public static class StaffAccounts
{
    public const string Admin = "ana";
    public const string Staff = "beto";
    public const string Password = "una contraseña larga";
    public const string WhatsAppNumber = "+14155238886";
    public const string SmsNumber = "+19512345678";
    public const string TelegramBot = "EncuestaOaxacaBot";

    // Hashed once: 100,000 PBKDF2 iterations are meant to be slow.
    private static readonly string Hash = StaffPasswords.Hash(Password);

    public static Dictionary<string, string?> Settings(int signInsPerMinute = 1000) => new()
    {
        ["Staff:Users:0:Name"] = Admin,
        ["Staff:Users:0:PasswordHash"] = Hash,
        ["Staff:Users:0:Role"] = "admin",
        ["Staff:Users:1:Name"] = Staff,
        ["Staff:Users:1:PasswordHash"] = Hash,
        ["Staff:Users:1:Role"] = "staff",
        ["Staff:SignInsPerMinute"] = signInsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Telegram:BotUsername"] = TelegramBot,
        ["Twilio:WhatsAppFrom"] = $"whatsapp:{WhatsAppNumber}",
        ["Twilio:SmsFrom"] = SmsNumber,
    };

    /// <summary>A host with the accounts and the seed written through the domain store, as the outbox worker would.</summary>
    public static async Task<BotHost> StartSeededAsync(DashboardSeed? seed, Dictionary<string, string?>? extra = null)
    {
        var settings = Settings();
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        var host = await BotHost.StartAsync(settings);
        if (seed is not null)
        {
            await host.Get<Bot.Storage.SqlResponseStore>().WriteAsync(seed.Entries(), default);
        }

        return host;
    }
}
