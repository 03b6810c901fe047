// Http1ResponseParser: bodies by length, chunked and until close, split anywhere; keep-alive; 1xx; malformed input.
import { describe, expect, it } from 'vitest';
import { Http1ProtocolError, Http1ResponseParser, type Http1Response } from './http1-response-parser.js';

/** Feeds `text` to a fresh parser in pieces of `size` bytes; returns the response and how many feeds it took. */
function parseInPieces(text: string, size: number): { response: Http1Response | undefined; feeds: number } {
  const parser = new Http1ResponseParser();
  const bytes = Buffer.from(text, 'utf8');
  let feeds = 0;
  for (let at = 0; at < bytes.length; at += size) {
    feeds++;
    const response = parser.feed(bytes.subarray(at, at + size));
    if (response !== undefined) {
      expect(at + size).toBeGreaterThanOrEqual(bytes.length); // complete only with the last byte
      return { response, feeds };
    }
  }
  return { response: undefined, feeds };
}

const summary = (response: Http1Response | undefined) =>
  response && { statusCode: response.statusCode, body: response.body.toString('utf8'), keepAlive: response.keepAlive, keepAliveTimeoutMs: response.keepAliveTimeoutMs };

describe('Http1ResponseParser', () => {
  it('reads a Content-Length body, whole or one byte at a time (a multi-byte character split too)', () => {
    const text = 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 13\r\nKeep-Alive: timeout=5\r\n\r\n{"a":"né b"}';
    expect(Buffer.byteLength('{"a":"né b"}')).toBe(13);
    for (const size of [1, 2, 7, 1000]) {
      expect(summary(parseInPieces(text, size).response)).toEqual({ statusCode: 200, body: '{"a":"né b"}', keepAlive: true, keepAliveTimeoutMs: 5000 });
    }
  });

  it('decodes chunked bodies with extensions and trailers, split anywhere', () => {
    const text = 'HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\nX-Trailer: yes\r\n\r\n';
    for (let size = 1; size <= text.length; size++) {
      expect(summary(parseInPieces(text, size).response)).toEqual({ statusCode: 201, body: 'hello, world', keepAlive: true, keepAliveTimeoutMs: undefined });
    }
  });

  it('knows when the connection cannot be reused', () => {
    const close = new Http1ResponseParser().feed(Buffer.from('HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n'));
    expect(close?.keepAlive).toBe(false);
    const http10 = new Http1ResponseParser().feed(Buffer.from('HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok'));
    expect(summary(http10)).toMatchObject({ body: 'ok', keepAlive: false });
    const http10KeepAlive = new Http1ResponseParser().feed(Buffer.from('HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 2\r\n\r\nok'));
    expect(http10KeepAlive?.keepAlive).toBe(true);
  });

  it('reads a body without length until the connection ends', () => {
    const parser = new Http1ResponseParser();
    expect(parser.feed(Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nsome '))).toBeUndefined();
    expect(parser.feed(Buffer.from('text'))).toBeUndefined();
    expect(summary(parser.end())).toMatchObject({ statusCode: 200, body: 'some text', keepAlive: false });
  });

  it('answers nothing when the connection ends in the middle of a response', () => {
    const parser = new Http1ResponseParser();
    expect(parser.started).toBe(false);
    expect(parser.feed(Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc'))).toBeUndefined();
    expect(parser.started).toBe(true);
    expect(parser.end()).toBeUndefined();
  });

  it('has no body for 204 and 304, and skips 100 Continue', () => {
    expect(summary(new Http1ResponseParser().feed(Buffer.from('HTTP/1.1 204 No Content\r\n\r\n')))).toMatchObject({ statusCode: 204, body: '' });
    expect(summary(new Http1ResponseParser().feed(Buffer.from('HTTP/1.1 304 Not Modified\r\nContent-Length: 5\r\n\r\n')))).toMatchObject({ statusCode: 304, body: '' });
    const parser = new Http1ResponseParser();
    expect(parser.feed(Buffer.from('HTTP/1.1 100 Continue\r\n\r\n'))).toBeUndefined();
    expect(summary(parser.feed(Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx')))).toMatchObject({ statusCode: 200, body: 'x' });
  });

  it('reads only the head of an answer to HEAD, whatever its Content-Length', () => {
    const parser = new Http1ResponseParser();
    parser.expect('HEAD');
    expect(summary(parser.feed(Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n')))).toMatchObject({ statusCode: 200, body: '', keepAlive: true });
    parser.expect('GET');
    expect(parser.feed(Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\no'))).toBeUndefined();
    expect(summary(parser.feed(Buffer.from('k')))).toMatchObject({ body: 'ok' });
  });

  it('starts over after a response: the next one on the connection parses the same way', () => {
    const parser = new Http1ResponseParser();
    expect(summary(parser.feed(Buffer.from('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n0\r\n\r\n')))).toMatchObject({ body: 'a' });
    expect(summary(parser.feed(Buffer.from('HTTP/1.1 404 Not Found\r\nContent-Length: 1\r\n\r\nb')))).toMatchObject({ statusCode: 404, body: 'b' });
  });

  it.each([
    ['a status line that is not HTTP/1.x', 'HTTP/2 200\r\n\r\n'],
    ['a header line without a colon', 'HTTP/1.1 200 OK\r\nbroken\r\n\r\n'],
    ['two different Content-Lengths', 'HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nx'],
    ['a Content-Length that is not a number', 'HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n'],
    ['a transfer coding other than chunked', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n'],
    ['a chunk size that is not hexadecimal', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n'],
    ['a chunk without its CRLF', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nabc'],
    ['bytes after the response', 'HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nxHTTP/1.1'],
  ])('refuses %s', (_name, text) => {
    expect(() => new Http1ResponseParser().feed(Buffer.from(text))).toThrow(Http1ProtocolError);
  });
});
