// Watch: a chunked stream of `{"type":…,"object":…}` lines from a resourceVersion (replayed from store history),
// with selector transitions (ADDED/DELETED when an object starts/stops matching), bookmarks, timeouts, Table
// events, a 410 ERROR event for compacted history, and a per-watcher cap on buffered bytes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiVersionOf, type KubeObject, type Timer, type WatchEventType } from '@aviary/kube';
import type { ResourceInfo } from '../registry/index.js';
import { collectionPrefix } from '../storage/keys.js';
import { CompactedError, StoreEventType, type StoreEvent, type StoreWatch } from '../storage/store.js';
import { badRequestError, expiredError, statusOf } from '../server/api-errors.js';
import { Encoding, Representation, type Negotiated } from '../server/content-negotiation.js';
import { isTrue } from '../server/request-info.js';
import { compileFilter, type ObjectFilter } from './list-filter.js';
import { typePrefixOf, withType } from './object-service.js';
import { buildTable, parseIncludeObject, partialMetadata } from './output.js';
import type { RestContext } from './rest-context.js';

export interface WatchServerOptions {
  /** How often BOOKMARK events go out when the client allows them. */
  readonly bookmarkIntervalMs: number;
  /** A watcher whose socket holds more unsent bytes than this is ended (the client re-watches). */
  readonly maxBufferedBytes: number;
  /** Watches without timeoutSeconds end after a random time between this and twice this (upstream: 30–60 min). */
  readonly minRequestTimeoutMs: number;
  /** Active watches, so the server can end them all on close. */
  readonly active: Set<() => void>;
}

export interface WatchCall {
  readonly info: ResourceInfo;
  readonly namespace: string | undefined;
  readonly name: string | undefined;
  readonly query: URLSearchParams;
  readonly negotiated: Negotiated;
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly watch: WatchServerOptions;
}

const initialEventsEndAnnotation = 'k8s.io/initial-events-end';
const slowReaderGraceMs = 30_000;

