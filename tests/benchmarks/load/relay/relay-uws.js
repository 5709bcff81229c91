#!/usr/bin/env node
// The stronger peer of the Glosa load benchmark: the relay of relay.js on uWebSockets.js (the
// native uWS server in C++, from @trufflesuite/uws-js-unofficial) instead of ws. It speaks exactly
// what relay.js speaks (pages.js, shared by both) and hands the fan-out to uWS's own pub/sub: one
// topic per tenant and page, every viewer subscribed, each event published once to its topic
// (the sender included); uWS writes each subscriber's events of one turn of the loop together.
// permessage-deflate is off. uWS pings a connection that has been silent for its idle timeout
// less 16 s and closes it 16 s after an unanswered ping: --ping-ms 30000 gives an idle timeout of
// 44 s, so a ping after 28 to 32 s of silence (uWS's timers tick every 4 s). A connection whose
// unsent frames pass --max-backpressure bytes is closed, as Glosa drops one whose send queue passes
// its limit; ws's relay queues without a limit.
//
// node relay-uws.js [--listen 127.0.0.1:0] [--ping-ms 30000] [--replay 100000]
//                   [--max-backpressure 67108864]
'use strict';

const path = require('path');
const Pages = require('./pages');

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

// The package falls back to a server on ws when its native module does not load; the benchmark
// would then measure ws twice, so the native module is loaded here or the relay does not start.
function nativeUws() {
  const name = '@trufflesuite/uws-js-unofficial';
  const dir = path.dirname(require.resolve(`${name}/package.json`));
  const binary = path.join(dir, 'binaries',
    `uws_${process.platform}_${process.arch}_${process.versions.modules}.node`);
  try {
    return require(binary);
  } catch (e) {
    process.stderr.write(`relay-uws: the native uWebSockets.js of ${name} does not load on Node ` +
      `${process.version} (${process.platform}, ${process.arch}, ABI ${process.versions.modules}): ` +
      `${e.message}\n`);
    process.exit(2);
  }
}

const uWS = nativeUws();

const [host, port] = (() => {
  const listen = arg('--listen', '127.0.0.1:0');
  const colon = listen.lastIndexOf(':');
  return [listen.slice(0, colon), Number(listen.slice(colon + 1))];
})();
const pingSeconds = Number(arg('--ping-ms', '30000')) / 1000;
const maxBackpressure = Number(arg('--max-backpressure', String(64 * 1024 * 1024)));
const pages = new Pages(Number(arg('--replay', '100000')));

const sockets = new Set();
let listenSocket = null;
let stopping = false;

function hello(ws, state, msg) {
  const joined = pages.hello(msg);
  state.page = joined.page;
  state.user = joined.user;
  ws.cork(() => {
    for (const frame of joined.frames) ws.send(frame, false, false);
  });
  ws.subscribe(state.page.key);
  // To every other subscriber of the page.
  if (joined.presenceChanged) ws.publish(state.page.key, pages.presence(state.page), false, false);
}

function operate(ws, state, msg) {
  const frame = pages.operate(state.page, state.user, msg);
  if (frame) {
    app.publish(state.page.key, frame, false, false);
  } else {
    ws.send(pages.error('not supported by the relay'), false, false);
  }
}

const app = uWS.App();

app.ws('/v1/ws', {
  compression: uWS.DISABLED,
  maxPayloadLength: 1024 * 1024,
  maxBackpressure,
  closeOnBackpressureLimit: true,
  // uWS's margin before a ping is 16 s for idle timeouts of 32 s and more, in ticks of 4 s.
  idleTimeout: Math.max(32, 4 * Math.floor((pingSeconds + 16) / 4)),
  sendPingsAutomatically: true,
  open: (ws) => {
    sockets.add(ws);
  },
  message: (ws, data) => {
    const state = ws.getUserData();
    let msg;
    try {
      msg = JSON.parse(Buffer.from(data).toString());
    } catch (e) {
      ws.send(pages.error('not JSON'), false, false);
      return;
    }
    if (!state.page) {
      if (!msg || msg.type !== 'hello' || typeof msg.page !== 'string') {
        ws.end(4400, 'hello first');
        return;
      }
      hello(ws, state, msg);
      return;
    }
    operate(ws, state, msg);
  },
  close: (ws) => {
    sockets.delete(ws);
    const state = ws.getUserData();
    if (state.page && pages.leave(state.page, state.user) && !stopping) {
      app.publish(state.page.key, pages.presence(state.page), false, false);
    }
    if (stopping && sockets.size === 0) process.exit(0);
  },
});

app.listen(host, port, (token) => {
  if (!token) {
    process.stderr.write(`relay-uws: cannot listen on ${host}:${port}\n`);
    process.exit(1);
  }
  listenSocket = token;
  process.stdout.write(`listening ws://${host}:${uWS.us_socket_local_port(token)}/v1/ws\n`);
});

function stop() {
  if (stopping) return;
  stopping = true;
  if (listenSocket) uWS.us_listen_socket_close(listenSocket);
  listenSocket = null;
  if (sockets.size === 0) process.exit(0);
  for (const ws of sockets) ws.end(1001, 'server shutting down');
  setTimeout(() => process.exit(0), 2000);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
