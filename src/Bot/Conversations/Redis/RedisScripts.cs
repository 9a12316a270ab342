using StackExchange.Redis;

namespace ChatSurvey.Bot.Conversations.Redis;

/// <summary>
/// The Lua scripts behind each turn. StackExchange.Redis loads each once per server and then calls it by SHA, so a
/// commit is one round trip. Keys are passed in KEYS (all with one hash tag) so the scripts run on Redis Cluster.
/// </summary>
internal static class RedisScripts
{
    /// <summary>
    /// Commit one turn. KEYS: conversation, outbox stream, due schedule, pending set, pending replies (one hash tag).
    /// ARGV: message id hash (6 bytes), expected version, max marks, now in seconds, state, pending replies ('' when
    /// none), address ('' keep, '-' drop), TTL seconds (0: delete the conversation, the person asked to be forgotten),
    /// due score ('' to unschedule), pseudonym, then one outbox entry per remaining argument.
    /// Returns {'ok', v} | {'conflict', v, state} | {'dup', v, state, replies}.
    /// Every value of the hash stays within 64 bytes (Redis's default hash-max-listpack-value), so Redis keeps it as a
    /// compact listpack: the state is split into fields "s", "s1", "s2"... of 63 bytes (a listpack string of up to 63
    /// bytes has a 1-byte header, 64 needs 2: the bytes saved leave room for a longer address before the hash needs a
    /// larger allocation), the marks are few, and the pending replies live in their own key.
    /// The marks ("k") are the first 4 bytes of the newest message ids' hashes: platforms redeliver only recent
    /// messages, and a new message mistaken for one of six kept marks has a chance of 6 in 2^32.
    /// A conversation stored before the split has one long "s" and no "s1", so it reads the same (its hash stays a
    /// hashtable until it ends: Redis never converts one back); one stored before the replies moved may hold them in
    /// field "r", read as a fallback and dropped by its next turn; one stored before the 4-byte marks keeps them in "m"
    /// (8-byte entries: a 6-byte id hash and a 2-byte hour), taken over by its next turn.
    /// </summary>
    public const string Commit = """
        local conv, replies = KEYS[1], KEYS[5]
        local id = ARGV[1]
        local function state()
          local parts = {redis.call('HGET', conv, 's') or ''}
          local chunk = redis.call('HGET', conv, 's1')
          while chunk do
            parts[#parts + 1] = chunk
            chunk = redis.call('HGET', conv, 's' .. #parts)
          end
          return table.concat(parts)
        end
        local got = redis.call('HMGET', conv, 'k', 'm', 'v')
        local marks, old, v = got[1] or '', got[2], tonumber(got[3] or '0')
        if old then
          local taken = {}
          for i = 1, #old, 8 do taken[#taken + 1] = string.sub(old, i, i + 3) end
          marks = table.concat(taken) .. marks
        end
        local mark = string.sub(id, 1, 4)
        for i = 1, #marks, 4 do
          if string.sub(marks, i, i + 3) == mark then
            local last = redis.call('GET', replies) or redis.call('HGET', conv, 'r') or ''
            local earlier = ''
            if string.sub(last, 1, 6) == id then earlier = string.sub(last, 7) end
            return {'dup', tostring(v), state(), earlier}
          end
        end
        if v ~= tonumber(ARGV[2]) then
          return {'conflict', tostring(v), state()}
        end
        marks = string.sub(marks .. mark, -4 * tonumber(ARGV[3]))
        -- An old conversation's first turn in this layout: its marks were taken over above, its replies are in KEYS[5].
        if old then redis.call('HDEL', conv, 'm', 'r') end
        local s = ARGV[5]
        local fields = {'v', v + 1, 'k', marks}
        local n = 0
        for i = 1, math.max(#s, 1), 63 do
          fields[#fields + 1] = n == 0 and 's' or 's' .. n
          fields[#fields + 1] = string.sub(s, i, i + 62)
          n = n + 1
        end
        if ARGV[7] == '-' then
          redis.call('HDEL', conv, 'a')
        elseif ARGV[7] ~= '' then
          fields[#fields + 1] = 'a'
          fields[#fields + 1] = ARGV[7]
        end
        redis.call('HSET', conv, unpack(fields))
        while redis.call('HDEL', conv, 's' .. n) == 1 do n = n + 1 end
        if ARGV[8] == '0' then
          redis.call('DEL', conv, replies)
          redis.call('ZREM', KEYS[4], ARGV[10])
        else
          redis.call('EXPIRE', conv, ARGV[8])
          if ARGV[6] ~= '' then
            redis.call('SET', replies, id .. ARGV[6], 'EX', ARGV[8])
            redis.call('ZADD', KEYS[4], ARGV[4], ARGV[10])
          else
            redis.call('DEL', replies)
          end
        end
        if ARGV[9] == '' then redis.call('ZREM', KEYS[3], ARGV[10]) else redis.call('ZADD', KEYS[3], ARGV[9], ARGV[10]) end
        for i = 11, #ARGV do
          redis.call('XADD', KEYS[2], '*', 'e', ARGV[i])
        end
        return {'ok', tostring(v + 1)}
        """;

    /// <summary>
    /// Replies were sent: drop each person's, unless a newer turn's replies replaced them. KEYS: the bucket's pending
    /// set, then per person their conversation and pending replies (one bucket, one hash tag). ARGV: per person the
    /// message id hash (6 bytes) and the pseudonym. Field "r" is where a conversation stored before the replies had
    /// their own key keeps them.
    /// </summary>
    public const string MarkSent = """
        for i = 1, #ARGV, 2 do
          local conv, replies, hash, member = KEYS[i + 1], KEYS[i + 2], ARGV[i], ARGV[i + 1]
          local last = redis.call('GET', replies)
          local inField = false
          if not last then
            last = redis.call('HGET', conv, 'r')
            inField = last ~= false
          end
          if last and string.sub(last, 1, 6) == hash then
            if inField then redis.call('HDEL', conv, 'r') else redis.call('DEL', replies) end
            redis.call('ZREM', KEYS[1], member)
          elseif not last then
            redis.call('ZREM', KEYS[1], member)
          end
        end
        return 1
        """;

    /// <summary>
    /// Staff erase a person: the conversation, its pending replies and its schedules go, and the deletion joins the
    /// person's outbox stream behind whatever of theirs is there, all in one slot (one hash tag).
    /// </summary>
    public static readonly LuaScript Erase = LuaScript.Prepare("""
        redis.call('DEL', @conv, @replies)
        redis.call('ZREM', @due, @member)
        redis.call('ZREM', @pending, @member)
        redis.call('XADD', @outbox, '*', 'e', @entry)
        return 1
        """);
}
