// Document-level oracle fixtures: what the real yjs does when whole documents receive updates
// (in any order, with duplicates, out of order so that pending structs and deletes happen) and
// what update bytes it emits for local edits. Read by tests/Tanaka.Crdt.Tests/Oracle/DocOracleTests.cs.
//
// Output: fixtures/generated/docs-*.json. Byte strings are base64. Everything derives from fixed
// seeds, so the files are identical on every run.
//
// File shapes:
//   docs-replay-*.json: { scenarios: [ { name, gc, roots: {name: kind}, updates: [b64],
//       deliveries: [ { name, order: [index into updates], checkpoints: [ { after, hasPending,
//       stateVector, state, diffs: [ { sv, update } ], json: { root: value } } ] } ] } ] }
//     `after` counts delivered updates; every checkpoint is taken on one fresh doc that receives
//     updates[order[0..after-1]] in turn.
//   docs-local-*.json: { scripts: [ { name, clientId, gc, roots: {name: kind}, steps: [
//       { kind: 'tx', ops: [op], update: b64|null }           // update = the doc's 'update' event
//       { kind: 'remote', update: b64, emitted: b64|null } ], // emitted = its 'update' event
//       final: { stateVector, state, json } } ] }
//     op = { op, path: [root, key|index, ...], key?, index?, length?, value?, values?, text? } with
//     op in set, setMap, setArray, setText, delete, insert, push, insertMap, remove, textInsert,
//     textDelete. Values are JSON, except { "$t": "bytes", "v": b64 } for a byte array.
// JSON of roots: JSON.stringify with undefined -> null, bigint -> number, bytes -> base64, and a
// string holding a lone surrogate as { "$utf16": [code units] }.
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng } from './lib/rng.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, 'fixtures', 'generated');
mkdirSync(outDir, { recursive: true });

const b64 = (u) => Buffer.from(u).toString('base64');
const jsonOf = (v) => JSON.parse(JSON.stringify(v, (_k, x) => {
  if (x === undefined) return null;
  if (typeof x === 'bigint') return Number(x);
  if (x instanceof Uint8Array) return b64(x);
  // System.Text.Json cannot read lone surrogates: such strings are given as UTF-16 code units
  if (typeof x === 'string' && !x.isWellFormed()) return { $utf16: [...Array(x.length).keys()].map((i) => x.charCodeAt(i)) };
  return x;
}) ?? 'null');
const hasPending = (doc) => doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
const rootOf = (doc, name, kind) => (kind === 'map' ? doc.getMap(name) : kind === 'array' ? doc.getArray(name) : doc.getText(name));
const rootsJson = (doc, roots) => {
  const r = {};
  for (const [name, kind] of Object.entries(roots)) r[name] = jsonOf(rootOf(doc, name, kind).toJSON());
  return r;
};

// ---------- random values ----------
const strings = ['', 'a', 'hello', 'Grüße', 'tab title', '日本語', '😀', 'a😀b', '👩‍👩‍👧', 'x'.repeat(40), 'line\nbreak', '"quoted"'];
const textPieces = ['a', 'b', 'xyz', 'hello ', '😀', 'é', '👍🏽', 'ab😀c', ' ', 'ü', '\u{1F600}\u{1F601}', 'new'];
const randomValue = (rng, depth = 0) => {
  const r = rng.int(depth > 1 ? 7 : 10);
  switch (r) {
    case 0: return rng.int(100);
    case 1: return rng.pick([0, -1, 1.5, 0.1, -2.25, 2147483647, 2147483648, -2147483648, 1700000000001, 2 ** 53 - 1, 1e21, 3.4028234663852886e38]);
    case 2: return rng.pick(strings);
    case 3: return rng.chance(0.5);
    case 4: return null;
    case 5: return rng.int(1000000) / 1000;
    case 6: return `s${rng.int(1000)}`;
    case 7: {
      const o = {};
      const n = rng.int(4);
      for (let i = 0; i < n; i++) o[rng.pick(['k', 'url', 'n', 'z', 'title', 'a'])] = randomValue(rng, depth + 1);
      return o;
    }
    case 8: {
      const n = rng.int(4);
      const a = [];
      for (let i = 0; i < n; i++) a.push(randomValue(rng, depth + 1));
      return a;
    }
    default: return { nested: { deep: [1, 'two', { three: 3 }] }, 2: 'index key', 0: 'zero' };
  }
};

