namespace ChatSurvey.Bot.Tests.Infrastructure;

/// <summary>Waits for something that happens in the background (the outbox worker), failing after a generous limit.</summary>
public static class Eventually
{
    public static async Task<T> Get<T>(Func<Task<T>> read, Func<T, bool> done, string what, int timeoutSeconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up after {timeoutSeconds} s waiting for {what}.");
            }

            await Task.Delay(50);
        }
    }
}
