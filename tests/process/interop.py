#!/usr/bin/python3
"""Interop check of glosa-server against a third-party WebSocket client (python3-websockets).

Usage: interop.py ws://127.0.0.1:PORT/v1/ws

Speaks version 1 of docs/protocol.md with nothing of Glosa's code, and exits non-zero with a message
naming the first mismatch. Every frame is checked to be one compact JSON object with a `type`.
"""

import asyncio
import hashlib
import json
import os
import sys
import time
import uuid

import websockets

TIMEOUT = 5.0


class Mismatch(Exception):
    pass


def check(condition, what):
    if not condition:
        raise Mismatch(what)


def same(actual, expected, what):
    check(actual == expected, f"{what}: expected {expected!r}, got {actual!r}")


def new_id():
    return str(uuid.uuid4())


def is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def is_now(ms):
    return is_int(ms) and abs(ms - time.time() * 1000) < 5 * 60 * 1000


def compact(text):
    """True when no whitespace stands outside JSON strings."""
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in " \t\r\n":
            return False
    return True


class Client:
    def __init__(self, name, ws):
        self.name = name
        self.ws = ws
        self.queue = []  # (frame, came inside a batch)

    @classmethod
    async def connect(cls, name, url):
        ws = await asyncio.wait_for(websockets.connect(url, max_size=None), TIMEOUT)
        return cls(name, ws)

    async def send(self, frame):
        await self.ws.send(json.dumps(frame, separators=(",", ":")))

    async def send_raw(self, text):
        await self.ws.send(text)

    async def hello(self, page=None, tenant="local", resume=None, token=None):
        hello = {"type": "hello", "v": 1, "tenant": tenant}
        if page is not None:
            hello["page"] = page
        if resume is not None:
            hello["resume"] = resume
        if token is not None:
            hello["token"] = token
        await self.send(hello)

    async def _receive(self):
        try:
            text = await asyncio.wait_for(self.ws.recv(), TIMEOUT)
        except asyncio.TimeoutError:
            raise Mismatch(f"{self.name}: nothing received within {TIMEOUT} s")
        except websockets.exceptions.ConnectionClosed as e:
            raise Mismatch(f"{self.name}: connection closed unexpectedly ({e})")
        check(isinstance(text, str), f"{self.name}: a binary frame")
        check(compact(text), f"{self.name}: frame is not compact JSON: {text}")
        frame = json.loads(text)
        check(isinstance(frame, dict), f"{self.name}: frame is not an object: {text}")
        check(isinstance(frame.get("type"), str), f"{self.name}: frame has no type: {text}")
        if frame["type"] == "batch":
            events = frame.get("events")
            check(isinstance(events, list) and events, f"{self.name}: empty batch: {text}")
            for event in events:
                check(isinstance(event, dict), f"{self.name}: batch holds a non-object")
                check(event.get("type") not in ("batch", "welcome"),
                      f"{self.name}: a batch carries a {event.get('type')}")
                self.queue.append((event, True))
        else:
            self.queue.append((frame, False))

    async def frame(self):
        while not self.queue:
            await self._receive()
        return self.queue.pop(0)[0]

    async def expect(self, type_):
        while not self.queue:
            await self._receive()
        frame, batched = self.queue.pop(0)
        same(frame.get("type"), type_, f"{self.name}: type of the next frame {frame}")
        if type_ == "welcome":
            check(not batched, f"{self.name}: welcome came inside a batch")
        return frame

    async def expect_error(self, code, broadcast_id=None, request_id=None):
        error = await self.expect("error")
        same(error.get("code"), code, f"{self.name}: error code of {error}")
        check(isinstance(error.get("message"), str), f"{self.name}: error without message")
        if broadcast_id is not None:
            same(error.get("broadcastId"), broadcast_id, f"{self.name}: error broadcastId")
        if request_id is not None:
            same(error.get("requestId"), request_id, f"{self.name}: error requestId")
        return error

    async def expect_close(self, code):
        """Frames (an error, say) may come first; then the close code must be `code`."""
        try:
            while True:
                await asyncio.wait_for(self.ws.recv(), TIMEOUT)
        except asyncio.TimeoutError:
            raise Mismatch(f"{self.name}: not closed within {TIMEOUT} s, expected close {code}")
        except websockets.exceptions.ConnectionClosed as e:
            got = e.rcvd.code if e.rcvd is not None else None
            same(got, code, f"{self.name}: close code")

    async def close(self):
        await self.ws.close()


