// Times yjs (and ywasm where it has the operation) on bench/data/workspace.json, the same bytes
// the C# benchmarks in bench/Tanaka.Benchmarks/Crdt read, and prints the results (ns per
// operation). With --dotnet <dir> it also reads BenchmarkDotNet JSON reports from <dir> (default
// BenchmarkDotNet.Artifacts/results) and prints Tanaka.Crdt / yjs ratios per operation.
//
//   node bench/node/yjs-bench.mjs [--time-ms 2000] [--only Name,Name] [--dotnet [dir]] [--out file.json]
//
// Operation names are the C# benchmark method names (Crdt/WorkspaceBenchmarks.cs).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { Y, loadYwasm, yjsVersion } from './yjs.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const next = args[i + 1];
  return next === undefined || next.startsWith('--') ? true : next;
};
const timeMs = Number(flag('--time-ms', 2000));
const only = flag('--only', null);
const dotnet = flag('--dotnet', null);

const dataFile = join(root, 'bench', 'data', 'workspace.json');
if (!existsSync(dataFile)) {
  execFileSync(process.execPath, [join(here, 'make-workspace.mjs')], { stdio: 'inherit' });
}
const data = JSON.parse(readFileSync(dataFile, 'utf8'));
const bytes = (b64) => new Uint8Array(Buffer.from(b64, 'base64'));
const full = bytes(data.full);
const updates = data.updates.map(bytes);
const midSv = bytes(data.midStateVector);

const loaded = new Y.Doc();
Y.applyUpdate(loaded, full);
// The tabs to build locally: the final workspace's, in id order (the C# side reads the same list).
const tabRows = Object.entries(loaded.getMap('tabs').toJSON()).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

const ywasm = loadYwasm();
let wasmLoaded = null;
if (ywasm) {
  wasmLoaded = new ywasm.YDoc({});
  ywasm.applyUpdate(wasmLoaded, full, null);
}

let sink = 0;
const consume = (x) => { sink ^= (x?.length ?? x?.size ?? 1); };

const operations = [
  ['Decode', 'yjs', () => consume(Y.decodeUpdate(full).structs)],
  ['MergeLog', 'yjs', () => consume(Y.mergeUpdates(updates))],
  ['Diff', 'yjs', () => consume(Y.diffUpdate(full, midSv))],
  ['StateVectorFromUpdate', 'yjs', () => consume(Y.encodeStateVectorFromUpdate(full))],
  ['ApplyFull', 'yjs', () => { const d = new Y.Doc(); Y.applyUpdate(d, full); consume(d.store.clients); }],
  ['ApplyLog', 'yjs', () => { const d = new Y.Doc(); for (const u of updates) Y.applyUpdate(d, u); consume(d.store.clients); }],
  ['EncodeState', 'yjs', () => consume(Y.encodeStateAsUpdate(loaded))],
  ['EncodeDiff', 'yjs', () => consume(Y.encodeStateAsUpdate(loaded, midSv))],
  ['EncodeStateVector', 'yjs', () => consume(Y.encodeStateVector(loaded))],
  ['ToJson', 'yjs', () => { consume(Object.keys(loaded.getMap('tabs').toJSON())); consume(Object.keys(loaded.getMap('windows').toJSON())); }],
  ['BuildWorkspace', 'yjs', () => {
    const d = new Y.Doc();
    const tabs = d.getMap('tabs');
    d.transact(() => {
      for (const [id, t] of tabRows) {
        const m = new Y.Map();
        tabs.set(id, m);
        m.set('window_id', t.window_id);
        m.set('url', t.url);
        m.set('title', t.title);
        m.set('index', t.index);
        m.set('active', t.active);
        m.set('pinned', t.pinned);
        m.set('updated_at', t.updated_at);
      }
    });
    consume(tabs.size);
  }],
];
if (ywasm) {
  operations.push(
    ['ApplyFull', 'ywasm', () => { const d = new ywasm.YDoc({}); ywasm.applyUpdate(d, full, null); d.free(); }],
    ['ApplyLog', 'ywasm', () => { const d = new ywasm.YDoc({}); for (const u of updates) ywasm.applyUpdate(d, u, null); d.free(); }],
    ['EncodeState', 'ywasm', () => consume(ywasm.encodeStateAsUpdate(wasmLoaded))],
    ['EncodeDiff', 'ywasm', () => consume(ywasm.encodeStateAsUpdate(wasmLoaded, midSv))],
    ['EncodeStateVector', 'ywasm', () => consume(ywasm.encodeStateVector(wasmLoaded))],
  );
}