// ---------- walking documents ----------
// Every live shared type reachable from the roots, with its path.
const liveTypes = (doc, roots) => {
  const out = [];
  const visit = (type, path) => {
    out.push({ type, path });
    if (type instanceof Y.Map) {
      for (const [k, v] of type.entries()) if (v instanceof Y.AbstractType) visit(v, [...path, k]);
    } else if (type instanceof Y.Array) {
      type.toArray().forEach((v, i) => { if (v instanceof Y.AbstractType) visit(v, [...path, i]); });
    }
  };
  for (const [name, kind] of Object.entries(roots)) visit(rootOf(doc, name, kind), [name]);
  return out;
};
const resolve = (doc, roots, path) => {
  let t = rootOf(doc, path[0], roots[path[0]]);
  for (const seg of path.slice(1)) t = t.get(seg);
  return t;
};
const encodeValue = (v) => {
  if (v instanceof Uint8Array) return { $t: 'bytes', v: b64(v) };
  if (Array.isArray(v)) return v.map(encodeValue);
  if (v !== null && typeof v === 'object') {
    const o = {};
    for (const [k, x] of Object.entries(v)) o[k] = encodeValue(x);
    return o;
  }
  return v;
};

// One random edit of a random live type; returns the op description (paths are resolvable at the time it runs).
const randomOp = (rng, doc, roots, allowBytes) => {
  const types = liveTypes(doc, roots);
  const { type, path } = rng.pick(types);
  const keyPool = ['a', 'b', 'c', 'title', 'url', '1', 'k😀'];
  if (type instanceof Y.Map) {
    const r = rng.int(100);
    const key = rng.pick(keyPool);
    if (r < 50) {
      let value = randomValue(rng);
      if (allowBytes && rng.chance(0.05)) value = new Uint8Array([rng.int(256), 1, 2]);
      return { op: 'set', path, key, value };
    }
    if (r < 62 && path.length < 5) return { op: 'setMap', path, key };
    if (r < 68 && path.length < 5) return { op: 'setArray', path, key };
    if (r < 73 && path.length < 5) return { op: 'setText', path, key };
    return { op: 'delete', path, key };
  }
  if (type instanceof Y.Array) {
    const len = type.length;
    const r = rng.int(100);
    if (r < 40 || len === 0) {
      const n = rng.range(1, 3);
      const values = [];
      for (let i = 0; i < n; i++) values.push(allowBytes && rng.chance(0.05) ? new Uint8Array([7, rng.int(256)]) : randomValue(rng));
      return { op: rng.chance(0.3) ? 'push' : 'insert', path, index: rng.int(len + 1), values };
    }
    if (r < 50 && path.length < 5) return { op: 'insertMap', path, index: rng.int(len + 1) };
    const index = rng.int(len);
    return { op: 'remove', path, index, length: rng.range(1, Math.min(3, len - index)) };
  }
  // text
  const len = type.length;
  if (len === 0 || rng.chance(0.6)) {
    let text = rng.pick(textPieces);
    if (rng.chance(0.2)) text += rng.pick(textPieces);
    return { op: 'textInsert', path, index: rng.int(len + 1), text };
  }
  const index = rng.int(len);
  return { op: 'textDelete', path, index, length: rng.range(1, Math.min(4, len - index)) };
};

const runOp = (doc, roots, o) => {
  const t = resolve(doc, roots, o.path);
  switch (o.op) {
    case 'set': t.set(o.key, o.value); break;
    case 'setMap': t.set(o.key, new Y.Map()); break;
    case 'setArray': t.set(o.key, new Y.Array()); break;
    case 'setText': t.set(o.key, new Y.Text()); break;
    case 'delete': t.delete(o.key); break;
    case 'insert': t.insert(o.index, o.values); break;
    case 'push': t.push(o.values); break;
    case 'insertMap': t.insert(o.index, [new Y.Map()]); break;
    case 'remove': t.delete(o.index, o.length); break;
    case 'textInsert': t.insert(o.index, o.text); break;
    case 'textDelete': t.delete(o.index, o.length); break;
    default: throw new Error(o.op);
  }
};

