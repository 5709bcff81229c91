// What both relays of the Glosa load benchmark (relay.js on ws, relay-uws.js on uWebSockets.js)
// share, so that they speak the same subset of docs/protocol.md and differ only in how frames reach the
// sockets: the pages (epoch, seq, the distinct users viewing, the last events kept for resume),
// hello -> welcome and an empty snapshot or a replay, operations -> the completed event with the
// page's next seq, presence. Each event is serialised once; the relay sends that one buffer to
// every connection of the page.
'use strict';

const crypto = require('crypto');

class Pages {
  // replay: events kept per page for resume.
  constructor(replay) {
    this.replay = replay;
    this.pages = new Map(); // key -> { key, epoch, seq, connections, users: Map(id -> count), log: [] }
  }

  pageOf(key) {
    let page = this.pages.get(key);
    if (!page) {
      page = { key, epoch: crypto.randomUUID(), seq: 0, connections: 0, users: new Map(), log: [] };
      this.pages.set(key, page);
    }
    return page;
  }

  // A hello makes the connection a viewer of its page. Returns the page (its key names the page
  // to the relay), the connection's user, the frames it gets at once (welcome, then a snapshot or
  // the events it missed) and whether the page's count of distinct users changed, in which case
  // every other connection of the page gets presence().
  hello(msg) {
    const user = {
      id: 'anon:' + crypto.randomBytes(8).readBigUInt64BE().toString(36),
      name: typeof msg.name === 'string' && msg.name ? msg.name : 'Guest',
      role: 'member',
    };
    const page = this.pageOf(`${msg.tenant}\n${msg.page}`);
    ++page.connections;
    const count = (page.users.get(user.id) || 0) + 1;
    page.users.set(user.id, count);
    const resume = msg.resume;
    const first = page.seq - page.log.length; // the seq before the oldest kept event
    const recovered = !!resume && resume.epoch === page.epoch && resume.seq <= page.seq &&
      resume.seq >= first;
    const frames = [JSON.stringify({
      type: 'welcome', v: 1, connection: crypto.randomUUID(), user,
      epoch: page.epoch, seq: page.seq, viewers: page.users.size, recovered, document: null,
    })];
    if (recovered) {
      for (let i = resume.seq - first; i < page.log.length; ++i) frames.push(page.log[i]);
    } else {
      frames.push(JSON.stringify({ type: 'snapshot', epoch: page.epoch, seq: page.seq, chats: [] }));
    }
    return { page, user, frames, presenceChanged: count === 1 };
  }

  // A viewer's connection closed. Returns whether the page's count of distinct users changed.
  leave(page, user) {
    --page.connections;
    const count = page.users.get(user.id) - 1;
    let changed = false;
    if (count > 0) {
      page.users.set(user.id, count);
    } else {
      page.users.delete(user.id);
      changed = true;
    }
    if (page.connections === 0 && page.log.length === 0) this.pages.delete(page.key);
    return changed;
  }

  presence(page) {
    return Buffer.from(JSON.stringify({ type: 'presence', viewers: page.users.size }));
  }

  // The event an operation of `user` becomes, with the page's next seq, serialised and kept for
  // resume: the frame for every connection of the page, the sender's included. null when the
  // relay does not support the operation; the sender then gets error().
  operate(page, user, msg) {
    const now = Date.now();
    const author = { id: user.id, name: user.name };
    if (msg.type === 'new-text-chat') {
      const c = msg.chat;
      return this.broadcast(page, {
        type: 'new-text-chat', seq: 0, broadcastId: msg.broadcastId,
        chat: {
          id: c.id, anchor: c.anchor, author, createdAt: now, updatedAt: now, resolved: false,
          comments: [{ id: c.comment.id, author, text: c.comment.text, createdAt: now }],
        },
      });
    }
    if (msg.type === 'updated-text-chat') {
      const change = Object.assign({}, msg.change);
      if (change.op === 'add-comment') {
        change.comment = { id: change.comment.id, author, text: change.comment.text, createdAt: now };
      }
      return this.broadcast(page, {
        type: 'updated-text-chat', seq: 0, broadcastId: msg.broadcastId, chatId: msg.chatId,
        updatedAt: now, change,
      });
    }
    if (msg.type === 'deleted-text-chat') {
      return this.broadcast(page, {
        type: 'deleted-text-chat', seq: 0, broadcastId: msg.broadcastId, chatId: msg.chatId,
      });
    }
    return null;
  }

  broadcast(page, event) {
    event.seq = ++page.seq;
    const frame = Buffer.from(JSON.stringify(event));
    page.log.push(frame);
    if (page.log.length > this.replay) page.log.splice(0, page.log.length - this.replay);
    return frame;
  }

  error(message) {
    return JSON.stringify({ type: 'error', code: 'bad-request', message });
  }
}

module.exports = Pages;