def check_author(author, user, what):
    same(author, {"id": user["id"], "name": user["name"]}, f"{what}: author")


async def joined(name, url, page, viewers):
    """Opens a page connection and checks welcome and snapshot of a page with no history yet."""
    c = await Client.connect(name, url)
    await c.hello(page)
    w = await c.expect("welcome")
    for key in ("v", "connection", "user", "epoch", "seq", "viewers", "recovered", "document"):
        check(key in w, f"{name}: welcome lacks {key}: {w}")
    same(w["v"], 1, f"{name}: welcome.v")
    check(isinstance(w["connection"], str) and w["connection"], f"{name}: welcome.connection")
    user = w["user"]
    check(isinstance(user, dict), f"{name}: welcome.user is not an object")
    check(isinstance(user.get("id"), str) and user["id"].startswith("anon:"),
          f"{name}: anonymous user id {user.get('id')!r}")
    check(isinstance(user.get("name"), str) and 1 <= len(user["name"]) <= 100,
          f"{name}: user name {user.get('name')!r}")
    same(user.get("role"), "member", f"{name}: anonymous role")
    check(isinstance(w["epoch"], str) and w["epoch"], f"{name}: welcome.epoch")
    check(is_int(w["seq"]), f"{name}: welcome.seq is not an integer")
    same(w["viewers"], viewers, f"{name}: welcome.viewers")
    same(w["recovered"], False, f"{name}: welcome.recovered without resume")
    same(w["document"], None, f"{name}: welcome.document of a page without document")
    s = await c.expect("snapshot")
    same(s.get("epoch"), w["epoch"], f"{name}: snapshot.epoch")
    same(s.get("seq"), w["seq"], f"{name}: snapshot.seq")
    check(isinstance(s.get("chats"), list), f"{name}: snapshot.chats")
    c.welcome = w
    c.user = user
    c.snapshot = s
    return c


async def broadcast(sender, viewers, op, type_, seq):
    """Sends `op` and checks that every viewer, the sender included, gets the same event."""
    await sender.send(op)
    events = [await v.expect(type_) for v in viewers]
    for v, e in zip(viewers[1:], events[1:]):
        same(e, events[0], f"{v.name}: the event differs from {viewers[0].name}'s")
    event = events[0]
    same(event.get("seq"), seq, f"{type_}: seq")
    same(event.get("broadcastId"), op["broadcastId"], f"{type_}: broadcastId")
    return event


async def until_viewers(client, final, passing):
    """Presence frames up to one with `final` viewers; under churn the server may coalesce
    them, so the counts in between, `passing`, may each come or not."""
    while True:
        viewers = (await client.expect("presence")).get("viewers")
        if viewers == final:
            return
        check(viewers in passing, f"{client.name}: presence {viewers}, expected {final}")


def update_op(chat_id, change):
    return {"type": "updated-text-chat", "broadcastId": new_id(), "chatId": chat_id,
            "change": change}