const clientIdPool = (rng, n) => {
  const ids = new Set();
  while (ids.size < n) {
    const r = rng.int(10);
    if (r === 0) ids.add(rng.range(1, 9));
    else if (r === 1) ids.add(2 ** 32 + rng.int(1000000)); // beyond 32 bits, still a safe integer
    else if (r === 2) ids.add(2 ** 53 - 1 - rng.int(10));
    else ids.add(rng.int(2 ** 32));
  }
  return [...ids];
};

// ---------- replay scenarios ----------
const checkpoint = (rng, doc, roots, after, svPool) => {
  const sv = Y.encodeStateVector(doc);
  const diffs = [];
  const svs = [];
  if (svPool.length > 0 && rng.chance(0.4)) {
    svs.push(rng.pick(svPool));
  } else {
    // a synthetic state vector: random clocks (often inside structs), plus an unknown client
    const synth = new Map();
    for (const [c, clock] of Y.decodeStateVector(sv)) if (rng.chance(0.8)) synth.set(c, rng.int(clock + 2));
    if (rng.chance(0.3)) synth.set(123456789, 3);
    svs.push(Y.encodeStateVector(synth));
  }
  for (const s of svs) diffs.push({ sv: b64(s), update: b64(Y.encodeStateAsUpdate(doc, s)) });
  return { after, hasPending: hasPending(doc), stateVector: b64(sv), state: b64(Y.encodeStateAsUpdate(doc)), diffs, json: rootsJson(doc, roots) };
};

const replay = (rng, name, roots, updates, orders, svPool, gc) => {
  const deliveries = [];
  for (const [oname, order] of orders) {
    const doc = new Y.Doc({ gc });
    doc.clientID = 999; // never used for edits
    const stops = new Set([order.length]);
    if (order.length > 3) stops.add(Math.floor(order.length / 2));
    if (order.length > 8 && rng.chance(0.5)) stops.add(rng.range(1, order.length - 1));
    const checkpoints = [];
    try {
      order.forEach((ix, i) => {
        Y.applyUpdate(doc, updates[ix]);
        if (stops.has(i + 1)) checkpoints.push(checkpoint(rng, doc, roots, i + 1, svPool));
      });
    } catch {
      // yjs itself fails on this order of a hand-made update: nothing to compare against
      continue;
    }
    deliveries.push({ name: oname, order, checkpoints });
  }
  return { name, gc, roots, updates: updates.map(b64), deliveries };
};

const deliveryOrders = (rng, n) => {
  const natural = [...Array(n).keys()];
  const orders = [['natural', natural], ['shuffled', rng.shuffle(natural)]];
  const dup = rng.shuffle(natural);
  for (let i = 0; i < Math.max(1, n / 5); i++) dup.splice(rng.int(dup.length + 1), 0, rng.int(n));
  orders.push(['duplicates', dup]);
  if (rng.chance(0.3)) orders.push(['reversed', natural.slice().reverse()]);
  return orders;
};

const randomScenario = (seed) => {
  const rng = new Rng(seed);
  const roots = { m: 'map', a: 'array', t: 'text' };
  if (rng.chance(0.3)) roots.m2 = 'map';
  const ids = clientIdPool(rng, rng.range(2, 5));
  const docs = ids.map((id) => {
    const d = new Y.Doc();
    d.clientID = id;
    return d;
  });
  const updates = [];
  for (const d of docs) d.on('update', (u, _o, _d, tr) => { if (tr.local) updates.push(u); });
  const svPool = [];
  const steps = rng.range(8, 45);
  for (let s = 0; s < steps; s++) {
    const r = rng.int(100);
    if (r < 15) {
      const a = rng.pick(docs);
      const b = rng.pick(docs);
      if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    } else if (r < 20) {
      // a snapshot that overlaps what others already sent
      const a = rng.pick(docs);
      updates.push(Y.encodeStateAsUpdate(a, rng.chance(0.5) && svPool.length ? rng.pick(svPool) : undefined));
    } else {
      const d = rng.pick(docs);
      const n = rng.chance(0.25) ? rng.range(2, 4) : 1;
      d.transact(() => {
        for (let i = 0; i < n; i++) runOp(d, roots, randomOp(rng, d, roots, true));
      });
    }
    if (rng.chance(0.2)) svPool.push(Y.encodeStateVector(rng.pick(docs)));
  }
  if (updates.length === 0) docs[0].getMap('m').set('only', 1);
  const gc = !rng.chance(0.1);
  return replay(rng, `random-${seed}`, roots, updates, deliveryOrders(rng, updates.length), svPool, gc);
};

