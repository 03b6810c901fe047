// ProbeOutcome: the result of one probe attempt, with upstream's wording for failures.

export const ProbeResult = { Success: 'success', Failure: 'failure' } as const;
export type ProbeResult = (typeof ProbeResult)[keyof typeof ProbeResult];

export interface ProbeOutcome {
  readonly result: ProbeResult;
  /** Why it failed (`HTTP probe failed with statuscode: 500`), or a note on a success. */
  readonly output: string;
}

export function succeeded(output = ''): ProbeOutcome {
  return { result: ProbeResult.Success, output };
}

export function failed(output: string): ProbeOutcome {
  return { result: ProbeResult.Failure, output };
}

/** How Go's net package words a failed dial, as upstream probe messages quote it. */
export function describeDialError(error: unknown, address: string): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === 'ECONNREFUSED') return `dial tcp ${address}: connect: connection refused`;
  if (code === 'EADDRNOTAVAIL') return `dial tcp ${address}: connect: cannot assign requested address`;
  if (code === 'ECONNRESET') return `read tcp ${address}: read: connection reset by peer`;
  if (code === 'EHOSTUNREACH') return `dial tcp ${address}: connect: no route to host`;
  return `dial tcp ${address}: ${error instanceof Error ? error.message : String(error)}`;
}
