#!/usr/bin/env node
// The peer baseline of the Glosa load benchmark: what a team would write on Node's `ws` package in
// an afternoon. It speaks the subset of docs/protocol.md the scenarios use:
//   hello -> welcome (seq, epoch, viewers) and an empty snapshot, or a replay on resume;
//   new-text-chat / updated-text-chat / deleted-text-chat -> the completed event with the page's
//   next seq, to every connection of the page, the sender's included;
//   presence when a page's count of distinct users changes; ping every --ping-ms.
// No validation, no authentication, no storage. Events are kept in memory (the last
// --replay of each page) so that a client can resume. Each event is serialised once and the same
// buffer goes to every recipient.
//
// node relay.js [--listen 127.0.0.1:0] [--ping-ms 30000] [--replay 100000]
'use strict';

const crypto = require('crypto');
const { WebSocketServer } = require('ws');

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const [host, port] = (() => {
  const listen = arg('--listen', '127.0.0.1:0');
  const colon = listen.lastIndexOf(':');
  return [listen.slice(0, colon), Number(listen.slice(colon + 1))];
})();
const pingMs = Number(arg('--ping-ms', '30000'));
const replay = Number(arg('--replay', '100000'));

const pages = new Map(); // key -> { epoch, seq, sockets: Set, users: Map(id -> count), log: [] }

function pageOf(key) {
  let page = pages.get(key);
  if (!page) {
    page = { key, epoch: crypto.randomUUID(), seq: 0, sockets: new Set(), users: new Map(), log: [] };
    pages.set(key, page);
  }
  return page;
}

function sendJson(ws, object) {
  ws.send(JSON.stringify(object));
}

function presence(page, except) {
  const frame = Buffer.from(JSON.stringify({ type: 'presence', viewers: page.users.size }));
  for (const ws of page.sockets) {
    if (ws !== except) ws.send(frame, { binary: false });
  }
}

function broadcast(page, event) {
  event.seq = ++page.seq;
  const frame = Buffer.from(JSON.stringify(event));
  page.log.push(frame);
  if (page.log.length > replay) page.log.splice(0, page.log.length - replay);
  for (const ws of page.sockets) ws.send(frame, { binary: false });
}

function hello(ws, msg) {
  const user = {
    id: 'anon:' + crypto.randomBytes(8).readBigUInt64BE().toString(36),
    name: typeof msg.name === 'string' && msg.name ? msg.name : 'Guest',
    role: 'member',
  };
  ws.user = user;
  const key = `${msg.tenant}\n${msg.page}`;
  const page = pageOf(key);
  ws.page = page;
  page.sockets.add(ws);
  const count = (page.users.get(user.id) || 0) + 1;
  page.users.set(user.id, count);
  const resume = msg.resume;
  const first = page.seq - page.log.length; // the seq before the oldest kept event
  const recovered = !!resume && resume.epoch === page.epoch && resume.seq <= page.seq &&
    resume.seq >= first;
  sendJson(ws, {
    type: 'welcome', v: 1, connection: crypto.randomUUID(), user,
    epoch: page.epoch, seq: page.seq, viewers: page.users.size, recovered, document: null,
  });
  if (recovered) {
    for (let i = resume.seq - first; i < page.log.length; ++i) ws.send(page.log[i], { binary: false });
  } else {
    sendJson(ws, { type: 'snapshot', epoch: page.epoch, seq: page.seq, chats: [] });
  }
  if (count === 1) presence(page, ws);
}

function operate(ws, msg) {
  const page = ws.page;
  const now = Date.now();
  const author = { id: ws.user.id, name: ws.user.name };
  if (msg.type === 'new-text-chat') {
    const c = msg.chat;
    broadcast(page, {
      type: 'new-text-chat', seq: 0, broadcastId: msg.broadcastId,
      chat: {
        id: c.id, anchor: c.anchor, author, createdAt: now, updatedAt: now, resolved: false,
        comments: [{ id: c.comment.id, author, text: c.comment.text, createdAt: now }],
      },
    });
  } else if (msg.type === 'updated-text-chat') {
    const change = Object.assign({}, msg.change);
    if (change.op === 'add-comment') {
      change.comment = { id: change.comment.id, author, text: change.comment.text, createdAt: now };
    }
    broadcast(page, {
      type: 'updated-text-chat', seq: 0, broadcastId: msg.broadcastId, chatId: msg.chatId,
      updatedAt: now, change,
    });
  } else if (msg.type === 'deleted-text-chat') {
    broadcast(page, { type: 'deleted-text-chat', seq: 0, broadcastId: msg.broadcastId, chatId: msg.chatId });
  } else {
    sendJson(ws, { type: 'error', code: 'bad-request', message: 'not supported by the relay' });
  }
}

const wss = new WebSocketServer({ host, port, path: '/v1/ws', maxPayload: 1024 * 1024 });

wss.on('connection', (ws) => {
  ws.isAlive = true;
  ws.on('pong', () => { ws.isAlive = true; });
  ws.on('message', (data) => {
    ws.isAlive = true;
    let msg;
    try {
      msg = JSON.parse(data);
    } catch (e) {
      sendJson(ws, { type: 'error', code: 'bad-request', message: 'not JSON' });
      return;
    }
    if (!ws.page) {
      if (msg.type !== 'hello' || typeof msg.page !== 'string') {
        ws.close(4400, 'hello first');
        return;
      }
      hello(ws, msg);
      return;
    }
    operate(ws, msg);
  });
  ws.on('close', () => {
    const page = ws.page;
    if (!page) return;
    page.sockets.delete(ws);
    const count = page.users.get(ws.user.id) - 1;
    if (count > 0) {
      page.users.set(ws.user.id, count);
    } else {
      page.users.delete(ws.user.id);
      presence(page, null);
    }
    if (page.sockets.size === 0 && page.log.length === 0) pages.delete(page.key);
  });
});

const heartbeat = setInterval(() => {
  for (const ws of wss.clients) {
    if (!ws.isAlive) {
      ws.terminate();
      continue;
    }
    ws.isAlive = false;
    ws.ping();
  }
}, pingMs);

wss.on('listening', () => {
  const a = wss.address();
  process.stdout.write(`listening ws://${a.address}:${a.port}/v1/ws\n`);
});

function stop() {
  clearInterval(heartbeat);
  for (const ws of wss.clients) ws.close(1001, 'server shutting down');
  wss.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