const now = () => Number(process.hrtime.bigint()) / 1e6; // ms
const measure = (fn) => {
  // Warm up until V8 has optimized the code (at least 30 runs and 1 s, at most 5 s: decoding
  // takes about 100 runs to reach full speed), then size batches to about 20 ms and sample for timeMs.
  let n = 0;
  const warm = now();
  while ((now() - warm < 1000 || n < 30) && now() - warm < 5000) { fn(); n++; }
  const perStart = now();
  let m = 0;
  while (now() - perStart < 100 || m < 3) { fn(); m++; }
  const per = (now() - perStart) / m;
  const batch = Math.max(1, Math.round(20 / per));
  const samples = [];
  const end = now() + timeMs;
  while (now() < end || samples.length < 10) {
    const t = now();
    for (let i = 0; i < batch; i++) fn();
    samples.push(((now() - t) / batch) * 1e6); // ns
  }
  samples.sort((a, b) => a - b);
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  return { mean_ns: mean, median_ns: samples[samples.length >> 1], min_ns: samples[0], samples: samples.length, batch };
};

const results = [];
for (const [name, engine, fn] of operations) {
  if (only && !String(only).split(',').includes(name)) continue;
  if (globalThis.gc) globalThis.gc();
  results.push({ name, engine, ...measure(fn) });
}

const fmt = (ns) => (ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : `${(ns / 1e3).toFixed(1)} us`);
console.log(`yjs ${yjsVersion}${ywasm ? ', ywasm' : ''} on node ${process.version}; input: ${data.tabs} tabs, ${updates.length} updates, full state ${full.length} bytes`);
console.log('| operation | engine | median | mean |');
console.log('|---|---|---:|---:|');
for (const r of results) console.log(`| ${r.name} | ${r.engine} | ${fmt(r.median_ns)} | ${fmt(r.mean_ns)} |`);

// Tanaka.Crdt numbers from BenchmarkDotNet's JSON exporter, matched by method name.
if (dotnet) {
  const dir = dotnet === true ? join(root, 'BenchmarkDotNet.Artifacts', 'results') : dotnet;
  const cs = new Map();
  for (const file of existsSync(dir) ? readdirSync(dir) : []) {
    if (!file.endsWith('.json')) continue;
    const report = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    for (const b of report.Benchmarks ?? []) {
      if (b.Statistics) cs.set(b.Method, { mean: b.Statistics.Mean, median: b.Statistics.Median, allocated: b.Memory?.BytesAllocatedPerOperation });
    }
  }
  if (cs.size === 0) {
    console.log(`\nno BenchmarkDotNet JSON reports in ${dir} (run the C# side with --exporters json)`);
  } else {
    console.log('\n| operation | Tanaka.Crdt median | yjs median | Tanaka / yjs | ywasm median | Tanaka / ywasm |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const name of [...new Set(results.map((r) => r.name))]) {
      const c = cs.get(name);
      const j = results.find((r) => r.name === name && r.engine === 'yjs');
      const w = results.find((r) => r.name === name && r.engine === 'ywasm');
      if (!c) continue;
      const ratio = (x) => (x ? (c.median / x.median_ns).toFixed(2) : 'n/a');
      console.log(`| ${name} | ${fmt(c.median)} | ${j ? fmt(j.median_ns) : 'n/a'} | ${ratio(j)} | ${w ? fmt(w.median_ns) : 'n/a'} | ${ratio(w)} |`);
    }
  }
}

const out = flag('--out', null);
const outFile = out && out !== true ? out : join(root, 'bench', 'results', `yjs-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, JSON.stringify({ yjs: yjsVersion, node: process.version, input: { tabs: data.tabs, updates: updates.length, fullBytes: full.length }, results, sink }, null, 1));
console.log(`\nresult: ${outFile}`);
