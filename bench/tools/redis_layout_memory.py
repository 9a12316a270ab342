#!/usr/bin/env python3
"""Redis memory per conversation for a given layout, without writing the store: N keys named like the store's
("chatsurvey:{bN}:c:<32 hex>", 31-day TTL), each with one member in its bucket's due schedule, against a
redis-server at its defaults. Prints used_memory growth per conversation. Each argument is a layout:

- "436": one packed string of 436 bytes (issue 14's "one packed string" idea);
- "hash:202:19": the store's hash, a version, 6 marks (24 bytes), a 19-byte address and a 202-byte state in fields
  of 63 bytes ("s", "s1", ...), as RedisScripts.Commit writes it.

    redis-server --port 6399 --save "" --appendonly no --daemonize yes
    python3 bench/tools/redis_layout_memory.py 6399 436 hash:202:19 hash:202:26
    redis-cli -p 6399 shutdown nosave
"""
import os
import random
import re
import socket
import sys
import time


def command(*args):
    out = b"*%d\r\n" % len(args)
    for a in args:
        a = a.encode() if isinstance(a, str) else a
        out += b"$%d\r\n%s\r\n" % (len(a), a)
    return out


def reply(sock):
    data = b""
    while not data.endswith(b"\r\n") or data.count(b"\r\n") < 2 and data.startswith(b"$"):
        data += sock.recv(1 << 16)
    return data


def used_memory(sock):
    sock.sendall(command("INFO", "memory"))
    data = b""
    while b"used_memory:" not in data or not data.endswith(b"\r\n"):
        data += sock.recv(1 << 16)
    return int(re.search(rb"used_memory:(\d+)", data).group(1))


def conversation(key, layout):
    if not layout.startswith("hash:"):
        return command("SET", key, os.urandom(int(layout)), "EX", "2678400")
    state, address = (int(n) for n in layout.split(":")[1:])
    state = os.urandom(state)
    fields = ["v", "27", "k", os.urandom(24), "a", "x" * address]
    for i in range(0, len(state), 63):
        fields += ["s%d" % (i // 63) if i else "s", state[i:i + 63]]
    return command("HSET", key, *fields) + command("EXPIRE", key, "2678400")


def per_key(sock, layout, count=20000):
    sock.sendall(command("FLUSHALL"))
    reply(sock)
    time.sleep(0.2)
    before = used_memory(sock)
    pipeline = []
    for i in range(count):
        member = "%032x" % random.getrandbits(128)
        bucket = i % 32
        pipeline.append(conversation("chatsurvey:{b%d}:c:%s" % (bucket, member), layout))
        pipeline.append(command("ZADD", "chatsurvey:{b%d}:due" % bucket, str(1_700_000_000 + i), member))
    pipeline.append(command("DBSIZE"))
    sock.sendall(b"".join(pipeline))
    expected = b":%d\r\n" % (count + 32)
    data = b""
    while not data.endswith(expected):
        data += sock.recv(1 << 20)
    return (used_memory(sock) - before) / count


if __name__ == "__main__":
    port, layouts = int(sys.argv[1]), sys.argv[2:]
    with socket.create_connection(("127.0.0.1", port)) as s:
        for layout in layouts:
            print(f"{layout}: used_memory growth per conversation {per_key(s, layout):.0f} B")
