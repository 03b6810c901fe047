// RFC 6902 JSON Patch (add, remove, replace, move, copy, test) over RFC 6901 pointers; never mutates its inputs.
import { copyJson, isPlainJsonObject, jsonDeepEqual, setOwnMember } from './json-values.js';

export type JsonPatchOperation =
  | { op: 'add'; path: string; value: unknown }
  | { op: 'remove'; path: string }
  | { op: 'replace'; path: string; value: unknown }
  | { op: 'move'; from: string; path: string }
  | { op: 'copy'; from: string; path: string }
  | { op: 'test'; path: string; value: unknown };

/** Why a patch failed. InvalidPatch is a malformed patch (HTTP 400); the others fail to apply (HTTP 422). */
export const JsonPatchErrorReason = {
  InvalidPatch: 'InvalidPatch',
  PathNotFound: 'PathNotFound',
  InvalidIndex: 'InvalidIndex',
  InvalidTarget: 'InvalidTarget',
  TestFailed: 'TestFailed',
} as const;
export type JsonPatchErrorReason = (typeof JsonPatchErrorReason)[keyof typeof JsonPatchErrorReason];

/** A JSON patch that is malformed or does not apply; names the operation (0-based) and its path. */
export class JsonPatchError extends Error {
  override readonly name = 'JsonPatchError';
  readonly reason: JsonPatchErrorReason;
  /** Index of the failing operation; undefined when the patch as a whole is malformed. */
  readonly operationIndex: number | undefined;
  readonly op: string | undefined;
  /** The pointer being resolved when it failed (`path`, or `from` for move/copy sources). */
  readonly path: string | undefined;

  constructor(options: { reason: JsonPatchErrorReason; message: string; operationIndex?: number; op?: string; path?: string }) {
    const where = options.operationIndex === undefined ? '' : `operation ${options.operationIndex} (${options.op ?? '?'} ${options.path ?? ''}): `;
    super(`json patch ${where}${options.message}`);
    this.reason = options.reason;
    this.operationIndex = options.operationIndex;
    this.op = options.op;
    this.path = options.path;
  }
}

export function isJsonPatchError(err: unknown): err is JsonPatchError {
  return err instanceof JsonPatchError;
}

/** Splits an RFC 6901 pointer into unescaped tokens: `/a~1b/~0c` → `['a/b', '~c']`; "" → [] (the whole document). */
export function parseJsonPointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`pointer ${JSON.stringify(pointer)} must be empty or start with '/'`);
  return pointer
    .slice(1)
    .split('/')
    .map((token) => {
      if (/~(?![01])/.test(token)) throw new Error(`pointer ${JSON.stringify(pointer)} has an invalid '~' escape`);
      return token.replace(/~1/g, '/').replace(/~0/g, '~');
    });
}

