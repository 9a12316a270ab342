using StackExchange.Redis;

namespace ChatSurvey.Bot.Conversations.Redis;

/// <summary>
/// The Lua scripts behind each turn. StackExchange.Redis loads each once per server and then calls it by SHA, so a
/// commit is one round trip. Keys are passed in KEYS (all with one hash tag) so the scripts run on Redis Cluster.
/// </summary>
internal static class RedisScripts
{
    /// <summary>
    /// Commit one turn. Marks are 12-byte entries (8-byte message id hash, 4-byte big-endian seconds, read with the
    /// struct library Redis ships with Lua). Returns {'ok', v} | {'conflict', v, state} | {'dup', v, state, replies}.
    /// </summary>
    public static readonly LuaScript Commit = LuaScript.Prepare("""
        local conv = @conv
        local marks = redis.call('HGET', conv, 'm') or ''
        local id = @messageHash
        for i = 1, #marks, 12 do
          if string.sub(marks, i, i + 7) == id then
            local last = redis.call('HGET', conv, 'r') or ''
            local replies = ''
            if string.sub(last, 1, 8) == id then replies = string.sub(last, 9) end
            return {'dup', redis.call('HGET', conv, 'v') or '0', redis.call('HGET', conv, 's') or '', replies}
          end
        end
        local v = tonumber(redis.call('HGET', conv, 'v') or '0')
        if v ~= tonumber(@expectedVersion) then
          return {'conflict', tostring(v), redis.call('HGET', conv, 's') or ''}
        end
        local kept = {}
        for i = 1, #marks, 12 do
          local entry = string.sub(marks, i, i + 11)
          if struct.unpack('>I4', entry, 9) >= tonumber(@markCutoff) then table.insert(kept, entry) end
        end
        while #kept >= tonumber(@maxMarks) do table.remove(kept, 1) end
        table.insert(kept, id .. @nowBytes)
        redis.call('HSET', conv, 'v', v + 1, 's', @state, 'm', table.concat(kept))
        if @replies ~= '' then
          redis.call('HSET', conv, 'r', id .. @replies)
          redis.call('ZADD', @pending, @now, @member)
        else
          redis.call('HDEL', conv, 'r')
        end
        if @address == '-' then redis.call('HDEL', conv, 'a') elseif @address ~= '' then redis.call('HSET', conv, 'a', @address) end
        redis.call('EXPIRE', conv, @ttl)
        if @due == '' then redis.call('ZREM', @dueSet, @member) else redis.call('ZADD', @dueSet, @due, @member) end
        for _, entry in ipairs(cjson.decode(@outbox)) do
          redis.call('XADD', @outboxStream, '*', 'e', entry)
        end
        return {'ok', tostring(v + 1)}
        """);

    /// <summary>The replies of one message were sent: drop them, unless a newer turn's replies replaced them.</summary>
    public static readonly LuaScript MarkSent = LuaScript.Prepare("""
        local last = redis.call('HGET', @conv, 'r')
        if last and string.sub(last, 1, 8) == @messageHash then
          redis.call('HDEL', @conv, 'r')
          redis.call('ZREM', @pending, @member)
        elseif not last then
          redis.call('ZREM', @pending, @member)
        end
        return 1
        """);
}
