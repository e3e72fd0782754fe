// A syncing device driven by the real yjs, for end-to-end tests of the Tanaka server.
//
//   node device.mjs <base-url> <token> <device-id>
//
// It reads one JSON command per line on stdin and answers each with one JSON line on stdout:
//   {"op":"edit","seed":N}        a random tab or window edit (the same kinds the C# test devices make)
//   {"op":"sync","mode":M}        POST /sync with the queued local updates; M is "state_vector",
//                                 "since_clock", "both" or "nothing" (what the device tells the server it has)
//   {"op":"json"}                 the tabs and windows maps as yjs's toJSON() gives them, keys sorted
//   {"op":"exit"}
// Answers are {"ok":true,...} or {"ok":false,"error":"..."}; the process never exits on a bad command.
import * as Y from 'yjs';
import { createInterface } from 'node:readline';

const [baseUrl, token, deviceId] = process.argv.slice(2);
if (!baseUrl || !token || !deviceId) {
  console.error('usage: node device.mjs <base-url> <token> <device-id>');
  process.exit(2);
}

const doc = new Y.Doc();
const tabs = doc.getMap('tabs');
const windows = doc.getMap('windows');
let unsent = [];
let clock = 0;
let serverClock = null;

doc.on('update', (update, origin) => {
  if (origin !== 'server') {
    unsent.push(update);
    clock++;
  }
});

// mulberry32: small, seedable, good enough to pick edits.
function random(seed) {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

function setTab(id, url, title, index, windowId, active) {
  doc.transact(() => {
    const tab = new Y.Map();
    tabs.set(id, tab);
    tab.set('window_id', windowId);
    tab.set('url', url);
    tab.set('title', title);
    tab.set('index', index);
    tab.set('active', active);
    tab.set('pinned', false);
    tab.set('updated_at', 1_700_000_000_000 + index);
  });
}

function edit(seed) {
  const next = random(seed);
  const id = `tab-${next(12)}`;
  const existing = tabs.get(id);
  switch (next(6)) {
    case 0:
    case 1:
      setTab(id, `https://example.com/${next(1000)}`, `Title ${next(1000)}`, next(20), `w${next(3)}`, next(2) === 0);
      return 'set';
    case 2:
      if (existing instanceof Y.Map) {
        existing.set('title', `Renamed ${next(1000)} by ${deviceId}`);
        return 'rename';
      }
      return 'none';
    case 3:
      if (existing instanceof Y.Map) {
        existing.set('index', next(20));
        return 'move';
      }
      return 'none';
    case 4:
      tabs.delete(id);
      return 'delete';
    default: {
      const windowId = `w${next(3)}`;
      doc.transact(() => {
        const window = new Y.Map();
        windows.set(windowId, window);
        window.set('tracked', next(2) === 0);
        window.set('focused', next(2) === 0);
        window.set('device_id', deviceId);
      });
      return 'window';
    }
  }
}

const toBase64 = (bytes) => Buffer.from(bytes).toString('base64');

async function sync(mode) {
  const body = { device_id: deviceId, clock };
  if (unsent.length > 0) body.update = toBase64(Y.mergeUpdates(unsent));
  if (mode === 'state_vector' || mode === 'both') body.state_vector = toBase64(Y.encodeStateVector(doc));
  if ((mode === 'since_clock' || mode === 'both') && serverClock !== null) body.since_clock = serverClock;
  const sending = unsent.length;
  const response = await fetch(new URL('sync', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== 200) {
    return { ok: false, status: response.status, error: text };
  }
  const answer = JSON.parse(text);
  unsent = unsent.slice(sending);
  if (answer.update) {
    Y.applyUpdate(doc, Buffer.from(answer.update, 'base64'), 'server');
  }
  serverClock = answer.clock;
  clock = Math.max(clock, answer.clock);
  return { ok: true, status: 200, clock: answer.clock, received: answer.update ? Buffer.from(answer.update, 'base64').length : 0 };
}

function sorted(value) {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted(value[k])]));
  }
  return value;
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (!line.trim()) continue;
  let answer;
  try {
    const command = JSON.parse(line);
    switch (command.op) {
      case 'edit':
        answer = { ok: true, kind: edit(command.seed) };
        break;
      case 'sync':
        answer = await sync(command.mode);
        break;
      case 'json':
        answer = { ok: true, json: JSON.stringify({ tabs: sorted(tabs.toJSON()), windows: sorted(windows.toJSON()) }) };
        break;
      case 'exit':
        process.stdout.write(JSON.stringify({ ok: true }) + '\n');
        process.exit(0);
      default:
        answer = { ok: false, error: `unknown op ${command.op}` };
    }
  } catch (e) {
    answer = { ok: false, error: String(e && e.stack ? e.stack : e) };
  }
  process.stdout.write(JSON.stringify(answer) + '\n');
}