/** Builds a pointer from unescaped tokens: `['metadata', 'labels', 'a/b']` → `/metadata/labels/a~1b`. */
export function formatJsonPointer(tokens: readonly string[]): string {
  return tokens.map((token) => `/${token.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** Thrown inside one operation; applyJsonPatch adds the operation's index and op. */
class StepFailure extends Error {
  constructor(
    readonly reason: JsonPatchErrorReason,
    message: string,
    readonly pointer: string,
  ) {
    super(message);
  }
}

const ARRAY_INDEX = /^(0|[1-9][0-9]*)$/;

/** The document under patch, boxed so that operations on "" can replace it. */
interface Box {
  doc: unknown;
}

function tokensOf(pointer: string): string[] {
  try {
    return parseJsonPointer(pointer);
  } catch (err: unknown) {
    throw new StepFailure(JsonPatchErrorReason.InvalidPatch, (err as Error).message, pointer);
  }
}

/** The value at `pointer`; fails when any step is missing. */
function getValue(box: Box, pointer: string): unknown {
  let current = box.doc;
  for (const token of tokensOf(pointer)) current = childOf(current, token, pointer);
  return current;
}

function childOf(container: unknown, token: string, pointer: string): unknown {
  if (Array.isArray(container)) return container[existingIndex(container, token, pointer)];
  if (isPlainJsonObject(container) && Object.hasOwn(container, token)) return container[token];
  throw new StepFailure(JsonPatchErrorReason.PathNotFound, 'path not found', pointer);
}

function existingIndex(array: unknown[], token: string, pointer: string): number {
  if (!ARRAY_INDEX.test(token)) throw new StepFailure(JsonPatchErrorReason.InvalidIndex, `invalid array index ${JSON.stringify(token)}`, pointer);
  const index = Number(token);
  if (index >= array.length) throw new StepFailure(JsonPatchErrorReason.InvalidIndex, `array index ${index} out of bounds (length ${array.length})`, pointer);
  return index;
}

/** The container holding the pointer's last token, and that token; undefined parent for "". */
function parentOf(box: Box, pointer: string): { parent: unknown; last: string } | undefined {
  const tokens = tokensOf(pointer);
  const last = tokens.pop();
  if (last === undefined) return undefined;
  let parent = box.doc;
  for (const token of tokens) parent = childOf(parent, token, pointer);
  return { parent, last };
}

function addValue(box: Box, pointer: string, value: unknown): void {
  const location = parentOf(box, pointer);
  if (location === undefined) {
    box.doc = value;
    return;
  }
  const { parent, last } = location;
  if (Array.isArray(parent)) {
    if (last === '-') {
      parent.push(value);
      return;
    }
    if (!ARRAY_INDEX.test(last)) throw new StepFailure(JsonPatchErrorReason.InvalidIndex, `invalid array index ${JSON.stringify(last)}`, pointer);
    const index = Number(last);
    if (index > parent.length) throw new StepFailure(JsonPatchErrorReason.InvalidIndex, `array index ${index} out of bounds (length ${parent.length})`, pointer);
    parent.splice(index, 0, value);
  } else if (isPlainJsonObject(parent)) {
    setOwnMember(parent, last, value);
  } else {
    throw new StepFailure(JsonPatchErrorReason.InvalidTarget, 'parent is neither an object nor an array', pointer);
  }
}

function removeValue(box: Box, pointer: string): unknown {
  const location = parentOf(box, pointer);
  if (location === undefined) throw new StepFailure(JsonPatchErrorReason.InvalidTarget, 'cannot remove the whole document', pointer);
  const { parent, last } = location;
  if (Array.isArray(parent)) return parent.splice(existingIndex(parent, last, pointer), 1)[0];
  if (isPlainJsonObject(parent) && Object.hasOwn(parent, last)) {
    const removed = parent[last];
    delete parent[last];
    return removed;
  }
  throw new StepFailure(JsonPatchErrorReason.PathNotFound, 'path not found', pointer);
}

function replaceValue(box: Box, pointer: string, value: unknown): void {
  const location = parentOf(box, pointer);
  if (location === undefined) {
    box.doc = value;
    return;
  }
  const { parent, last } = location;
  if (Array.isArray(parent)) parent[existingIndex(parent, last, pointer)] = value;
  else if (isPlainJsonObject(parent) && Object.hasOwn(parent, last)) setOwnMember(parent, last, value);
  else throw new StepFailure(JsonPatchErrorReason.PathNotFound, 'path not found', pointer);
}

function requireString(operation: Record<string, unknown>, member: 'path' | 'from', index: number): string {
  const value = operation[member];
  if (typeof value !== 'string') {
    throw new JsonPatchError({
      reason: JsonPatchErrorReason.InvalidPatch,
      message: `"${member}" must be a string`,
      operationIndex: index,
      op: typeof operation.op === 'string' ? operation.op : undefined,
    });
  }
  return value;
}

function applyOperation(box: Box, operation: Record<string, unknown>, index: number): void {
  const op = operation.op;
  const path = requireString(operation, 'path', index);
  const needsValue = op === 'add' || op === 'replace' || op === 'test';
  if (needsValue && !Object.hasOwn(operation, 'value')) {
    throw new JsonPatchError({ reason: JsonPatchErrorReason.InvalidPatch, message: '"value" is required', operationIndex: index, op, path });
  }
  const from = op === 'move' || op === 'copy' ? requireString(operation, 'from', index) : undefined;
  try {
    switch (op) {
      case 'add': addValue(box, path, copyJson(operation.value)); break;
      case 'remove': removeValue(box, path); break;
      case 'replace': replaceValue(box, path, copyJson(operation.value)); break;
      case 'copy': addValue(box, path, copyJson(getValue(box, from ?? ''))); break;
      case 'move': {
        if (from === path) {
          getValue(box, path);
          break;
        }
        if (path.startsWith(`${from}/`)) throw new StepFailure(JsonPatchErrorReason.InvalidTarget, `cannot move ${from} into its own child`, path);
        addValue(box, path, removeValue(box, from ?? ''));
        break;
      }
      case 'test':
        if (!jsonDeepEqual(getValue(box, path), operation.value)) throw new StepFailure(JsonPatchErrorReason.TestFailed, 'test failed: value differs', path);
        break;
      default:
        throw new JsonPatchError({ reason: JsonPatchErrorReason.InvalidPatch, message: `unknown operation ${JSON.stringify(op)}`, operationIndex: index, path });
    }
  } catch (err: unknown) {
    if (err instanceof StepFailure) {
      throw new JsonPatchError({ reason: err.reason, message: err.message, operationIndex: index, op: String(op), path: err.pointer });
    }
    throw err;
  }
}

/**
 * Applies an RFC 6902 patch and returns the patched copy; `document` and `patch` are left untouched.
 * The patch is validated as it goes (it may come straight from a request body). Operations apply in
 * order and the first failure throws a JsonPatchError carrying its index and path; nothing is half-applied
 * to the caller's document because the work is done on a copy.
 *
 * @example applyJsonPatch({ a: [1] }, [{ op: 'add', path: '/a/-', value: 2 }]) // { a: [1, 2] }
 */
export function applyJsonPatch<T = unknown>(document: unknown, patch: unknown): T {
  if (!Array.isArray(patch)) {
    throw new JsonPatchError({ reason: JsonPatchErrorReason.InvalidPatch, message: 'a JSON patch must be an array of operations' });
  }
  const box: Box = { doc: copyJson(document) };
  patch.forEach((operation: unknown, index) => {
    if (!isPlainJsonObject(operation)) {
      throw new JsonPatchError({ reason: JsonPatchErrorReason.InvalidPatch, message: 'an operation must be an object', operationIndex: index });
    }
    applyOperation(box, operation, index);
  });
  return box.doc as T;
}