// ---------- a tab workspace ----------
const tabsScenario = (seed, devices, tabsPerDevice, churn) => {
  const rng = new Rng(seed);
  const roots = { tabs: 'map', windows: 'map' };
  const ids = clientIdPool(rng, devices);
  const docs = ids.map((id) => {
    const d = new Y.Doc();
    d.clientID = id;
    return d;
  });
  const updates = [];
  for (const d of docs) d.on('update', (u, _o, _d, tr) => { if (tr.local) updates.push(u); });
  const svPool = [];
  let counter = 0;
  const openTab = (d, di, windowId) => {
    const id = `tab-${di}-${counter++}`;
    d.transact(() => {
      const t = new Y.Map();
      d.getMap('tabs').set(id, t);
      t.set('url', `https://example.com/${rng.int(100000)}`);
      t.set('title', rng.pick(['New Tab', 'Example', 'Docs — Yjs', 'Inbox (3)', '😀 party']));
      t.set('index', rng.int(50));
      t.set('active', false);
      t.set('pinned', rng.chance(0.1));
      t.set('window_id', windowId);
    });
  };
  const windowsOf = (d) => [...d.getMap('windows').keys()];
  docs.forEach((d, di) => {
    d.transact(() => {
      const w = new Y.Map();
      d.getMap('windows').set(`win-${di}`, w);
      w.set('focused', true);
      w.set('state', 'normal');
      w.set('device', di);
    });
    for (let i = 0; i < tabsPerDevice; i++) openTab(d, di, `win-${di}`);
  });
  // everyone converges before the churn, like devices that were online
  for (const a of docs) for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  for (let s = 0; s < churn; s++) {
    const di = rng.int(docs.length);
    const d = docs[di];
    const tabs = d.getMap('tabs');
    const keys = [...tabs.keys()];
    const r = rng.int(100);
    if (r < 8) {
      const a = rng.pick(docs);
      const b = rng.pick(docs);
      if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    } else if (r < 18 || keys.length < 5) {
      // most tabs open in a device's main window, some in extra windows
      openTab(d, di, rng.chance(0.8) ? `win-${rng.int(docs.length)}` : rng.pick(windowsOf(d)));
    } else if (r < 24) {
      tabs.delete(rng.pick(keys));
    } else if (r < 45) {
      const t = tabs.get(rng.pick(keys));
      d.transact(() => {
        t.set('url', `https://example.org/${rng.int(100000)}`);
        t.set('title', `Page ${rng.int(1000)}`);
      });
    } else if (r < 60) {
      // activate one tab, deactivate another
      d.transact(() => {
        tabs.get(rng.pick(keys)).set('active', true);
        tabs.get(rng.pick(keys)).set('active', false);
      });
    } else if (r < 75) {
      // reorder a few tabs
      d.transact(() => {
        for (let i = 0; i < rng.range(1, 5); i++) tabs.get(rng.pick(keys)).set('index', rng.int(60));
      });
    } else if (r < 82) {
      tabs.get(rng.pick(keys)).set('pinned', rng.chance(0.5));
    } else if (r < 88) {
      const wid = `win-${di}-${counter++}`;
      d.transact(() => {
        const w = new Y.Map();
        d.getMap('windows').set(wid, w);
        w.set('focused', false);
        w.set('state', rng.pick(['normal', 'maximized', 'minimized']));
      });
    } else if (r < 90) {
      // closing an extra window closes its tabs (main windows stay)
      const wins = windowsOf(d).filter((w) => w.split('-').length > 2);
      if (wins.length > 0) {
        const wid = rng.pick(wins);
        d.transact(() => {
          d.getMap('windows').delete(wid);
          for (const k of keys) if (tabs.get(k).get('window_id') === wid) tabs.delete(k);
        });
      }
    } else {
      const wins = windowsOf(d);
      if (wins.length) d.getMap('windows').get(rng.pick(wins)).set('focused', rng.chance(0.5));
    }
    if (rng.chance(0.05)) svPool.push(Y.encodeStateVector(rng.pick(docs)));
  }
  const natural = [...Array(updates.length).keys()];
  const orders = [['natural', natural], ['shuffled', rng.shuffle(natural)]];
  return replay(rng, `tabs-${seed}`, roots, updates, orders, svPool, true);
};

