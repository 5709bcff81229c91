#!/usr/bin/env node
// The peer baseline of the Glosa load benchmark: what a team would write on Node's `ws` package in
// an afternoon. It speaks the subset of docs/protocol.md the scenarios use (pages.js, which the
// relay on uWebSockets.js, relay-uws.js, shares):
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

const { WebSocketServer } = require('ws');
const Pages = require('./pages');

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
const pages = new Pages(Number(arg('--replay', '100000')));
const socketsOf = new Map(); // page key -> Set of its connections

function send(ws, frame) {
  ws.send(frame, { binary: false });
}

function toPage(page, frame, except) {
  for (const ws of socketsOf.get(page.key)) {
    if (ws !== except) send(ws, frame);
  }
}

function hello(ws, msg) {
  const joined = pages.hello(msg);
  ws.page = joined.page;
  ws.user = joined.user;
  let sockets = socketsOf.get(ws.page.key);
  if (!sockets) {
    sockets = new Set();
    socketsOf.set(ws.page.key, sockets);
  }
  sockets.add(ws);
  for (const frame of joined.frames) send(ws, frame);
  if (joined.presenceChanged) toPage(ws.page, pages.presence(ws.page), ws);
}

function operate(ws, msg) {
  const frame = pages.operate(ws.page, ws.user, msg);
  if (frame) {
    toPage(ws.page, frame, null);
  } else {
    send(ws, pages.error('not supported by the relay'));
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
      send(ws, pages.error('not JSON'));
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
    const sockets = socketsOf.get(page.key);
    sockets.delete(ws);
    if (sockets.size === 0) socketsOf.delete(page.key);
    if (pages.leave(page, ws.user) && sockets.size > 0) toPage(page, pages.presence(page), null);
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
