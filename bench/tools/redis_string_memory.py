#!/usr/bin/env python3
"""Redis memory per conversation if each were one packed string (issue 14's "one packed string" idea), without
writing the store: N string keys named like the store's ("chatsurvey:{bN}:c:<32 hex>", 31-day TTL), each with one
member in its bucket's due schedule, against a redis-server at its defaults. Prints used_memory growth per key.

    redis-server --port 6399 --save "" --appendonly no --daemonize yes
    python3 bench/tools/redis_string_memory.py 6399 436 358 320
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


def per_key(sock, value_bytes, count=20000):
    sock.sendall(command("FLUSHALL"))
    reply(sock)
    time.sleep(0.2)
    before = used_memory(sock)
    pipeline = []
    for i in range(count):
        member = "%032x" % random.getrandbits(128)
        bucket = i % 32
        pipeline.append(command("SET", "chatsurvey:{b%d}:c:%s" % (bucket, member), os.urandom(value_bytes), "EX", "2678400"))
        pipeline.append(command("ZADD", "chatsurvey:{b%d}:due" % bucket, str(1_700_000_000 + i), member))
    pipeline.append(command("DBSIZE"))
    sock.sendall(b"".join(pipeline))
    expected = b":%d\r\n" % (count + 32)
    data = b""
    while not data.endswith(expected):
        data += sock.recv(1 << 20)
    return (used_memory(sock) - before) / count


if __name__ == "__main__":
    port, sizes = int(sys.argv[1]), [int(s) for s in sys.argv[2:]]
    with socket.create_connection(("127.0.0.1", port)) as s:
        for size in sizes:
            print(f"value {size} B: used_memory growth per conversation {per_key(s, size):.0f} B")
