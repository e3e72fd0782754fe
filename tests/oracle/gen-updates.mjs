// Update-level oracle fixtures: what the real yjs 13.6.33 gives for Y.mergeUpdates,
// Y.diffUpdate, Y.encodeStateVectorFromUpdate and Y.convertUpdateFormatV1ToV2 on updates made by
// several clients (random maps, arrays and text; a realistic tab workspace; updates written by
// ywasm/yrs). Read by tests/Tanaka.Crdt.Tests/Oracle/UpdateOracleTests.cs.
//
// Output: fixtures/generated/updates-*.json. Byte strings are base64. Everything derives from
// fixed seeds, so the files are identical on every run.
//
// File shape: { generator, yjs, scenarios: [ {
//     name,
//     updates: [b64],                  // transaction updates, document states, merges
//     merges: [ { inputs: [index into updates], result: b64, gcItemTie: bool } ],
//     diffs: [ { update: index, sv: b64, result: b64 } ],
//     stateVectors: [ { update: index, result: b64 } ],
//     v2: [ { v2: b64, result: b64 } ]   // a v2 update (Y.convertUpdateFormatV1ToV2 of one of the
//                                        // updates, or written by ywasm) and Y.convertUpdateFormatV2ToV1 of it
// } ] }
// A result longer than 256 bytes is stored as { sha256: hex, length } instead of result.
// gcItemTie marks merges where a GC and an Item of different inputs start at the same ID: there
// Yjs's comparator is inconsistent and the winner depends on V8's sort (yjs-format 5.4).
import * as Y from 'yjs';
import { createHash } from 'node:crypto';
import { writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng } from './lib/rng.mjs';

const require = createRequire(import.meta.url);
const YW = require('ywasm');

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, 'fixtures', 'generated');
mkdirSync(outDir, { recursive: true });

const b64 = (u) => Buffer.from(u).toString('base64');

// Large results are stored as their SHA-256 (still a byte-for-byte check) to keep files small.
const INLINE_LIMIT = 256;
const expected = (u) => (u.length <= INLINE_LIMIT
  ? { result: b64(u) }
  : { sha256: createHash('sha256').update(u).digest('hex'), length: u.length });
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

// Client ids: small, 32-bit, beyond 32 bits and next to 2^53 - 1.
const CLIENT_POOL = [
  1, 2, 7, 42, 300, 65535, 123456789, 2147483647, 2147483648, 3000000000, 4294967295,
  4294967296, 4294967297, 2 ** 40 + 123, 2 ** 48 + 7, MAX_SAFE - 1, MAX_SAFE,
];

// ---------- a scenario: documents with fixed clients, their local updates ----------
class Scenario {
  constructor(name, rng) {
    this.name = name;
    this.rng = rng;
    this.updates = [];
    this.docs = [];
    this.snapshots = []; // indices of updates that are whole document states
  }

  addDoc(clientID, gc = true) {
    const doc = new Y.Doc({ gc });
    doc.clientID = clientID;
    doc.on('update', (u, _origin, _doc, tr) => {
      if (tr.local) this.updates.push(u);
    });
    this.docs.push(doc);
    return doc;
  }

  // Send everything each document lacks to another one (like a sync round).
  sync(a, b) {
    const u = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
    Y.applyUpdate(b, u, 'remote');
  }

  snapshot(doc, sv) {
    this.updates.push(sv ? Y.encodeStateAsUpdate(doc, sv) : Y.encodeStateAsUpdate(doc));
    this.snapshots.push(this.updates.length - 1);
  }
}

