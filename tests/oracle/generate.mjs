// Runs every gen-*.mjs generator in this folder. Each writes its fixtures under
// fixtures/generated/ (ignored by git: they are re-created by the test command from fixed seeds).
import { readdirSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
mkdirSync(join(here, 'fixtures', 'generated'), { recursive: true });
const generators = readdirSync(here).filter((f) => /^gen-.*\.mjs$/.test(f)).sort();
for (const g of generators) {
  const started = Date.now();
  await import(pathToFileURL(join(here, g)).href);
  console.log(`oracle: ${g} done in ${Date.now() - started} ms`);
}