async def page_session(url):
    page = "interop/" + new_id()
    a = await joined("a", url, page, 1)
    same(a.welcome["seq"], 0, "a: welcome.seq of a new page")
    same(a.snapshot["chats"], [], "a: snapshot of a new page")
    b = await joined("b", url, page, 2)
    same(b.welcome["epoch"], a.welcome["epoch"], "b: epoch of the same page")
    check(b.user["id"] != a.user["id"], "two anonymous connections share a user id")
    check(b.welcome["connection"] != a.welcome["connection"], "two connections share an id")
    presence = await a.expect("presence")
    same(presence.get("viewers"), 2, "a: presence when b joins")
    both = [a, b]
    history = {}

    # new-text-chat
    chat_id, first = new_id(), new_id()
    anchor = {"start": 4, "end": 9, "exact": "quick", "prefix": "The ", "suffix": " brown fox"}
    create = {"type": "new-text-chat", "broadcastId": new_id(),
              "chat": {"id": chat_id, "anchor": anchor, "comment": {"id": first, "text": "First!"}}}
    event = await broadcast(a, both, create, "new-text-chat", 1)
    history[1] = event
    chat = event.get("chat")
    check(isinstance(chat, dict), "new-text-chat: chat")
    same(chat.get("id"), chat_id, "chat.id")
    same(chat.get("anchor"), anchor, "chat.anchor")
    check_author(chat.get("author"), a.user, "chat")
    check(is_now(chat.get("createdAt")), f"chat.createdAt {chat.get('createdAt')!r}")
    check(is_int(chat.get("updatedAt")), "chat.updatedAt")
    same(chat.get("resolved"), False, "chat.resolved")
    comments = chat.get("comments")
    check(isinstance(comments, list) and len(comments) == 1, f"chat.comments {comments!r}")
    comment = comments[0]
    same(comment.get("id"), first, "comment.id")
    same(comment.get("text"), "First!", "comment.text")
    check_author(comment.get("author"), a.user, "comment")
    check(is_now(comment.get("createdAt")), "comment.createdAt")
    check(not comment.get("deleted", False), "a new comment is deleted")
    seq = 1

    # updated-text-chat, all four change ops
    reply = new_id()
    seq += 1
    event = await broadcast(b, both, update_op(chat_id, {
        "op": "add-comment", "comment": {"id": reply, "text": "A reply"}}),
        "updated-text-chat", seq)
    history[seq] = event
    same(event.get("chatId"), chat_id, "add-comment: chatId")
    check(is_int(event.get("updatedAt")), "add-comment: updatedAt")
    change = event.get("change", {})
    same(change.get("op"), "add-comment", "add-comment: change.op")
    added = change.get("comment", {})
    same(added.get("id"), reply, "add-comment: comment.id")
    same(added.get("text"), "A reply", "add-comment: comment.text")
    check_author(added.get("author"), b.user, "add-comment")
    check(is_now(added.get("createdAt")), "add-comment: comment.createdAt")

    seq += 1
    event = await broadcast(b, both, update_op(chat_id, {
        "op": "edit-comment", "commentId": reply, "text": "A better reply"}),
        "updated-text-chat", seq)
    history[seq] = event
    change = event.get("change", {})
    same(change.get("op"), "edit-comment", "edit-comment: change.op")
    edited = change.get("comment", {})
    same(edited.get("id"), reply, "edit-comment: comment.id")
    same(edited.get("text"), "A better reply", "edit-comment: comment.text")
    check(is_now(edited.get("editedAt")), f"edit-comment: comment.editedAt {edited!r}")
    check_author(edited.get("author"), b.user, "edit-comment")

    for resolved, sender in ((True, a), (False, b)):
        seq += 1
        event = await broadcast(sender, both, update_op(chat_id, {
            "op": "resolve", "resolved": resolved}), "updated-text-chat", seq)
        history[seq] = event
        same(event.get("change", {}).get("op"), "resolve", "resolve: change.op")
        same(event.get("change", {}).get("resolved"), resolved, "resolve: change.resolved")

    seq += 1
    event = await broadcast(b, both, update_op(chat_id, {
        "op": "delete-comment", "commentId": reply}), "updated-text-chat", seq)
    history[seq] = event
    change = event.get("change", {})
    same(change.get("op"), "delete-comment", "delete-comment: change.op")
    gone = change.get("comment", {})
    same(gone.get("id"), reply, "delete-comment: comment.id")
    same(gone.get("deleted"), True, "delete-comment: comment.deleted")
    check(not gone.get("text"), f"a deleted comment keeps its text: {gone!r}")

    # error frames, to the sender only
    await a.send_raw("this is not JSON")
    await a.expect_error("bad-request")
    await a.send_raw("[1,2,3]")
    await a.expect_error("bad-request")
    await a.send({"type": "no-such-type", "broadcastId": new_id()})
    await a.expect_error("bad-request")
    bad_id = {"type": "new-text-chat", "broadcastId": new_id(),
              "chat": {"id": "NOT-A-UUID", "anchor": anchor, "comment": {"id": new_id(), "text": "x"}}}
    await a.send(bad_id)
    await a.expect_error("bad-request", bad_id["broadcastId"])

    op = {"type": "deleted-text-chat", "broadcastId": new_id(), "chatId": chat_id}
    await b.send(op)
    await b.expect_error("forbidden", op["broadcastId"])
    op = update_op(chat_id, {"op": "edit-comment", "commentId": first, "text": "Not mine"})
    await b.send(op)
    await b.expect_error("forbidden", op["broadcastId"])

    op = update_op(new_id(), {"op": "resolve", "resolved": True})
    await a.send(op)
    await a.expect_error("not-found", op["broadcastId"])
    op = update_op(chat_id, {"op": "edit-comment", "commentId": new_id(), "text": "Whose?"})
    await a.send(op)
    await a.expect_error("not-found", op["broadcastId"])
    op = {"type": "deleted-text-chat", "broadcastId": new_id(), "chatId": new_id()}
    await a.send(op)
    await a.expect_error("not-found", op["broadcastId"])

    op = dict(create, broadcastId=new_id())
    await a.send(op)
    await a.expect_error("conflict", op["broadcastId"])
    op = {"type": "new-text-chat", "broadcastId": new_id(),
          "chat": {"id": new_id(), "anchor": anchor, "comment": {"id": reply, "text": "Reused"}}}
    await a.send(op)
    await a.expect_error("conflict", op["broadcastId"])
    op = update_op(chat_id, {"op": "delete-comment", "commentId": reply})
    await b.send(op)
    await b.expect_error("conflict", op["broadcastId"])

    # deleted-text-chat: b's next frame is the event, none of a's errors reached it
    seq += 1
    delete = {"type": "deleted-text-chat", "broadcastId": new_id(), "chatId": chat_id}
    event = await broadcast(a, both, delete, "deleted-text-chat", seq)
    history[seq] = event
    same(event, {"type": "deleted-text-chat", "seq": seq, "broadcastId": delete["broadcastId"],
                 "chatId": chat_id}, "deleted-text-chat event")
    op = update_op(chat_id, {"op": "resolve", "resolved": True})
    await a.send(op)
    await a.expect_error("not-found", op["broadcastId"])

    # a retry gets the original event, on the sender only
    await a.send(create)
    same(await a.expect("new-text-chat"), history[1], "a retried operation's event")

    # sync repairs a gap with the missing events
    await a.send({"type": "sync", "epoch": a.welcome["epoch"], "since": seq - 2})
    for s in (seq - 1, seq):
        same(await a.frame(), history[s], f"sync: event {s}")

    # resume from the start: recovered, then events 1..head in order
    c = await Client.connect("c", url)
    await c.hello(page, resume={"epoch": a.welcome["epoch"], "seq": 0})
    w = await c.expect("welcome")
    same(w.get("recovered"), True, "c: welcome.recovered of a resume")
    same(w.get("seq"), seq, "c: welcome.seq")
    same(w.get("viewers"), 3, "c: welcome.viewers")
    for s in range(1, seq + 1):
        same(await c.frame(), history[s], f"c: replayed event {s}")
    for v in both:
        same((await v.expect("presence")).get("viewers"), 3, f"{v.name}: presence when c joins")

    # a resume that cannot be honoured gets a snapshot of the current state
    for resume in ({"epoch": new_id(), "seq": 1}, {"epoch": a.welcome["epoch"], "seq": seq + 5}):
        d = await Client.connect("d", url)
        await d.hello(page, resume=resume)
        w = await d.expect("welcome")
        same(w.get("recovered"), False, f"d: welcome.recovered of resume {resume}")
        s = await d.expect("snapshot")
        same((s.get("epoch"), s.get("seq"), s.get("chats")), (a.welcome["epoch"], seq, []),
             "d: snapshot after the chat was deleted")
        await d.close()
        for v in (a, b, c):
            await until_viewers(v, 3, (4,))

    # leaving drops the count (the server may coalesce the two presence frames)
    await b.close()
    await c.close()
    await until_viewers(a, 1, (2,))
    await a.close()