// ---------- random values for maps and arrays ----------
const STRINGS = ['', 'a', 'tab', 'héllo', 'emoji 😀 here', '👩‍👩‍👧', 'ab😀c', '\u2028', 'x'.repeat(70), '"quoted" \\ back'];
const randomNumber = (rng) => rng.pick([
  0, 1, -1, 63, 64, -64, 2147483647, -2147483647, 2147483648, 2 ** 40, 1700000000001, 1.5, 0.1, -2.75,
  1e21, 3.4028234663852886e38, 5e-324, Number.MAX_SAFE_INTEGER, rng.int(100000), rng.next() * 1000,
]);
const randomValue = (rng, depth = 0) => {
  const k = rng.int(depth > 1 ? 7 : 9);
  switch (k) {
    case 0: return randomNumber(rng);
    case 1: return rng.pick(STRINGS);
    case 2: return rng.chance(0.5);
    case 3: return null;
    case 4: return rng.pick(STRINGS) + rng.int(1000);
    case 5: return rng.chance(0.5) ? new Uint8Array([rng.int(256), rng.int(256)]) : BigInt(rng.int(1000000)) - 5n;
    case 6: return randomNumber(rng);
    case 7: {
      const o = {};
      const n = rng.int(4);
      for (let i = 0; i < n; i++) o[rng.pick(['a', 'b', 'url', '2', '10', 'z', '__x'])] = randomValue(rng, depth + 1);
      return o;
    }
    default: return Array.from({ length: rng.int(4) }, () => randomValue(rng, depth + 1));
  }
};

// Uint8Array inside an Any object/array is fine; top-level Uint8Array in a map is ContentBinary.
const randomMapValue = (rng) => randomValue(rng);

const TEXT_CHUNKS = ['a', 'bc', '😀', 'x😀y', '👍🏽', 'héllo', ' ', 'tab-title', '\ud83d\ude00\ud83d\ude01'];

// One random edit on a document.
const randomEdit = (rng, doc, kinds) => {
  const kind = rng.pick(kinds);
  if (kind === 'map') {
    const m = doc.getMap('m');
    const r = rng.int(10);
    const key = 'k' + rng.int(6);
    if (r < 5) m.set(key, randomMapValue(rng));
    else if (r < 6) m.delete(key);
    else if (r < 8) {
      let nested = m.get('nested' + rng.int(2));
      if (!(nested instanceof Y.Map)) {
        nested = new Y.Map();
        m.set('nested' + rng.int(2), nested);
      }
      if (rng.chance(0.8)) nested.set(key, randomMapValue(rng));
      else nested.delete(key);
    } else if (r < 9) {
      // Replacing a nested map makes its content garbage: GC structs appear in states.
      const nested = new Y.Map();
      m.set('nested' + rng.int(2), nested);
      nested.set('x', rng.int(100));
    } else {
      m.set(key, new Uint8Array([1, 2, rng.int(256)]));
    }
  } else if (kind === 'array') {
    const a = doc.getArray('a');
    const r = rng.int(10);
    if (r < 5 || a.length === 0) {
      // Arrays take no top-level BigInt (Yjs throws), only nested ones.
      const values = Array.from({ length: rng.range(1, 4) }, () => randomValue(rng, 1)).map((v) => (typeof v === 'bigint' ? [v] : v));
      a.insert(rng.int(a.length + 1), values);
    } else if (r < 8) {
      const i = rng.int(a.length);
      a.delete(i, Math.min(a.length - i, rng.range(1, 3)));
    } else if (r < 9) {
      a.push([new Uint8Array([rng.int(256)])]);
    } else {
      const nm = new Y.Map();
      a.insert(rng.int(a.length + 1), [nm]);
      nm.set('v', rng.int(10));
    }
  } else if (kind === 'text') {
    const t = doc.getText('t');
    const r = rng.int(10);
    if (r < 6 || t.length === 0) t.insert(rng.int(t.length + 1), rng.pick(TEXT_CHUNKS));
    else {
      // Deleting at any UTF-16 position also cuts surrogate pairs.
      const i = rng.int(t.length);
      t.delete(i, Math.min(t.length - i, rng.range(1, 3)));
    }
  } else if (kind === 'rich') {
    const t = doc.getText('rich');
    const r = rng.int(6);
    if (r < 3 || t.length === 0) t.insert(rng.int(t.length + 1), rng.pick(TEXT_CHUNKS), rng.chance(0.5) ? { bold: true } : undefined);
    else if (r < 4) t.insertEmbed(rng.int(t.length + 1), { image: 'x.png', w: rng.int(100) });
    else if (r < 5) t.format(rng.int(t.length), 1, { italic: rng.chance(0.5) ? true : null, size: rng.int(30) });
    else t.delete(rng.int(t.length), 1);
  } else if (kind === 'subdoc') {
    const m = doc.getMap('docs');
    const sub = new Y.Doc({ guid: 'g' + rng.int(1000), meta: rng.chance(0.5) ? { title: 'x', n: rng.int(10) } : undefined, autoLoad: rng.chance(0.5), gc: rng.chance(0.5) });
    m.set('d' + rng.int(3), sub);
  }
};

