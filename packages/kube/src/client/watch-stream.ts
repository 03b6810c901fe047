// Watch streams: newline-delimited JSON events read incrementally from a streamed response, closed exactly once.
import type { KubeObject, WatchEvent } from '../types/meta.js';
import type { WatchHandle, WatchHandlers } from './kube-client.js';
import type { StreamRequest, StreamResponse } from './kube-transport.js';

/** The watch connection ended before the server finished the stream (reset, dropped, or killed). */
export class WatchConnectionError extends Error {
  override readonly name = 'WatchConnectionError';
}

/** A line of the watch stream was not a JSON event. */
export class WatchDecodeError extends Error {
  override readonly name = 'WatchDecodeError';
  readonly line: string;

  constructor(line: string, options?: { cause?: unknown }) {
    super(`the watch stream sent a line that is not a JSON event: ${line.slice(0, 200)}`, options);
    this.line = line;
  }
}

/** Splits text chunks into complete lines; a line may span any number of chunks. */
export class LineSplitter {
  private rest = '';

  /** The lines completed by this chunk (without their newline), empty lines skipped. */
  push(chunk: string): string[] {
    const text = this.rest + chunk;
    const parts = text.split('\n');
    this.rest = parts.pop() ?? '';
    return parts.map((line) => line.trim()).filter((line) => line !== '');
  }

  /** What is left after the last newline, if anything. */
  flush(): string | undefined {
    const tail = this.rest.trim();
    this.rest = '';
    return tail === '' ? undefined : tail;
  }
}

/**
 * Feeds a watch response's events to `handlers` and returns the handle that stops it.
 * `onClose` runs once: no error when the server ends the stream or `stop()` is called,
 * an error when the connection breaks, a line cannot be decoded, or `onEvent` throws.
 */
export function consumeWatchStream<T extends KubeObject>(options: {
  request: StreamRequest;
  response: StreamResponse;
  handlers: WatchHandlers<T>;
}): WatchHandle {
  const { request, response, handlers } = options;
  const splitter = new LineSplitter();
  let closed = false;

  const finish = (err?: unknown): void => {
    if (closed) return;
    closed = true;
    if (err !== undefined) request.destroy();
    handlers.onClose(err);
  };

  const deliver = (line: string): void => {
    let event: WatchEvent<T>;
    try {
      event = JSON.parse(line) as WatchEvent<T>;
    } catch (err: unknown) {
      finish(new WatchDecodeError(line, { cause: err }));
      return;
    }
    try {
      handlers.onEvent(event);
    } catch (err: unknown) {
      finish(err);
    }
  };

  response.setEncoding('utf8');
  response.on('data', (chunk: string) => {
    for (const line of splitter.push(chunk)) {
      if (closed) return;
      deliver(line);
    }
  });
  response.on('end', () => {
    const tail = splitter.flush();
    if (tail !== undefined && !closed) deliver(tail);
    finish();
  });
  response.on('error', (err: unknown) => finish(err));
  response.on('close', () => {
    if (!response.complete) finish(new WatchConnectionError('the watch connection closed before the server ended the stream'));
  });
  request.on('error', (err: unknown) => finish(err));

  return {
    stop(): void {
      if (closed) return;
      finish();
      request.destroy();
    },
  };
}