// ---------- hand-made updates: contents and situations yjs's API never produces ----------
const craft = (blocks, ds = []) => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, blocks.length);
  for (const b of blocks) {
    encoding.writeVarUint(e, b.structs.length);
    encoding.writeVarUint(e, b.client);
    encoding.writeVarUint(e, b.clock);
    for (const st of b.structs) st(e);
  }
  encoding.writeVarUint(e, ds.length);
  for (const [client, ranges] of ds) {
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, ranges.length);
    for (const [clock, len] of ranges) {
      encoding.writeVarUint(e, clock);
      encoding.writeVarUint(e, len);
    }
  }
  return encoding.toUint8Array(e);
};
const writeId = (e, [client, clock]) => {
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, clock);
};
const item = ({ origin, right, parent, sub, content }) => (e) => {
  encoding.writeUint8(e, content.ref | (origin ? 0x80 : 0) | (right ? 0x40 : 0) | (sub !== undefined ? 0x20 : 0));
  if (origin) writeId(e, origin);
  if (right) writeId(e, right);
  if (!origin && !right) {
    if (typeof parent === 'string') {
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, parent);
    } else {
      encoding.writeVarUint(e, 0);
      writeId(e, parent);
    }
    if (sub !== undefined) encoding.writeVarString(e, sub);
  }
  content.write(e);
};
const gcStruct = (len) => (e) => { encoding.writeUint8(e, 0); encoding.writeVarUint(e, len); };
const skipStruct = (len) => (e) => { encoding.writeUint8(e, 10); encoding.writeVarUint(e, len); };
const any = (...vals) => ({ ref: 8, write: (e) => { encoding.writeVarUint(e, vals.length); vals.forEach((v) => encoding.writeAny(e, v)); } });
const str = (t) => ({ ref: 4, write: (e) => encoding.writeVarString(e, t) });
const json = (...texts) => ({ ref: 2, write: (e) => { encoding.writeVarUint(e, texts.length); texts.forEach((t) => encoding.writeVarString(e, t)); } });
const bin = (bytes) => ({ ref: 3, write: (e) => encoding.writeVarUint8Array(e, new Uint8Array(bytes)) });
const embed = (obj) => ({ ref: 5, write: (e) => encoding.writeVarString(e, JSON.stringify(obj)) });
const typeContent = (ref) => ({ ref: 7, write: (e) => encoding.writeVarUint(e, ref) });
const deleted = (n) => ({ ref: 1, write: (e) => encoding.writeVarUint(e, n) });