// ---------- random multi-client scenario ----------
const randomScenario = (seed, kinds, opts = {}) => {
  const rng = new Rng(seed);
  const sc = new Scenario(`random-${kinds.join('+')}-${seed}`, rng);
  const nClients = rng.range(2, 4);
  const clients = rng.shuffle(CLIENT_POOL).slice(0, nClients);
  const gc = opts.gc ?? !rng.chance(0.2);
  for (const c of clients) sc.addDoc(c, gc);
  const rounds = opts.rounds ?? rng.range(3, 9);
  for (let round = 0; round < rounds; round++) {
    for (const doc of sc.docs) {
      if (!rng.chance(0.7)) continue;
      const n = rng.range(1, 3);
      for (let i = 0; i < n; i++) {
        if (rng.chance(0.3)) doc.transact(() => { randomEdit(rng, doc, kinds); randomEdit(rng, doc, kinds); });
        else randomEdit(rng, doc, kinds);
      }
    }
    // Partial syncs keep the documents concurrent.
    for (const a of sc.docs) for (const b of sc.docs) if (a !== b && rng.chance(0.35)) sc.sync(a, b);
    if (rng.chance(0.3)) sc.snapshot(rng.pick(sc.docs));
  }
  for (const doc of sc.docs) sc.snapshot(doc);
  return sc;
};

// ---------- the tab workspace ----------
const tabScenario = (seed, nTabs, churn) => {
  const rng = new Rng(seed);
  const sc = new Scenario(`tabs-${seed}`, rng);
  const devices = [sc.addDoc(rng.pick([3000000000, 1234567])), sc.addDoc(4294967301), sc.addDoc(MAX_SAFE - 3)];
  const urls = ['https://example.com/', 'https://news.ycombinator.com/item?id=', 'https://github.com/yjs/yjs/issues/', 'https://en.wikipedia.org/wiki/Émoji_😀', 'about:blank'];
  let nextTab = 1;
  const openTab = (doc, windowId, index) => {
    const id = String(nextTab++);
    const tab = new Y.Map();
    doc.getMap('tabs').set(id, tab);
    tab.set('url', rng.pick(urls) + rng.int(100000));
    tab.set('title', rng.pick(['Inbox', 'Example Domain', 'yjs — GitHub', 'Émoji 😀 Wikipedia', '']) + ' ' + rng.int(1000));
    tab.set('index', index);
    tab.set('active', rng.chance(0.1));
    tab.set('pinned', rng.chance(0.05));
    tab.set('window_id', windowId);
    return id;
  };
  // Each device opens its windows with many tabs in one transaction (like a first sync).
  devices.forEach((doc, d) => {
    doc.transact(() => {
      for (let w = 0; w < 2; w++) {
        const windowId = `${d}-${w}`;
        const win = new Y.Map();
        doc.getMap('windows').set(windowId, win);
        win.set('focused', w === 0);
        win.set('tracked', true);
        win.set('updated_at', 1700000000000 + rng.int(1e6));
        for (let i = 0; i < Math.ceil(nTabs / 6); i++) openTab(doc, windowId, i);
      }
    });
  });
  for (const a of devices) for (const b of devices) if (a !== b) sc.sync(a, b);
  sc.snapshot(devices[0]);
  for (let step = 0; step < churn; step++) {
    const doc = rng.pick(devices);
    const tabs = doc.getMap('tabs');
    const ids = Array.from(tabs.keys());
    const r = rng.int(10);
    if (r < 4 && ids.length > 0) {
      const tab = tabs.get(rng.pick(ids));
      doc.transact(() => {
        tab.set('title', rng.pick(['Loading…', 'Done', 'New title 😀', 'x']) + rng.int(100));
        if (rng.chance(0.5)) tab.set('url', rng.pick(urls) + rng.int(100000));
      });
    } else if (r < 6 && ids.length > 0) {
      const tab = tabs.get(rng.pick(ids));
      doc.transact(() => {
        tab.set('active', true);
        tab.set('index', rng.int(60));
      });
    } else if (r < 8 && ids.length > 10) {
      tabs.delete(rng.pick(ids));
    } else if (r < 9) {
      doc.transact(() => openTab(doc, `${devices.indexOf(doc)}-${rng.int(2)}`, rng.int(60)));
    } else {
      const wins = doc.getMap('windows');
      const wid = rng.pick(Array.from(wins.keys()));
      const win = wins.get(wid);
      if (win) win.set('updated_at', 1700000000000 + rng.int(1e9));
    }
    if (rng.chance(0.15)) {
      const a = rng.pick(devices);
      const b = rng.pick(devices);
      if (a !== b) sc.sync(a, b);
    }
    if (rng.chance(0.004)) sc.snapshot(rng.pick(devices));
  }
  for (const doc of devices) sc.snapshot(doc);
  return sc;
};

