using System.Security.Cryptography;
using System.Text;

namespace ChatSurvey.Bot.Channels.WebChat;

/// <summary>The web chat's wiring: its options, the conversation tokens and proof of work, and its rate limits.</summary>
public static class WebChatSetup
{
    /// <param name="secret">The deployment's secret; the web chat's keys are derived from it, one per purpose.</param>
    public static IServiceCollection AddWebChat(this IServiceCollection services, IConfiguration configuration, byte[] secret)
    {
        var options = configuration.GetSection(WebChatOptions.Section).Get<WebChatOptions>() ?? new WebChatOptions();
        var tokens = new WebConversationTokens(Derive(secret, "web-conversation-tokens"));
        services.AddSingleton(options);
        services.AddSingleton(tokens);
        services.AddSingleton(sp => new ProofOfWork(Derive(secret, "web-proof-of-work"), options.ProofOfWork, sp.GetRequiredService<TimeProvider>()));
        services.AddRateLimiter(limiter => WebChatLimits.Configure(limiter, options, tokens));
        return services;
    }

    private static byte[] Derive(byte[] secret, string purpose) => HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(purpose));
}