async def lobby_session(url):
    lobby = await Client.connect("lobby", url)
    await lobby.hello()
    w = await lobby.expect("welcome")
    same(sorted(w), ["connection", "type", "user", "v"], "lobby welcome fields")
    same(w["v"], 1, "lobby welcome.v")

    content = "# Interop\n\nA document from Python, " + new_id() + ".\n"
    title = "Interop " + new_id()[:8]
    op = {"type": "publish-document", "broadcastId": new_id(),
          "document": {"title": title, "format": "markdown", "content": content}}
    await lobby.send(op)
    published = await lobby.expect("document-published")
    same(published.get("broadcastId"), op["broadcastId"], "document-published.broadcastId")
    doc = published.get("document", {})
    sha = hashlib.sha256(content.encode("utf-8")).hexdigest()
    same(doc.get("page"), "doc/" + sha, "document.page")
    same(doc.get("sha256"), sha, "document.sha256")
    same(doc.get("title"), title, "document.title")
    same(doc.get("format"), "markdown", "document.format")
    check(is_now(doc.get("updatedAt")), "document.updatedAt")
    check("content" not in doc, "document-published carries the content")

    # the same again changes nothing
    await lobby.send(dict(op, broadcastId=new_id()))
    same((await lobby.expect("document-published")).get("document"), doc, "republished document")

    await lobby.send({"type": "list-documents", "requestId": "interop-1"})
    listed = await lobby.expect("documents")
    same(listed.get("requestId"), "interop-1", "documents.requestId")
    check(isinstance(listed.get("documents"), list), "documents.documents")
    same([d for d in listed["documents"] if d.get("page") == doc["page"]], [doc],
         "the listed document")

    op = {"type": "new-text-chat", "broadcastId": new_id(),
          "chat": {"id": new_id(), "anchor": {"start": 0, "end": 1, "exact": "#"},
                   "comment": {"id": new_id(), "text": "From the lobby"}}}
    await lobby.send(op)
    await lobby.expect_error("bad-request", op["broadcastId"])

    # the page of the document carries it
    reader = await Client.connect("reader", url)
    await reader.hello(doc["page"])
    w = await reader.expect("welcome")
    stored = w.get("document")
    check(isinstance(stored, dict), f"welcome.document of a published page: {stored!r}")
    same(stored.get("content"), content, "welcome.document.content")
    same(stored.get("sha256"), sha, "welcome.document.sha256")
    same(stored.get("title"), title, "welcome.document.title")
    await reader.close()
    await lobby.close()


async def refusals(url):
    c = await Client.connect("unknown-tenant", url)
    await c.hello("some/page", tenant="no-such-tenant-" + new_id()[:8])
    await c.expect_close(4403)

    c = await Client.connect("token-for-anonymous-tenant", url)
    await c.hello("some/page", token="e30.e30.c2ln")
    await c.expect_close(4401)

    c = await Client.connect("before-hello", url)
    await c.send({"type": "list-documents", "requestId": "r"})
    await c.expect_close(4400)

    c = await Client.connect("not-json-hello", url)
    await c.send_raw("hello?")
    await c.expect_close(4400)


async def main(url):
    for step in (page_session, lobby_session, refusals):
        try:
            await step(url)
        except Mismatch as e:
            print(f"interop: {step.__name__}: MISMATCH: {e}", file=sys.stderr, flush=True)
            os._exit(1)  # without waiting for the open connections' closing handshakes
        print(f"interop: {step.__name__}: ok")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(asyncio.run(main(sys.argv[1])))