// ---------- what yjs answers ----------
const structsOf = (u) => Y.decodeUpdate(u).structs;

// A GC and an Item of different inputs starting at the same ID (see header).
const hasGcItemTie = (inputs) => {
  const seen = new Map();
  for (let i = 0; i < inputs.length; i++) {
    for (const s of structsOf(inputs[i])) {
      const kind = s.constructor.name;
      if (kind === 'Skip') continue;
      const key = `${s.id.client}:${s.id.clock}`;
      const prev = seen.get(key);
      if (prev === undefined) seen.set(key, kind);
      else if (prev !== kind) return true;
    }
  }
  return false;
};

const stateVectorOfUpdate = (u) => {
  const m = new Map();
  for (const s of structsOf(u)) {
    const end = s.id.clock + s.length;
    if ((m.get(s.id.client) ?? 0) < end) m.set(s.id.client, end);
  }
  return m;
};

// A made-up state vector (clients descending, like Yjs), clocks possibly inside structs.
const encodeSv = (m) => {
  const entries = Array.from(m.entries()).sort((a, b) => b[0] - a[0]);
  const bytes = [];
  const varuint = (n) => {
    while (n > 127) { bytes.push((n % 128) | 128); n = Math.floor(n / 128); }
    bytes.push(n);
  };
  varuint(entries.length);
  for (const [c, k] of entries) { varuint(c); varuint(k); }
  return new Uint8Array(bytes);
};

