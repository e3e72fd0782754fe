// Writes the benchmark input both sides read, so yjs (bench/node/yjs-bench.mjs) and Tanaka.Crdt
// (bench/Tanaka.Benchmarks, Crdt/) time the same operations on IDENTICAL bytes:
//   bench/data/workspace.json = {
//     description, tabs, windows, edits, clients,
//     full:     b64  the final document as one update (Y.encodeStateAsUpdate),
//     updates:  [b64] the seed update then every edit's update, in order (what an update log holds),
//     midStateVector: b64  the state vector of a device that stopped halfway through the edits,
//     lastEdit: b64  the last edit's update alone (a steady-state sync carries one of these)
//   }
// The workspace is the extension's: a `tabs` map (tab id -> nested map of url/title/index/...)
// and a `windows` map, 10 windows x 24 tabs, then 1000 edits by 4 devices (title changes,
// navigation, activation, moves, open/close), synced between the devices every few edits.
// Everything derives from a fixed seed: the file is identical on every run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Y, yjsVersion } from './yjs.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const outFile = join(here, '..', 'data', 'workspace.json');

const WINDOWS = 10;
const TABS_PER_WINDOW = 24;
const DEVICES = 4;
const EDITS = 1000;

const mulberry32 = (seed) => () => {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const random = mulberry32(20251130);
const pick = (xs) => xs[Math.floor(random() * xs.length)];
const int = (n) => Math.floor(random() * n);

const sites = ['github.com', 'developer.mozilla.org', 'news.ycombinator.com', 'en.wikipedia.org', 'stackoverflow.com',
  'docs.microsoft.com', 'www.youtube.com', 'mail.example.com', 'calendar.example.com', 'www.nytimes.com'];
const words = ['sync', 'tabs', 'window', 'crdt', 'merge', 'latency', 'server', 'browser', 'extension', 'update',
  'release', 'notes', 'issue', 'review', 'design', 'benchmark', 'profile', 'storage', 'cache', 'query'];
const phrase = (min, max) => Array.from({ length: min + int(max - min + 1) }, () => pick(words)).join(' ');
const page = () => {
  const site = pick(sites);
  const path = Array.from({ length: 1 + int(3) }, () => pick(words)).join('/');
  return { url: `https://${site}/${path}/${1 + int(999999)}?ref=${pick(words)}`, title: `${phrase(3, 8)} - ${site}` };
};
// Fixed "now" so updated_at values are the same on every run.
let now = Date.UTC(2025, 10, 30, 12, 0, 0);
const tick = () => (now += 1 + int(5000));

const docs = Array.from({ length: DEVICES }, (_, i) => {
  const doc = new Y.Doc({ gc: true });
  doc.clientID = 1000 + i;
  return doc;
});
const updates = [];
let recording = docs[0];
for (const doc of docs) {
  doc.on('update', (update, origin) => {
    if (doc === recording && origin !== 'remote') updates.push(update);
  });
}

const windowIds = Array.from({ length: WINDOWS }, (_, w) => `window-${w}`);
const writeTab = (tabs, id, fields) => {
  let map = tabs.get(id);
  if (!(map instanceof Y.Map)) {
    map = new Y.Map();
    tabs.set(id, map);
  }
  for (const [k, v] of Object.entries(fields)) {
    if (map.get(k) !== v) map.set(k, v);
  }
};
const windowTabs = (doc, windowId) => [...doc.getMap('tabs').entries()]
  .filter(([, m]) => m.get('window_id') === windowId)
  .sort(([a, x], [b, y]) => (x.get('index') - y.get('index')) || (a < b ? -1 : a > b ? 1 : 0))
  .map(([id]) => id);
const reindex = (doc, order) => order.forEach((id, i) => writeTab(doc.getMap('tabs'), id, { index: i }));

// Seed: device 0 creates every window and tab in one transaction.
docs[0].transact(() => {
  const tabs = docs[0].getMap('tabs');
  const windows = docs[0].getMap('windows');
  windowIds.forEach((w, wi) => {
    const win = new Y.Map();
    windows.set(w, win);
    win.set('tracked', true);
    win.set('focused', wi === 0);
    win.set('device_id', `device-${wi % DEVICES}`);
    for (let i = 0; i < TABS_PER_WINDOW; i++) {
      const { url, title } = page();
      writeTab(tabs, `tab-${wi}-${i}`, {
        window_id: w, url, title, index: i, active: i === 0, pinned: i < 2, updated_at: tick(),
      });
    }
  });
});

const syncAll = () => {
  for (const a of docs) {
    for (const b of docs) {
      if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'remote');
    }
  }
};
syncAll();

const opened = Array(DEVICES).fill(0);
let midStateVector = null;
let lastEdit = null;
for (let e = 0; e < EDITS; e++) {
  const d = int(DEVICES);
  const doc = docs[d];
  recording = doc;
  const before = updates.length;
  const windowId = random() < 0.9 ? windowIds[d % WINDOWS] : pick(windowIds);
  const order = windowTabs(doc, windowId);
  const tabs = doc.getMap('tabs');
  const roll = random();
  doc.transact(() => {
    if (order.length === 0 || (roll >= 0.85 && order.length < TABS_PER_WINDOW - 3)) {
      const id = `device-${d}-t${++opened[d]}`;
      const at = int(order.length + 1);
      order.splice(at, 0, id);
      writeTab(tabs, id, { window_id: windowId, ...page(), index: at, active: false, pinned: false, updated_at: tick() });
      reindex(doc, order);
      return;
    }
    const id = pick(order);
    if (roll < 0.35) {
      writeTab(tabs, id, { title: `${phrase(3, 8)} (${1 + int(99)})`, updated_at: tick() });
    } else if (roll < 0.6) {
      writeTab(tabs, id, { ...page(), updated_at: tick() });
    } else if (roll < 0.75) {
      for (const other of order) if (other !== id && tabs.get(other).get('active')) writeTab(tabs, other, { active: false });
      writeTab(tabs, id, { active: true, updated_at: tick() });
    } else if (roll < 0.85) {
      const rest = order.filter((x) => x !== id);
      rest.splice(int(rest.length + 1), 0, id);
      writeTab(tabs, id, { updated_at: tick() });
      reindex(doc, rest);
    } else {
      tabs.delete(id);
      reindex(doc, order.filter((x) => x !== id));
    }
  });
  if (updates.length > before) lastEdit = updates[updates.length - 1];
  if (e % 5 === 4) syncAll();
  if (e === EDITS / 2) midStateVector = Y.encodeStateVector(docs[0]);
}
syncAll();

const final = docs[0];
const full = Y.encodeStateAsUpdate(final);
const b64 = (u) => Buffer.from(u).toString('base64');
const result = {
  description: `Tanaka benchmark workspace generated by bench/node/make-workspace.mjs with yjs ${yjsVersion}`,
  tabs: final.getMap('tabs').size,
  windows: final.getMap('windows').size,
  edits: EDITS,
  clients: Y.decodeStateVector(Y.encodeStateVector(final)).size,
  full: b64(full),
  updates: updates.map(b64),
  midStateVector: b64(midStateVector),
  lastEdit: b64(lastEdit),
};
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, JSON.stringify(result, null, 1));
console.log(`wrote ${outFile}: ${result.tabs} tabs, ${result.windows} windows, ${updates.length} updates, full state ${full.length} bytes, ${result.clients} clients`);
