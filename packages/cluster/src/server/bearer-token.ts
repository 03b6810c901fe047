// The API server's bearer token: made once into `<dataDir>/token` (mode 0600), checked in constant time.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Reads `<dataDir>/token`, or writes a new random one. */
export function ensureBearerToken(dataDir: string): string {
  const file = path.join(dataDir, 'token');
  if (fs.existsSync(file)) {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (existing !== '') return existing;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const token = crypto.randomBytes(32).toString('base64url');
  fs.writeFileSync(file, `${token}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return token;
}

export const TokenCheck = { Valid: 'valid', Missing: 'missing', Invalid: 'invalid' } as const;
export type TokenCheck = (typeof TokenCheck)[keyof typeof TokenCheck];

/**
 * Checks an `Authorization` header against the token without leaking, through timing, how much matched
 * (only whether the length matched: every token this server makes has the same length).
 */
export function checkBearerToken(header: string | undefined, token: string): TokenCheck {
  if (header === undefined || header === '') return TokenCheck.Missing;
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (match === null) return TokenCheck.Invalid;
  const given = Buffer.from(match[1] ?? '', 'utf8');
  const expected = bytesOf(token);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? TokenCheck.Valid : TokenCheck.Invalid;
}

/** The server's own token as bytes, made once rather than on every request. */
let lastToken: { token: string; bytes: Buffer } | undefined;

function bytesOf(token: string): Buffer {
  if (lastToken?.token !== token) lastToken = { token, bytes: Buffer.from(token, 'utf8') };
  return lastToken.bytes;
}