const finish = (sc, extra = {}) => {
  const rng = sc.rng;
  const updates = sc.updates;
  const out = { name: sc.name, updates: [], merges: [], diffs: [], stateVectors: [], v2: [] };
  const all = [...updates];
  const add = (u) => {
    all.push(u);
    return all.length - 1;
  };
  const merge = (inputs) => {
    const result = Y.mergeUpdates(inputs.map((i) => all[i]));
    out.merges.push({ inputs, ...expected(result), gcItemTie: hasGcItemTie(inputs.map((i) => all[i])) });
    return result;
  };
  const n = updates.length;
  for (const inputs of sc.extraMerges ?? []) merge(inputs);
  const idx = Array.from({ length: n }, (_, i) => i);
  const txOnly = idx.filter((i) => !sc.snapshots.includes(i));
  // Whole sets, in order, reversed, shuffled.
  const fullMerge = merge(txOnly);
  const fullIndex = add(fullMerge);
  merge([...txOnly].reverse());
  merge(rng.shuffle(txOnly));
  // Subsets leave gaps (Skips).
  for (let k = 0; k < 4; k++) {
    const s = rng.subset(txOnly, rng.chance(0.5) ? 0.3 : 0.7);
    if (s.length >= 2) add(merge(rng.chance(0.5) ? s : rng.shuffle(s)));
  }
  // Pairs and small groups.
  for (let k = 0; k < 6 && n >= 2; k++) {
    const a = rng.int(n);
    const b = rng.int(n);
    if (a !== b) merge([a, b]);
  }
  // Document states overlap each other and the transaction updates.
  if (sc.snapshots.length >= 2) {
    merge(sc.snapshots);
    merge([...sc.snapshots].reverse());
    merge([...sc.snapshots, ...rng.subset(txOnly, 0.3)]);
    merge(rng.shuffle([...rng.subset(txOnly, 0.5), ...sc.snapshots]));
  }
  // Merging merges (a merge result holds Skips).
  const mergedIdx = Array.from({ length: all.length - n }, (_, i) => n + i);
  if (mergedIdx.length >= 2) merge(rng.shuffle(mergedIdx));
  if (mergedIdx.length >= 1 && n >= 1) merge([mergedIdx[mergedIdx.length - 1], rng.int(n)]);

  // Diffs against real and made-up state vectors, on states, merges and single updates.
  const sources = [fullIndex, ...sc.snapshots.slice(-1), ...mergedIdx.slice(0, 1), rng.int(n)];
  const svs = [new Uint8Array([0])];
  for (const doc of sc.docs) svs.push(Y.encodeStateVector(doc));
  for (const s of sc.snapshots.slice(0, 2)) svs.push(Y.encodeStateVectorFromUpdate(all[s]));
  const full = stateVectorOfUpdate(fullMerge);
  for (let k = 0; k < 3; k++) {
    const m = new Map();
    for (const [c, end] of full) if (rng.chance(0.7)) m.set(c, rng.int(end + 2));
    if (rng.chance(0.3)) m.set(rng.pick(CLIENT_POOL), rng.int(5));
    svs.push(encodeSv(m));
  }
  for (const u of new Set(sources)) {
    for (const sv of svs) {
      out.diffs.push({ update: u, sv: b64(sv), ...expected(Y.diffUpdate(all[u], sv)) });
    }
  }
  for (let i = 0; i < all.length; i++) {
    out.stateVectors.push({ update: i, result: b64(Y.encodeStateVectorFromUpdate(all[i])) });
  }
  const v2Of = (v2) => ({ v2: b64(v2), ...expected(Y.convertUpdateFormatV2ToV1(v2)) });
  for (const i of new Set([fullIndex, ...sc.snapshots.slice(-2), 0, n - 1])) {
    if (i >= 0 && i < all.length) out.v2.push(v2Of(Y.convertUpdateFormatV1ToV2(all[i])));
  }
  for (const v2 of sc.v2Updates ?? []) out.v2.push(v2Of(v2));
  out.updates = all.map(b64);
  Object.assign(out, extra);
  return out;
};

// ---------- hand-made scenarios from yjs-format.md ----------
const fromUpdates = (name, updates, rng) => {
  const sc = new Scenario(name, rng);
  sc.updates.push(...updates);
  return sc;
};

