// Measuring a Service's traffic split the way a user would: fresh HTTP connections to its cluster IP.
import http from 'node:http';

/** One GET on a fresh connection (each request is a new proxy connection, as kube-proxy balances). */
export function httpGet(url: string, options: { timeoutMs?: number } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, timeout: options.timeoutMs ?? 5_000 }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out`)));
  });
}

/**
 * Counts the answers of `requests` GETs of `/color`, e.g. { '"blue"': 800, '"yellow"': 200 }.
 * An aborted `signal` stops between requests and rejects with its reason.
 */
export async function colorSplit(clusterIP: string, requests: number, options: { signal?: AbortSignal } = {}): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (let i = 0; i < requests; i++) {
    options.signal?.throwIfAborted();
    const { body } = await httpGet(`http://${clusterIP}/color`);
    counts[body] = (counts[body] ?? 0) + 1;
  }
  return counts;
}

/**
 * The split as a user reads it, largest share first, answers unquoted: `blue 80% · yellow 20%`.
 * Percentages are rounded, so a rare answer shows as `<1%` rather than vanishing.
 */
export function formatSplit(counts: Readonly<Record<string, number>>): string {
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  if (total === 0) return 'no answers';
  return Object.entries(counts)
    .map(([answer, n]) => ({ name: unquote(answer), n }))
    .sort((a, b) => b.n - a.n || a.name.localeCompare(b.name))
    .map(({ name, n }) => {
      const percent = Math.round((n * 100) / total);
      return `${name} ${percent === 0 ? '<1' : percent}%`;
    })
    .join(' · ');
}

/** Longest answer shown whole; a page from some other server is cut short. */
const maxAnswerLength = 40;

/** The demo app answers `/color` with a JSON string (`"blue"`); anything else is shown as it came, cut short. */
function unquote(answer: string): string {
  let text = answer.trim();
  try {
    const value: unknown = JSON.parse(answer);
    if (typeof value === 'string') text = value;
  } catch {
    // not JSON: shown as it came
  }
  if (text === '') return '(empty)';
  return text.length > maxAnswerLength ? `${text.slice(0, maxAnswerLength - 1)}…` : text;
}
