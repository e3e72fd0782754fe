// Loads yjs and ywasm from the oracle package (tests/oracle/node_modules), the one install the
// repository keeps, so the benchmarks run exactly the yjs version the C# engine is tested against.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../tests/oracle/package.json', import.meta.url));

export const Y = require('yjs');

export const loadYwasm = () => {
  try {
    return require('ywasm');
  } catch {
    return null;
  }
};

export const yjsVersion = JSON.parse(readFileSync(new URL('../../tests/oracle/node_modules/yjs/package.json', import.meta.url), 'utf8')).version;