export function serveWatch(context: RestContext, call: WatchCall): void {
  const { info, query, res } = call;
  const selectors = { labelSelector: query.get('labelSelector'), fieldSelector: query.get('fieldSelector') };
  if (call.name !== undefined) {
    const byName = `metadata.name=${call.name.replace(/[\\,=]/g, (c) => `\\${c}`)}`;
    selectors.fieldSelector = selectors.fieldSelector ? `${selectors.fieldSelector},${byName}` : byName;
  }
  const selective = compileFilter(info, selectors).filter;
  const filter: ObjectFilter = selective ?? (() => true);
  const rvText = query.get('resourceVersion') ?? '';
  if (rvText !== '' && !/^\d+$/.test(rvText)) throw badRequestError(`resourceVersion: Invalid value: ${JSON.stringify(rvText)}: must be a non-negative integer`);
  const timeoutText = query.get('timeoutSeconds');
  if (timeoutText !== null && timeoutText !== '' && !/^\d+$/.test(timeoutText)) throw badRequestError('timeoutSeconds: must be a non-negative integer');
  const includeObject = parseIncludeObject(query.get('includeObject'));
  const bookmarks = isTrue(query.get('allowWatchBookmarks'));
  const sendInitialEvents = query.has('sendInitialEvents') ? isTrue(query.get('sendInitialEvents')) : rvText === '' || rvText === '0';
  const prefix = collectionPrefix({ group: info.group, resource: info.resource, ...(info.namespaced && call.namespace ? { namespace: call.namespace } : {}) });

  res.writeHead(200, { 'Content-Type': call.negotiated.encoding === Encoding.Yaml ? 'application/yaml' : 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  res.flushHeaders();

  let latestRevision = rvText === '' ? 0 : Number(rvText);
  let tableColumnsSent = false;
  let subscription: StoreWatch | undefined;
  const timers: Timer[] = [];
  let ended = false;

  const end = (): void => {
    if (ended) return;
    ended = true;
    subscription?.stop();
    for (const timer of timers) timer.cancel();
    call.watch.active.delete(end);
    if (!res.writableEnded) res.end();
  };
  call.watch.active.add(end);
  res.on('close', end);

  const render = (object: KubeObject): unknown => {
    const typed = withType(object, info);
    switch (call.negotiated.representation) {
      case Representation.Table: {
        const table = buildTable(context, info, [typed], undefined, { negotiated: call.negotiated, includeObject }) as { columnDefinitions?: unknown[] };
        if (tableColumnsSent) table.columnDefinitions = [];
        tableColumnsSent = true;
        return table;
      }
      case Representation.PartialObjectMetadata:
      case Representation.PartialObjectMetadataList:
        return partialMetadata(typed, call.negotiated.metaVersion);
      default:
        return typed;
    }
  };
  const send = (type: WatchEventType, object: unknown): void => {
    sendLine(`${JSON.stringify({ type, object })}\n`);
  };
  // Lines wait for the group commit of the state they show (see Store.whenDurable), in order.
  let held: { line: string | Buffer; revision: number }[] = [];
  let releasing = false;
  const sendLine = (line: string | Buffer): void => {
    if (ended) return;
    const revision = context.store.currentRevision();
    if (held.length === 0 && context.store.durableRevision() >= revision) writeLine(line);
    else {
      held.push({ line, revision });
      if (!releasing) releaseHeld();
    }
  };
  const releaseHeld = (): void => {
    releasing = true;
    context.store.whenDurable(held[held.length - 1]!.revision).then(
      () => {
        releasing = false;
        const durable = context.store.durableRevision();
        let written = 0;
        while (written < held.length && held[written]!.revision <= durable && !ended) writeLine(held[written++]!.line);
        held = ended ? [] : held.slice(written);
        if (held.length > 0) releaseHeld();
      },
      () => {
        releasing = false;
        held = [];
        end();
      },
    );
  };
  const writeLine = (line: string | Buffer): void => {
    res.write(line);
    if (res.writableLength > call.watch.maxBufferedBytes) {
      // A reader this slow is ended cleanly (clients re-watch from their last resourceVersion); if it does not
      // even drain what is buffered, the socket goes.
      end();
      context.clock.setTimer(() => {
        if (!res.writableFinished) res.destroy();
      }, slowReaderGraceMs);
    }
  };
  const sendBookmark = (annotations?: Record<string, string>): void => {
    const metadata = { resourceVersion: String(latestRevision), ...(annotations ? { annotations } : {}) };
    const object =
      call.negotiated.representation === Representation.Table
        ? { apiVersion: `meta.k8s.io/${call.negotiated.metaVersion}`, kind: 'Table', metadata, columnDefinitions: [], rows: [] }
        : { apiVersion: apiVersionOf(info), kind: info.kind, metadata };
    send('BOOKMARK', object);
  };
  // Plain objects go out as the stored JSON when it already starts with this resource's apiVersion and kind:
  // no decoding, and one line shared by every watcher of the event (see watchLineOf).
  const plainJson = call.negotiated.representation !== Representation.Table &&
    call.negotiated.representation !== Representation.PartialObjectMetadata &&
    call.negotiated.representation !== Representation.PartialObjectMetadataList;
  const typePrefix = typePrefixOf(info);
  const sendEvent = (type: WatchEventType, event: StoreEvent): void => {
    const line = plainJson && event.json !== undefined ? watchLineOf(type, event.json, typePrefix) : undefined;
    if (line === undefined) send(type, render(event.object));
    else sendLine(line);
  };
  const onEvent = (event: StoreEvent): void => {
    try {
      latestRevision = event.revision;
      // Without selectors nothing is decoded just to be matched.
      const matches = selective === undefined ? true : selective(event.written ?? event.object);
      const matchedBefore = !hasPrevious(event) ? false : selective === undefined ? true : selective(event.previous!);
      if (event.type === StoreEventType.Added) {
        if (matches) sendEvent('ADDED', event);
      } else if (event.type === StoreEventType.Modified) {
        if (matches && matchedBefore) sendEvent('MODIFIED', event);
        else if (matches) sendEvent('ADDED', event);
        else if (matchedBefore) sendEvent('DELETED', event);
      } else if (matches || matchedBefore) {
        sendEvent('DELETED', event);
      }
    } catch (err: unknown) {
      send('ERROR', statusOf(err));
      end();
    }
  };

  try {
    let start = latestRevision;
    if (sendInitialEvents) {
      const list = context.store.list(prefix, { filter });
      for (const item of list.items) send('ADDED', render(item.object));
      start = Math.max(start, list.revision);
      latestRevision = start;
      if (bookmarks && query.has('sendInitialEvents')) sendBookmark({ [initialEventsEndAnnotation]: 'true' });
    }
    if (ended) return;
    subscription = context.store.watch(prefix, start, onEvent);
  } catch (err: unknown) {
    const status = err instanceof CompactedError ? expiredError(`too old resource version: ${err.requestedRevision} (${err.oldestRevision})`).status : statusOf(err);
    send('ERROR', status);
    end();
    return;
  }
  if (bookmarks) {
    const schedule = (): void => {
      timers.push(
        context.clock.setTimer(() => {
          sendBookmark();
          if (!ended) schedule();
        }, call.watch.bookmarkIntervalMs),
      );
    };
    schedule();
  }
  const timeoutMs = timeoutText && Number(timeoutText) > 0 ? Number(timeoutText) * 1000 : call.watch.minRequestTimeoutMs * (1 + Math.random());
  timers.push(context.clock.setTimer(end, timeoutMs));
}

/** Whether the event carries a previous value, found without decoding it. */
function hasPrevious(event: StoreEvent): boolean {
  const descriptor = Object.getOwnPropertyDescriptor(event, 'previous');
  return descriptor !== undefined && (descriptor.get !== undefined || descriptor.value !== undefined);
}

/** The last line built, so the next watcher of the same event reuses its bytes instead of encoding again. */
let lastLine: { type: WatchEventType; json: string; typePrefix: string; line: Buffer } | undefined;

/**
 * `{"type":…,"object":…}\n` built from stored JSON, or undefined when the JSON does not start with the watched
 * resource's apiVersion and kind (then the caller renders the decoded object). Byte for byte what
 * JSON.stringify of the decoded, typed object gives: stored JSON is JSON.stringify output, which re-encodes
 * to itself.
 */
function watchLineOf(type: WatchEventType, json: string, typePrefix: string): Buffer | undefined {
  const last = lastLine;
  if (last !== undefined && last.json === json && last.type === type && last.typePrefix === typePrefix) return last.line;
  if (!json.startsWith(typePrefix)) return undefined;
  const line = Buffer.from(`{"type":"${type}","object":${json}}\n`);
  lastLine = { type, json, typePrefix, line };
  return line;
}
