using StackExchange.Redis;

namespace ChatSurvey.Bot.Conversations.Redis;

/// <summary>
/// The Lua scripts behind each turn. StackExchange.Redis loads each once per server and then calls it by SHA, so a
/// commit is one round trip. Keys are passed in KEYS (all with one hash tag) so the scripts run on Redis Cluster.
/// </summary>
internal static class RedisScripts
{
    /// <summary>
    /// Commit one turn. KEYS: conversation, outbox stream, due schedule, pending set (one hash tag). ARGV: message id
    /// hash (6 bytes), expected version, current hour, mark lifetime in hours, max marks, current hour as 2 bytes,
    /// now in seconds, state, pending replies ('' when none), address ('' keep, '-' drop), TTL seconds (0: delete the
    /// conversation, the person asked to be forgotten), due score
    /// ('' to unschedule), pseudonym, then one outbox entry per remaining argument.
    /// Marks are 8-byte entries: the id hash and the hour it was processed (mod 65536, read with the struct library
    /// Redis ships with Lua). Returns {'ok', v} | {'conflict', v, state} | {'dup', v, state, replies}.
    /// </summary>
    public const string Commit = """
        local conv = KEYS[1]
        local id = ARGV[1]
        local marks = redis.call('HGET', conv, 'm') or ''
        for i = 1, #marks, 8 do
          if string.sub(marks, i, i + 5) == id then
            local last = redis.call('HGET', conv, 'r') or ''
            local replies = ''
            if string.sub(last, 1, 6) == id then replies = string.sub(last, 7) end
            return {'dup', redis.call('HGET', conv, 'v') or '0', redis.call('HGET', conv, 's') or '', replies}
          end
        end
        local v = tonumber(redis.call('HGET', conv, 'v') or '0')
        if v ~= tonumber(ARGV[2]) then
          return {'conflict', tostring(v), redis.call('HGET', conv, 's') or ''}
        end
        local hour = tonumber(ARGV[3])
        local kept = {}
        for i = 1, #marks, 8 do
          local entry = string.sub(marks, i, i + 7)
          if (hour - struct.unpack('>I2', entry, 7)) % 65536 < tonumber(ARGV[4]) then table.insert(kept, entry) end
        end
        while #kept >= tonumber(ARGV[5]) do table.remove(kept, 1) end
        table.insert(kept, id .. ARGV[6])
        redis.call('HSET', conv, 'v', v + 1, 's', ARGV[8], 'm', table.concat(kept))
        if ARGV[9] ~= '' then
          redis.call('HSET', conv, 'r', id .. ARGV[9])
          redis.call('ZADD', KEYS[4], ARGV[7], ARGV[13])
        else
          redis.call('HDEL', conv, 'r')
        end
        if ARGV[10] == '-' then redis.call('HDEL', conv, 'a') elseif ARGV[10] ~= '' then redis.call('HSET', conv, 'a', ARGV[10]) end
        if ARGV[11] == '0' then
          redis.call('DEL', conv)
          redis.call('ZREM', KEYS[4], ARGV[13])
        else
          redis.call('EXPIRE', conv, ARGV[11])
        end
        if ARGV[12] == '' then redis.call('ZREM', KEYS[3], ARGV[13]) else redis.call('ZADD', KEYS[3], ARGV[12], ARGV[13]) end
        for i = 14, #ARGV do
          redis.call('XADD', KEYS[2], '*', 'e', ARGV[i])
        end
        return {'ok', tostring(v + 1)}
        """;

    /// <summary>The replies of one message were sent: drop them, unless a newer turn's replies replaced them.</summary>
    public static readonly LuaScript MarkSent = LuaScript.Prepare("""
        local last = redis.call('HGET', @conv, 'r')
        if last and string.sub(last, 1, 6) == @messageHash then
          redis.call('HDEL', @conv, 'r')
          redis.call('ZREM', @pending, @member)
        elseif not last then
          redis.call('ZREM', @pending, @member)
        end
        return 1
        """);

    /// <summary>
    /// Staff erase a person: the conversation and its schedules go, and the deletion joins the person's outbox stream
    /// behind whatever of theirs is there, all in one slot (one hash tag).
    /// </summary>
    public static readonly LuaScript Erase = LuaScript.Prepare("""
        redis.call('DEL', @conv)
        redis.call('ZREM', @due, @member)
        redis.call('ZREM', @pending, @member)
        redis.call('XADD', @outbox, '*', 'e', @entry)
        return 1
        """);
}
