// Http1ResponseParser: reads one HTTP/1.1 response at a time from a connection's bytes — status, the headers a
// client needs, and the body by Content-Length, chunked transfer coding, or until the connection closes (RFC 9112).

/** A whole response as the client keeps it. */
export interface Http1Response {
  readonly statusCode: number;
  readonly body: Buffer;
  /** Whether the connection may carry another request. */
  readonly keepAlive: boolean;
  /** The server's `Keep-Alive: timeout=N`, in ms, when it sent one: how long it keeps an idle connection. */
  readonly keepAliveTimeoutMs?: number;
}

/** Bytes that are not a valid HTTP/1.1 response. */
export class Http1ProtocolError extends Error {
  override readonly name = 'Http1ProtocolError';
  readonly code = 'HPE_INVALID_RESPONSE';
}

/** Larger response heads are refused, as Node's parser refuses them (its default limit is 16 KiB). */
const maxHeadBytes = 64 * 1024;

type BodyMode = { kind: 'length'; remaining: number } | { kind: 'chunked' } | { kind: 'until-close' } | { kind: 'none' };

interface Head {
  statusCode: number;
  keepAlive: boolean;
  keepAliveTimeoutMs: number | undefined;
  mode: BodyMode;
}

/**
 * Feed it the connection's bytes; it answers the response once complete. One response per request: bytes after a
 * complete response are a protocol error (this client never pipelines). Informational (1xx) responses are skipped.
 */
export class Http1ResponseParser {
  private buffered: Buffer = Buffer.alloc(0);
  private head: Head | undefined;
  private bodyParts: Buffer[] = [];
  /** Chunked coding: bytes of the current chunk still to read, or undefined while a size line is awaited. */
  private chunkRemaining: number | undefined;
  private inTrailers = false;
  /** The request was HEAD: the response has headers only, whatever its Content-Length says. */
  private headOnly = false;

  /** Readies the parser for the response to the next request (`HEAD` answers carry no body). */
  expect(method: string): void {
    this.headOnly = method === 'HEAD';
  }

  /** Adds bytes; returns the response when it is complete. Throws Http1ProtocolError on malformed input. */
  feed(bytes: Buffer): Http1Response | undefined {
    this.buffered = this.buffered.length === 0 ? bytes : Buffer.concat([this.buffered, bytes]);
    for (;;) {
      if (this.head === undefined && !this.readHead()) return undefined;
      const response = this.readBody();
      if (response === undefined) return undefined;
      if (response === 'informational') continue;
      if (this.buffered.length > 0) throw new Http1ProtocolError('unexpected bytes after the response');
      return response;
    }
  }

  /** The connection ended: the response, if its body runs until the close; otherwise undefined (it was cut short). */
  end(): Http1Response | undefined {
    const head = this.head;
    if (head === undefined || head.mode.kind !== 'until-close') return undefined;
    this.bodyParts.push(this.buffered);
    this.buffered = Buffer.alloc(0);
    return this.finish(head);
  }

  /** Whether any byte of a response has arrived. */
  get started(): boolean {
    return this.head !== undefined || this.buffered.length > 0;
  }

