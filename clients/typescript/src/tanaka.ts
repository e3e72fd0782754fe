/**
 * A typed client for the Tanaka sync server and a device that keeps a real yjs document in
 * sync through it. The HTTP types come from `schema.d.ts`, generated from the server's OpenAPI
 * document (`npm run generate`); nothing here restates the wire format by hand.
 */
import createClient, { type Client } from 'openapi-fetch';
import * as Y from 'yjs';
import type { components, paths } from './schema.d.ts';

export type SyncRequest = components['schemas']['SyncRequestDto'];
export type SyncResponse = components['schemas']['SyncResponseDto'];
export type Problem = components['schemas']['Problem'];
export type TanakaClient = Client<paths>;

/** A request the server refused: its status and problem+json body (`code` says why, see docs/ERRORS.md). */
export class TanakaApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
  ) {
    super(`Tanaka answered ${status}${problem ? ` ${problem.code}: ${problem.detail ?? problem.title}` : ''}`);
    this.name = 'TanakaApiError';
  }
}

/** A client for the server at `baseUrl` whose every request carries the workspace token. */
export function createTanakaClient(baseUrl: string, token: string, fetchImpl: typeof fetch = fetch): TanakaClient {
  return createClient<paths>({
    baseUrl: baseUrl.replace(/\/+$/, ''),
    headers: { Authorization: `Bearer ${token}` },
    fetch: fetchImpl,
  });
}

export const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
export const fromBase64 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64'));

/**
 * One device: a yjs document whose local changes are queued and sent by {@link sync}, which
 * also applies what the server answers. The queue is cleared only after the server accepted
 * it, so a failed sync loses nothing and is simply retried.
 */
export class SyncingDevice {
  readonly #client: TanakaClient;
  readonly #queue: Uint8Array[] = [];
  #clock = 0;
  #serverClock: number | null = null;
  #stateVectorWanted = true;

  constructor(
    readonly deviceId: string,
    client: TanakaClient,
    readonly doc: Y.Doc = new Y.Doc(),
  ) {
    this.#client = client;
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      // What the server sent is already on the server.
      if (origin !== this) {
        this.#queue.push(update);
        this.#clock++;
      }
    });
  }

  /** The server clock of the last successful sync (sent back as `since_clock`), or null before the first. */
  get serverClock(): number | null {
    return this.#serverClock;
  }

  /**
   * Sends the queued changes and applies the missing part the server answers with. The document's
   * state vector goes along only when needed (docs/PROTOCOL.md, "A device's sync loop"): on the
   * first sync, after an answer whose `state_vector` differed from the document's, and while the
   * document holds pending structs; otherwise `since_clock` says what the device has.
   */
  async sync(): Promise<SyncResponse> {
    const sending = this.#queue.length;
    const body: SyncRequest = { device_id: this.deviceId, clock: this.#clock };
    if (this.#serverClock !== null) {
      body.since_clock = this.#serverClock;
    }
    if (this.#serverClock === null || this.#stateVectorWanted || this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null) {
      body.state_vector = toBase64(Y.encodeStateVector(this.doc));
    }
    if (sending > 0) {
      body.update = toBase64(Y.mergeUpdates(this.#queue.slice(0, sending)));
    }

    const { data, error, response } = await this.#client.POST('/sync', { body });
    if (data === undefined) {
      throw new TanakaApiError(response.status, error as Problem | undefined);
    }

    this.#queue.splice(0, sending);
    if (data.update) {
      Y.applyUpdate(this.doc, fromBase64(data.update), this);
    }
    this.#serverClock = data.clock;
    this.#clock = Math.max(this.#clock, data.clock);
    this.#stateVectorWanted = typeof data.state_vector === 'string' && this.#reconcile(fromBase64(data.state_vector));
    return data;
  }

  /** Queues what the server lacks (after it lost data, say) and tells whether the state vectors differ. */
  #reconcile(serverStateVector: Uint8Array): boolean {
    const own = Y.encodeStateVector(this.doc);
    if (Buffer.compare(Buffer.from(own), Buffer.from(serverStateVector)) === 0) {
      return false;
    }
    const server = Y.decodeStateVector(serverStateVector);
    for (const [client, clock] of Y.decodeStateVector(own)) {
      if (clock > (server.get(client) ?? 0)) {
        // Duplicates of what the server has are free: it ignores them.
        this.#queue.push(Y.encodeStateAsUpdate(this.doc, serverStateVector));
        break;
      }
    }
    return true;
  }
}

/** Adds or replaces a tab as the extension stores it: a nested map under `tabs`. */
export function putTab(
  doc: Y.Doc,
  id: string,
  fields: { window_id: string; url: string; title: string; index: number; active?: boolean; pinned?: boolean },
): void {
  doc.transact(() => {
    const tab = new Y.Map<unknown>();
    doc.getMap('tabs').set(id, tab);
    for (const [key, value] of Object.entries({ active: false, pinned: false, ...fields, updated_at: Date.now() })) {
      tab.set(key, value);
    }
  });
}
