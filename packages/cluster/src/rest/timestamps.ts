// Kubernetes timestamps: RFC 3339 in UTC with whole seconds (metav1.Time), e.g. `2025-01-02T03:04:05Z`.

export function formatTimestamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
