// The opaque `continue` token of paged lists: the list's revision and the last key served, base64-encoded JSON.
import { badRequestError } from '../server/api-errors.js';

export interface ContinuePosition {
  /** The revision of the first page's list. */
  readonly revision: number;
  /** Resume with keys strictly after this one. */
  readonly afterKey: string;
}

export function encodeContinueToken(position: ContinuePosition): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv: position.revision, start: position.afterKey })).toString('base64url');
}

/** Decodes a token from a client; 400 when it is not one of ours. */
export function decodeContinueToken(token: string): ContinuePosition {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { v?: unknown; rv?: unknown; start?: unknown };
    if (parsed.v === 'meta.k8s.io/v1' && typeof parsed.rv === 'number' && typeof parsed.start === 'string' && parsed.start.startsWith('/')) {
      return { revision: parsed.rv, afterKey: parsed.start };
    }
  } catch {
    // fall through to the error below
  }
  throw badRequestError('continue key is not valid: the provided continue parameter is not a token this server issued');
}