const craftedScenarios = () => {
  const out = [];
  const add = (name, roots, updates, seed) => {
    const rng = new Rng(seed);
    out.push(replay(rng, `crafted-${name}`, roots, updates, deliveryOrders(rng, updates.length), [], true));
  };
  add('parent-names-a-string', { t: 'text', m: 'map' }, [
    craft([{ client: 1, clock: 0, structs: [item({ parent: 't', content: str('abc') })] }]),
    craft([{ client: 2, clock: 0, structs: [item({ parent: [1, 1], sub: 'k', content: any(5) }), item({ origin: [2, 0], content: any(6) })] }]),
    craft([{ client: 3, clock: 0, structs: [item({ parent: 'm', sub: 'ok', content: any(true) })] }]),
  ], 1);
  add('map-entry-contents', { m: 'map' }, [
    craft([{ client: 1, clock: 0, structs: [item({ parent: 'm', sub: 'k', content: any(1, 2, 3) })] }]),
    craft([{ client: 1, clock: 3, structs: [item({ origin: [1, 2], sub: 'k', content: any('x') })] }]),
    craft([], [[1, [[1, 1]]]]),
    craft([{ client: 2, clock: 0, structs: [
      item({ parent: 'm', sub: 's', content: str('hey') }),
      item({ parent: 'm', sub: 'j', content: json('{"a":[1,2]}', '"last"') }),
      item({ parent: 'm', sub: 'e', content: embed({ x: 1 }) }),
      item({ parent: 'm', sub: 'b', content: bin([1, 2, 3]) }),
      item({ parent: 'm', sub: 'u', content: json('undefined') }),
      item({ parent: 'm', sub: 'n', content: typeContent(1) }),
    ] }]),
    craft([{ client: 2, clock: 6, structs: [item({ parent: [2, 5], sub: 'inner', content: any({ deep: [1, { z: null }] }) })] }]),
  ], 2);
  add('array-contents', { a: 'array' }, [
    craft([{ client: 4, clock: 0, structs: [
      item({ parent: 'a', content: json('{"a":1}', 'undefined', '[1,2]') }),
      item({ origin: [4, 2], content: bin([9, 8]) }),
      item({ origin: [4, 3], content: embed({ x: 1 }) }),
      item({ origin: [4, 4], content: str('hé😀!') }),
      item({ origin: [4, 8], content: any(1, null, 'z', 2.5, -0) }),
    ] }]),
    craft([], [[4, [[1, 1], [6, 1], [10, 2]]]]),
  ], 3);
  add('origin-in-another-root', { a: 'array', t: 'text' }, [
    craft([{ client: 1, clock: 0, structs: [item({ parent: 'a', content: any(1, 2) }), item({ parent: 't', content: str('xy') })] }]),
    craft([{ client: 2, clock: 0, structs: [item({ origin: [1, 0], right: [1, 3], content: any(9) })] }]),
    craft([{ client: 3, clock: 0, structs: [item({ right: [1, 1], content: any(7) })] }]),
  ], 4);
  add('gc-and-skip', { a: 'array' }, [
    craft([{ client: 5, clock: 0, structs: [item({ parent: 'a', content: any(1) }), skipStruct(2), item({ origin: [5, 0], content: any(4) })] }]),
    craft([{ client: 5, clock: 1, structs: [item({ origin: [5, 0], content: any(2, 3) })] }]),
    craft([{ client: 6, clock: 0, structs: [gcStruct(2), item({ origin: [6, 1], content: any('lost') }), item({ origin: [5, 3], content: any('kept') })] }]),
    craft([{ client: 5, clock: 0, structs: [item({ parent: 'a', content: any(1, 2, 3, 4, 5, 6) })] }]),
  ], 5);
  add('delete-ranges', { a: 'array' }, [
    craft([{ client: 1, clock: 0, structs: [item({ parent: 'a', content: any(1, 2, 3, 4) })] }]),
    craft([], [[1, [[1, 0], [2, 1], [2, 2], [10, 5]]], [7, [[0, 3]]]]),
    craft([{ client: 7, clock: 0, structs: [item({ parent: 'a', content: any('a', 'b') }), item({ origin: [7, 1], content: deleted(2) })] }]),
    craft([], [[7, [[3, 1], [1, 1]]], [1, [[0, 1]]]]),
  ], 6);
  add('nested-parent-gone', { m: 'map' }, [
    craft([{ client: 1, clock: 0, structs: [item({ parent: 'm', sub: 'n', content: typeContent(1) }), item({ parent: [1, 0], sub: 'a', content: any(1) })] }]),
    craft([], [[1, [[0, 1]]]]),
    craft([{ client: 2, clock: 0, structs: [item({ parent: [1, 0], sub: 'b', content: any(2) }), item({ parent: 'm', sub: 'c', content: any(3) })] }]),
    craft([{ client: 3, clock: 0, structs: [item({ origin: [1, 1], sub: 'a', content: any(4) })] }]),
  ], 7);
  return out;
};

