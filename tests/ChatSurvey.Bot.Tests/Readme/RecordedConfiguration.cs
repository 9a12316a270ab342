using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;

namespace ChatSurvey.Bot.Tests.Readme;

/// <summary>
/// A configuration source that holds nothing and notes every key looked up in it: added last, it is asked first for
/// every value read (the binder reads each property of an options class, set or not), so the keys the code binds can
/// be compared with the README's table. List indexes are noted as "*".
/// </summary>
public sealed class RecordedConfiguration : IConfigurationSource
{
    public ConcurrentDictionary<string, bool> Keys { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(this);

    private sealed class Provider(RecordedConfiguration owner) : ConfigurationProvider
    {
        public override bool TryGet(string key, out string? value)
        {
            owner.Keys.TryAdd(ConfigKeys.Normalize(key), true);
            value = null;
            return false;
        }
    }
}
