#!/usr/bin/env python3
"""Checks glosa-load's permessage-deflate path (--deflate) against a real RFC 7692 peer, Python's
`websockets`, and against servers that break the extension's rules.

    python3 tests/benchmarks/load/check-deflate.py [BUILD_DIR]     (default: build)

- deflate: a websockets server that compresses every message on its own (no context takeover
  both ways) runs the `size` scenario's subset of the protocol; its welcome goes out in three
  fragments. glosa-load must negotiate, inflate the events to exactly the JSON that was sent, and
  report the compressed payload as zlib makes it.
- takeover: a server that accepts permessage-deflate without server_no_context_takeover is refused.
- rsv1-declined, rsv1-ping, rsv1-continuation: RSV1 without the extension, on a control frame, on a
  continuation frame: the connection fails.

Needs the `websockets` package (10 or later: apt-get install python3-websockets).
"""
import asyncio
import base64
import hashlib
import json
import os
import sys
import tempfile
import time
import uuid
import zlib

import websockets
from websockets.extensions.permessage_deflate import ServerPerMessageDeflateFactory

GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


def compressed_size(text):
    """What a peer without context takeover sends: a fresh raw deflate stream (window 15), flushed
    with Z_SYNC_FLUSH, without the trailing 00 00 FF FF."""
    c = zlib.compressobj(wbits=-15)
    return len(c.compress(text.encode()) + c.flush(zlib.Z_SYNC_FLUSH)) - 4


class Relay:
    """hello -> welcome and snapshot; an operation -> its event, to every connection of the page."""

    def __init__(self):
        self.sockets = set()
        self.seq = 0
        self.sent = {}  # operation type -> the event's JSON

    async def handle(self, ws, path=None):
        user = {"id": "anon:" + uuid.uuid4().hex[:12], "name": "Guest", "role": "member"}
        self.sockets.add(ws)
        try:
            async for raw in ws:
                msg = json.loads(raw)
                if msg["type"] == "hello":
                    user["name"] = msg.get("name") or "Guest"
                    welcome = json.dumps({"type": "welcome", "v": 1, "user": user,
                                          "connection": str(uuid.uuid4()), "epoch": "e", "seq":
                                          self.seq, "viewers": len(self.sockets),
                                          "recovered": False, "document": None},
                                         separators=(",", ":"))
                    third = len(welcome) // 3  # a fragmented compressed message
                    await ws.send(iter([welcome[:third], welcome[third:2 * third],
                                        welcome[2 * third:]]))
                    await ws.send(json.dumps({"type": "snapshot", "epoch": "e", "seq": self.seq,
                                              "chats": []}, separators=(",", ":")))
                    continue
                self.seq += 1
                now = int(time.time() * 1000)
                author = {"id": user["id"], "name": user["name"]}
                if msg["type"] == "new-text-chat":
                    c = msg["chat"]
                    event = {"type": "new-text-chat", "seq": self.seq,
                             "broadcastId": msg["broadcastId"],
                             "chat": {"id": c["id"], "anchor": c["anchor"], "author": author,
                                      "createdAt": now, "updatedAt": now, "resolved": False,
                                      "comments": [{"id": c["comment"]["id"], "author": author,
                                                    "text": c["comment"]["text"],
                                                    "createdAt": now}]}}
                else:
                    change = dict(msg["change"])
                    change["comment"] = dict(change["comment"], author=author, createdAt=now)
                    event = {"type": "updated-text-chat", "seq": self.seq,
                             "broadcastId": msg["broadcastId"], "chatId": msg["chatId"],
                             "updatedAt": now, "change": change}
                text = json.dumps(event, separators=(",", ":"))
                self.sent[msg["type"]] = text
                for other in list(self.sockets):
                    await other.send(text)
        finally:
            self.sockets.discard(ws)


def frame(first_byte, payload):
    n = len(payload)
    return (bytes([first_byte, n]) if n < 126 else bytes([first_byte, 126, n >> 8, n & 255])) + payload


