/**
 * Two yjs documents converge through a running Tanaka server, using only the generated client.
 * Needs TANAKA_URL and TANAKA_TOKEN (the C# test OpenApi/TypeScriptClientTests starts a server
 * and sets them); without them the test fails rather than pretending to pass.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Y from 'yjs';
import { createTanakaClient, putTab, SyncingDevice, TanakaApiError } from '../src/tanaka.ts';

const baseUrl = process.env.TANAKA_URL;
// doc.toJSON() lists only the roots a document has asked for; name them so both sides compare alike.
const snapshot = (doc: Y.Doc) => ({ tabs: doc.getMap('tabs').toJSON(), windows: doc.getMap('windows').toJSON() });
const token = process.env.TANAKA_TOKEN;

test('two yjs documents converge through the server', async () => {
  assert.ok(baseUrl && token, 'set TANAKA_URL and TANAKA_TOKEN to a running server and one of its tokens');
  const client = createTanakaClient(baseUrl, token);
  const laptop = new SyncingDevice('ts-laptop', client);
  const desktop = new SyncingDevice('ts-desktop', client);

  // Concurrent edits on both devices before either syncs.
  putTab(laptop.doc, 'tab-a', { window_id: 'w1', url: 'https://example.com/a', title: 'A', index: 0 });
  putTab(desktop.doc, 'tab-b', { window_id: 'w2', url: 'https://example.org/b', title: 'B', index: 0 });
  desktop.doc.getMap('windows').set('w2', new Y.Map<unknown>([['tracked', true], ['device_id', 'ts-desktop']]));

  const first = await laptop.sync();
  await desktop.sync();
  const last = await laptop.sync();
  assert.ok(last.clock > first.clock, 'the server clock moves forward with each accepted update');

  // A change after both saw everything travels as a delta.
  (laptop.doc.getMap('tabs').get('tab-b') as Y.Map<unknown>).set('title', 'B, renamed on the laptop');
  laptop.doc.getMap('tabs').delete('tab-a');
  await laptop.sync();
  await desktop.sync();

  const laptopJson = snapshot(laptop.doc);
  const desktopJson = snapshot(desktop.doc);
  assert.deepEqual(laptopJson, desktopJson);
  assert.deepEqual(Object.keys(laptopJson.tabs), ['tab-b']);
  assert.equal(laptopJson.tabs['tab-b'].title, 'B, renamed on the laptop');

  // A third, empty device receives the whole state.
  const fresh = new SyncingDevice('ts-fresh', client);
  await fresh.sync();
  assert.deepEqual(snapshot(fresh.doc), laptopJson);
  assert.equal(laptopJson.windows.w2.device_id, 'ts-desktop');

  // The server's materialized rows agree with the documents.
  const tabs = await client.GET('/tabs');
  assert.ok(tabs.data, `GET /tabs answered ${tabs.response.status}`);
  assert.deepEqual(tabs.data.tabs.map((t) => [t.id, t.title]), [['tab-b', 'B, renamed on the laptop']]);

  console.log(`converged: ${JSON.stringify(laptopJson)}`);
});

test('a bad token is refused with a typed problem', async () => {
  assert.ok(baseUrl, 'set TANAKA_URL to a running server');
  const intruder = new SyncingDevice('ts-intruder', createTanakaClient(baseUrl, 'not-a-valid-token'));
  await assert.rejects(intruder.sync(), (e: unknown) => e instanceof TanakaApiError && e.status === 401 && e.problem?.code === 'unauthorized');
});