const specScenarios = () => {
  const out = [];
  const rng = new Rng(99);
  // 3.3 map, 5.4 gap example, 5.1 cut surrogate, GC-vs-Item ties.
  {
    const doc = new Y.Doc();
    doc.clientID = 5;
    const ups = [];
    doc.on('update', (u) => ups.push(u));
    doc.getMap('tabs').set('a', 1);
    doc.getMap('tabs').set('a', 2);
    ups.push(Y.encodeStateAsUpdate(doc));
    out.push(finish(fromUpdates('spec-map-overwrite', ups, rng)));
  }
  {
    const doc = new Y.Doc();
    doc.clientID = 3;
    const ups = [];
    doc.on('update', (u) => ups.push(u));
    doc.getMap('m').set('x', 1);
    doc.getMap('m').set('y', 2);
    doc.getMap('m').set('z', 3);
    out.push(finish(fromUpdates('spec-gap', ups, rng)));
  }
  {
    const doc = new Y.Doc();
    doc.clientID = 7;
    const ups = [];
    doc.on('update', (u) => ups.push(u));
    doc.getText('t').insert(0, 'ab😀c');
    doc.getText('t').insert(3, 'x');
    ups.push(Y.encodeStateAsUpdate(doc));
    out.push(finish(fromUpdates('spec-text-surrogate', ups, rng)));
  }
  {
    // A nested map whose content is garbage-collected in one peer and alive in another.
    const a = new Y.Doc();
    a.clientID = 11;
    const b = new Y.Doc();
    b.clientID = 12;
    const ups = [];
    a.getMap('m').set('n', new Y.Map());
    a.getMap('m').get('n').set('k', 'v');
    const alive = Y.encodeStateAsUpdate(a);
    Y.applyUpdate(b, alive);
    b.getMap('m').delete('n');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    const collected = Y.encodeStateAsUpdate(a);
    ups.push(alive, collected, Y.encodeStateAsUpdate(b));
    // The same clock as an Item in one input and a GC in another, at the head of both.
    const itemTail = Y.diffUpdate(alive, new Uint8Array([1, 11, 1]));
    const gcTail = Y.diffUpdate(collected, new Uint8Array([1, 11, 1]));
    const itemTail2 = Y.mergeUpdates([itemTail, new Uint8Array([0, 0])]);
    ups.push(itemTail, gcTail, itemTail2);
    const sc = fromUpdates('spec-gc-vs-item', ups, rng);
    sc.extraMerges = [[4, 3], [3, 4], [3, 4, 5], [4, 3, 5], [0, 1], [1, 0], [1, 0, 2], [2, 0, 1]];
    out.push(finish(sc));
  }
  return out;
};

// ---------- ywasm (yrs) writes numbers and blocks differently ----------
const ywasmScenarios = () => {
  const out = [];
  for (let s = 0; s < 6; s++) {
    const rng = new Rng(5000 + s);
    const clients = [4294967297 + s, 77 + s, 2 ** 50 + s];
    const docs = clients.map((c) => new YW.YDoc({ clientID: c }));
    const ups = [];
    for (let round = 0; round < 8; round++) {
      for (const doc of docs) {
        const m = doc.getMap('tabs');
        const r = rng.int(6);
        if (r < 3) m.set('k' + rng.int(5), rng.pick([1, 1700000000001, 2.5, 'x😀', true, null, { a: [1, 'two', null] }, 2 ** 31, -7]), undefined);
        else if (r < 4) m.delete('k' + rng.int(5), undefined);
        else if (r < 5) doc.getText('t').insert(0, rng.pick(['ab😀c', 'z', 'héllo']), undefined, undefined);
        else doc.getArray('a').insert(0, [rng.int(100), 'v', 1e21], undefined);
      }
      const a = rng.pick(docs);
      const b = rng.pick(docs);
      if (a !== b) YW.applyUpdate(b, YW.encodeStateAsUpdate(a, YW.encodeStateVector(b)), undefined);
      ups.push(YW.encodeStateAsUpdate(rng.pick(docs)));
    }
    for (const doc of docs) ups.push(YW.encodeStateAsUpdate(doc));
    const sc = fromUpdates(`ywasm-${s}`, ups, rng);
    sc.v2Updates = docs.map((doc) => YW.encodeStateAsUpdateV2(doc));
    sc.snapshots = ups.map((_, i) => i);
    out.push(finish(sc));
  }
  return out;
};

// ---------- write the files ----------
const write = (file, scenarios) => {
  const json = JSON.stringify({ generator: 'gen-updates.mjs', yjs: '13.6.33', scenarios });
  writeFileSync(join(outDir, file), json);
};

const KINDS = [['map'], ['array'], ['text'], ['map', 'array', 'text'], ['map', 'rich'], ['map', 'subdoc', 'array']];
const random = [];
for (let i = 0; i < 150; i++) random.push(finish(randomScenario(1000 + i, KINDS[i % KINDS.length])));
write('updates-random.json', random);
const tabs = [];
for (let i = 0; i < 3; i++) tabs.push(finish(tabScenario(7000 + i, 210 + (i * 30), 250 + (i * 100))));
write('updates-tabs.json', tabs);
write('updates-special.json', [...specScenarios(), ...ywasmScenarios()]);
