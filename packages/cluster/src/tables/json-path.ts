// The JSONPath subset CRD printer columns use: `.a.b`, `.a[0]`, `.a[*].b`, `.a[?(@.type=="Ready")].status`.

type Step =
  | { kind: 'field'; name: string }
  | { kind: 'index'; index: number }
  | { kind: 'all' }
  | { kind: 'filter'; field: string; op: '==' | '!='; value: string };

export class JsonPathError extends Error {
  override readonly name = 'JsonPathError';
}

/** Parses a column path such as `.status.conditions[?(@.type=="Ready")].status`. */
export function parseJsonPath(path: string): Step[] {
  const text = path.trim().replace(/^\{(.*)\}$/, '$1').replace(/^\$/, '');
  const steps: Step[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === '.') {
      const match = /^\.([^.[\]]+)/.exec(text.slice(i));
      if (!match) throw new JsonPathError(`unrecognized column definition "${path}"`);
      steps.push({ kind: 'field', name: match[1]! });
      i += match[0].length;
    } else if (char === '[') {
      const end = text.indexOf(']', i);
      if (end < 0) throw new JsonPathError(`unrecognized column definition "${path}"`);
      steps.push(parseBracket(text.slice(i + 1, end), path));
      i = end + 1;
    } else {
      throw new JsonPathError(`unrecognized column definition "${path}"`);
    }
  }
  return steps;
}

function parseBracket(inner: string, path: string): Step {
  if (inner === '*') return { kind: 'all' };
  if (/^-?\d+$/.test(inner)) return { kind: 'index', index: Number(inner) };
  const quoted = /^['"](.*)['"]$/.exec(inner);
  if (quoted) return { kind: 'field', name: quoted[1]! };
  const filter = /^\?\(@\.([\w.-]+)\s*(==|!=)\s*["']?([^"')]*)["']?\)$/.exec(inner);
  if (filter) return { kind: 'filter', field: filter[1]!, op: filter[2] as '==' | '!=', value: filter[3]! };
  throw new JsonPathError(`unrecognized column definition "${path}"`);
}

/** Every value the path reaches, in document order (missing keys reach nothing). */
export function findJsonPath(root: unknown, steps: readonly Step[]): unknown[] {
  let current: unknown[] = [root];
  for (const step of steps) {
    const next: unknown[] = [];
    for (const value of current) {
      if (step.kind === 'field') {
        if (isRecord(value) && step.name in value) next.push(value[step.name]);
      } else if (step.kind === 'index') {
        if (Array.isArray(value)) {
          const at = step.index < 0 ? value.length + step.index : step.index;
          if (at >= 0 && at < value.length) next.push(value[at]);
        }
      } else if (step.kind === 'all') {
        if (Array.isArray(value)) next.push(...value);
        else if (isRecord(value)) next.push(...Object.values(value));
      } else if (Array.isArray(value)) {
        for (const item of value) {
          const field = isRecord(item) ? String(item[step.field] ?? '') : undefined;
          if (field !== undefined && (step.op === '==') === (field === step.value)) next.push(item);
        }
      }
    }
    current = next;
  }
  return current;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
