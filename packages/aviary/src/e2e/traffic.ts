// Measuring a Service's traffic split the way a user would: fresh HTTP connections to its cluster IP.
import http from 'node:http';

/** One GET on a fresh connection (each request is a new proxy connection, as kube-proxy balances). */
export function httpGet(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, timeout: 5_000 }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out`)));
  });
}

/** Counts the answers of `requests` GETs of `/color`, e.g. { '"blue"': 800, '"yellow"': 200 }. */
export async function colorSplit(clusterIP: string, requests: number): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (let i = 0; i < requests; i++) {
    const { body } = await httpGet(`http://${clusterIP}/color`);
    counts[body] = (counts[body] ?? 0) + 1;
  }
  return counts;
}