  private readHead(): boolean {
    const end = this.buffered.indexOf('\r\n\r\n');
    if (end < 0) {
      if (this.buffered.length > maxHeadBytes) throw new Http1ProtocolError('response head too large');
      return false;
    }
    const lines = this.buffered.toString('latin1', 0, end).split('\r\n');
    this.buffered = this.buffered.subarray(end + 4);
    const status = /^HTTP\/1\.([01]) (\d{3})(?: |$)/.exec(lines[0] ?? '');
    if (status === null) throw new Http1ProtocolError(`malformed status line: ${JSON.stringify((lines[0] ?? '').slice(0, 80))}`);
    const http10 = status[1] === '0';
    const statusCode = Number(status[2]);
    let contentLength: number | undefined;
    let chunked = false;
    let connection = '';
    let keepAliveTimeoutMs: number | undefined;
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      if (colon <= 0) throw new Http1ProtocolError(`malformed header line: ${JSON.stringify(line.slice(0, 80))}`);
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (name === 'content-length') {
        if (!/^\d+$/.test(value) || (contentLength !== undefined && contentLength !== Number(value))) throw new Http1ProtocolError(`invalid Content-Length: ${value}`);
        contentLength = Number(value);
      } else if (name === 'transfer-encoding') {
        chunked = value.toLowerCase().split(',').map((coding) => coding.trim()).at(-1) === 'chunked';
        if (!chunked) throw new Http1ProtocolError(`unsupported Transfer-Encoding: ${value}`);
      } else if (name === 'connection') {
        connection = `${connection},${value.toLowerCase()}`;
      } else if (name === 'keep-alive') {
        const timeout = /(?:^|[\s,])timeout=(\d+)/i.exec(value);
        if (timeout) keepAliveTimeoutMs = Number(timeout[1]) * 1000;
      }
    }
    const tokens = connection.split(',').map((token) => token.trim());
    const keepAlive = http10 ? tokens.includes('keep-alive') : !tokens.includes('close');
    const noBody = this.headOnly || statusCode < 200 || statusCode === 204 || statusCode === 304;
    const mode: BodyMode = noBody
      ? { kind: 'none' }
      : chunked
        ? { kind: 'chunked' }
        : contentLength !== undefined
          ? { kind: 'length', remaining: contentLength }
          : { kind: 'until-close' };
    this.head = { statusCode, keepAlive: keepAlive && mode.kind !== 'until-close', keepAliveTimeoutMs, mode };
    return true;
  }

  /** The complete response, 'informational' for a skipped 1xx, or undefined while more bytes are needed. */
  private readBody(): Http1Response | 'informational' | undefined {
    const head = this.head!;
    const { mode } = head;
    if (mode.kind === 'none') {
      if (head.statusCode >= 100 && head.statusCode < 200 && head.statusCode !== 101 && !this.headOnly) {
        this.head = undefined;
        return 'informational';
      }
      return this.finish(head);
    }
    if (mode.kind === 'until-close') return undefined;
    if (mode.kind === 'length') {
      const take = Math.min(mode.remaining, this.buffered.length);
      if (take > 0) this.bodyParts.push(this.buffered.subarray(0, take));
      this.buffered = this.buffered.subarray(take);
      mode.remaining -= take;
      return mode.remaining === 0 ? this.finish(head) : undefined;
    }
    return this.readChunks(head);
  }

  private readChunks(head: Head): Http1Response | undefined {
    for (;;) {
      if (this.inTrailers) {
        const lineEnd = this.buffered.indexOf('\r\n');
        if (lineEnd < 0) return undefined;
        this.buffered = this.buffered.subarray(lineEnd + 2);
        if (lineEnd === 0) return this.finish(head);
        continue;
      }
      if (this.chunkRemaining === undefined) {
        const lineEnd = this.buffered.indexOf('\r\n');
        if (lineEnd < 0) {
          if (this.buffered.length > maxHeadBytes) throw new Http1ProtocolError('chunk size line too long');
          return undefined;
        }
        const sizeText = this.buffered.toString('latin1', 0, lineEnd).split(';')[0]!.trim();
        if (!/^[0-9a-fA-F]{1,8}$/.test(sizeText)) throw new Http1ProtocolError(`invalid chunk size: ${JSON.stringify(sizeText.slice(0, 20))}`);
        this.buffered = this.buffered.subarray(lineEnd + 2);
        const size = Number.parseInt(sizeText, 16);
        if (size === 0) {
          this.inTrailers = true;
          continue;
        }
        this.chunkRemaining = size;
      }
      // The chunk's data, then its CRLF.
      if (this.chunkRemaining > 0) {
        const take = Math.min(this.chunkRemaining, this.buffered.length);
        if (take > 0) this.bodyParts.push(this.buffered.subarray(0, take));
        this.buffered = this.buffered.subarray(take);
        this.chunkRemaining -= take;
        if (this.chunkRemaining > 0) return undefined;
      }
      if (this.buffered.length < 2) return undefined;
      if (this.buffered[0] !== 0x0d || this.buffered[1] !== 0x0a) throw new Http1ProtocolError('missing CRLF after a chunk');
      this.buffered = this.buffered.subarray(2);
      this.chunkRemaining = undefined;
    }
  }

  private finish(head: Head): Http1Response {
    const body = this.bodyParts.length === 1 ? this.bodyParts[0]! : Buffer.concat(this.bodyParts);
    this.head = undefined;
    this.bodyParts = [];
    this.chunkRemaining = undefined;
    this.inTrailers = false;
    return { statusCode: head.statusCode, body, keepAlive: head.keepAlive, ...(head.keepAliveTimeoutMs === undefined ? {} : { keepAliveTimeoutMs: head.keepAliveTimeoutMs }) };
  }
}