def broken_server(case):
    """A raw server that answers the handshake, reads the hello and breaks a rule of RFC 7692."""
    async def handle(reader, writer):
        request = await reader.readuntil(b"\r\n\r\n")
        key = next(line.split(b":", 1)[1].strip() for line in request.split(b"\r\n")
                   if line.lower().startswith(b"sec-websocket-key:"))
        accept = base64.b64encode(hashlib.sha1(key + GUID).digest()).decode()
        extension = {"takeover": "permessage-deflate; client_no_context_takeover",
                     "rsv1-declined": None}.get(
                         case, "permessage-deflate; server_no_context_takeover")
        response = ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                    f"Connection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\n")
        if extension:
            response += f"Sec-WebSocket-Extensions: {extension}\r\n"
        writer.write((response + "\r\n").encode())
        await reader.read(4096)  # the hello
        c = zlib.compressobj(wbits=-15)
        welcome = (c.compress(b'{"type":"welcome","seq":0,"epoch":"e"}') +
                   c.flush(zlib.Z_SYNC_FLUSH))[:-4]
        if case == "rsv1-declined":
            writer.write(frame(0x80 | 0x40 | 0x1, welcome))
        elif case == "rsv1-ping":
            writer.write(frame(0x80 | 0x40 | 0x9, b"x"))
        elif case == "rsv1-continuation":
            writer.write(frame(0x40 | 0x1, welcome[:5]) + frame(0x80 | 0x40 | 0x0, welcome[5:]))
        await writer.drain()
        await reader.read(4096)
        writer.close()
    return handle


async def run_load(load, port, deflate, out):
    args = [load, "--url", f"ws://127.0.0.1:{port}/v1/ws", "--scenario", "size",
            "--server-name", "peer", "--max-seconds", "30", "--out", out]
    if deflate:
        args.append("--deflate")
    proc = await asyncio.create_subprocess_exec(*args, stderr=asyncio.subprocess.PIPE)
    _, err = await proc.communicate()
    sys.stderr.write(err.decode())
    with open(out) as f:
        return proc.returncode, json.load(f)


async def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    load = os.path.join(build, "tests", "benchmarks", "load", "glosa-load")
    if not os.access(load, os.X_OK):
        sys.exit(f"check-deflate: {load} is missing; cmake --build {build} --target glosa-load")
    failures = []

    def check(name, ok, detail=""):
        print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}")
        if not ok:
            failures.append(name)

    out = os.path.join(tempfile.mkdtemp(prefix="check-deflate-"), "size.json")
    print(f"websockets {websockets.__version__}")

    relay = Relay()
    factory = ServerPerMessageDeflateFactory(server_no_context_takeover=True,
                                             client_no_context_takeover=True)
    server = await websockets.serve(relay.handle, "127.0.0.1", 0, extensions=[factory],
                                    compression=None)
    rc, r = await run_load(load, server.sockets[0].getsockname()[1], True, out)
    server.close()
    await server.wait_closed()
    check("deflate: negotiated", rc == 0 and r.get("deflateNegotiated") is True,
          r.get("extensions", r.get("error", "")))
    for kind, key in (("new-text-chat", "create"), ("updated-text-chat", "comment")):
        sent = relay.sent.get(kind, "")
        check(f"deflate: {key} event compressed", r.get(f"{key}EventCompressed") is True)
        check(f"deflate: {key} event inflated to the JSON sent",
              bool(sent) and r.get(f"{key}Event") == sent and
              r.get(f"{key}EventBytes") == len(sent.encode()),
              f"{r.get(f'{key}EventBytes')} bytes")
        expected = compressed_size(sent) if sent else None
        got = r.get(f"{key}EventWirePayloadBytes")
        check(f"deflate: {key} event's compressed payload counted", got == expected,
              f"{got} bytes (zlib: {expected}), frame {r.get(f'{key}EventWireBytes')}")

    for case, deflate, reason in (
            ("takeover", True, "without server_no_context_takeover"),
            ("rsv1-declined", False, "RSV1 set without permessage-deflate"),
            ("rsv1-ping", True, "RSV1 set on a control frame"),
            ("rsv1-continuation", True, "RSV1 set on a continuation frame")):
        server = await asyncio.start_server(broken_server(case), "127.0.0.1", 0)
        _, r = await run_load(load, server.sockets[0].getsockname()[1], deflate, out)
        server.close()
        await server.wait_closed()
        got = list(r.get("failures", {}))
        check(f"{case}: the connection fails", any(reason in g for g in got), "; ".join(got))

    print("check-deflate: " + (f"{len(failures)} failed" if failures else "all passed"))
    sys.exit(1 if failures else 0)


asyncio.run(main())
