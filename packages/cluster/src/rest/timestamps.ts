// Kubernetes timestamps: RFC 3339 in UTC with whole seconds (metav1.Time), e.g. `2025-01-02T03:04:05Z`.

/** The last second formatted: every write in the same second reuses the text. */
let last: { second: number; text: string } | undefined;

export function formatTimestamp(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (last?.second !== second) last = { second, text: new Date(second * 1000).toISOString().replace('.000Z', 'Z') };
  return last.text;
}