// ---------- local-edit scripts ----------
const localScript = (seed, tabs) => {
  const rng = new Rng(seed);
  const roots = tabs ? { tabs: 'map', windows: 'map' } : { m: 'map', a: 'array', t: 'text' };
  const [localId, ...otherIds] = clientIdPool(rng, rng.range(2, 3));
  const gc = !rng.chance(0.1);
  const local = new Y.Doc({ gc });
  local.clientID = localId;
  const others = otherIds.map((id) => {
    const d = new Y.Doc();
    d.clientID = id;
    return d;
  });
  let last = null;
  local.on('update', (u) => { last = u; });
  const steps = [];
  const n = tabs ? 60 : rng.range(5, 30);
  let counter = 0;
  for (let s = 0; s < n; s++) {
    const r = rng.int(100);
    if (r < 20 && others.length) {
      // another device edits and its changes arrive (sometimes the other device saw ours first)
      const o = rng.pick(others);
      if (rng.chance(0.5)) Y.applyUpdate(o, Y.encodeStateAsUpdate(local, Y.encodeStateVector(o)));
      const k = rng.range(1, 3);
      o.transact(() => {
        for (let i = 0; i < k; i++) runOp(o, roots, tabs ? tabOp(rng, o, counter++) : randomOp(rng, o, roots, false));
      });
      const u = Y.encodeStateAsUpdate(o, Y.encodeStateVector(local));
      last = null;
      Y.applyUpdate(local, u);
      steps.push({ kind: 'remote', update: b64(u), emitted: last === null ? null : b64(last) });
    } else {
      const k = rng.chance(0.3) ? rng.range(2, 5) : 1;
      const ops = [];
      last = null;
      local.transact(() => {
        for (let i = 0; i < k; i++) {
          const o = tabs ? tabOp(rng, local, counter++) : randomOp(rng, local, roots, true);
          ops.push({ ...o, value: o.value === undefined ? undefined : encodeValue(o.value), values: o.values?.map(encodeValue) });
          runOp(local, roots, o);
        }
      });
      steps.push({ kind: 'tx', ops, update: last === null ? null : b64(last) });
    }
  }
  const final = { stateVector: b64(Y.encodeStateVector(local)), state: b64(Y.encodeStateAsUpdate(local)), json: rootsJson(local, roots) };
  return { name: `${tabs ? 'tabs' : 'local'}-${seed}`, clientId: localId, gc, roots, steps, final };
};

// An op a tab-syncing extension would make, expressed with the generic ops.
const tabOp = (rng, doc, counter) => {
  const tabs = doc.getMap('tabs');
  const keys = [...tabs.keys()];
  const r = rng.int(100);
  if (r < 30 || keys.length === 0) return { op: 'setMap', path: ['tabs'], key: `tab-${doc.clientID}-${counter}` };
  const key = rng.pick(keys);
  if (!(tabs.get(key) instanceof Y.Map)) return { op: 'delete', path: ['tabs'], key };
  if (r < 40) return { op: 'delete', path: ['tabs'], key };
  if (r < 45) return { op: 'setMap', path: ['windows'], key: `win-${rng.int(4)}` };
  const field = rng.pick(['url', 'title', 'index', 'active', 'pinned', 'window_id']);
  const value = field === 'url' ? `https://x.test/${rng.int(1000)}` : field === 'title' ? rng.pick(strings) : field === 'index' || field === 'window_id' ? rng.int(40) : rng.chance(0.5);
  return { op: 'set', path: ['tabs', key], key: field, value };
};

// ---------- write ----------
const write = (file, body) => writeFileSync(join(outDir, file), JSON.stringify({ generator: 'gen-docs.mjs', yjs: '13.6.33', ...body }));

const replayScenarios = [];
for (let seed = 1; seed <= 300; seed++) replayScenarios.push(randomScenario(seed));
const half = replayScenarios.length / 2;
write('docs-replay-crafted.json', { scenarios: craftedScenarios() });
write('docs-replay-random-1.json', { scenarios: replayScenarios.slice(0, half) });
write('docs-replay-random-2.json', { scenarios: replayScenarios.slice(half) });
write('docs-replay-tabs.json', {
  scenarios: [tabsScenario(7001, 3, 75, 350), tabsScenario(7002, 4, 60, 400), tabsScenario(7003, 2, 110, 250)],
});
const scripts = [];
for (let seed = 1; seed <= 200; seed++) scripts.push(localScript(10000 + seed, false));
for (let seed = 1; seed <= 6; seed++) scripts.push(localScript(20000 + seed, true));
write('docs-local.json', { scripts });
