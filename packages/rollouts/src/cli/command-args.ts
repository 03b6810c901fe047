// Small readers commands share: positional argument counts (a wrong count prints the usage) and typed flag values.
import type { Invocation } from './command-spec.js';
import { CliUsageError } from './errors.js';

/** The positional args, when there are exactly `count` (or at least `min`); otherwise a usage error. */
export function expectArgs(invocation: Invocation, count: { exactly: number } | { atLeast: number }): string[] {
  const { args } = invocation.parsed;
  const ok = 'exactly' in count ? args.length === count.exactly : args.length >= count.atLeast;
  if (!ok) throw new CliUsageError(invocation.usage);
  return args;
}

export function boolFlag(invocation: Invocation, name: string): boolean {
  return invocation.parsed.flags[name] === true;
}

export function stringFlag(invocation: Invocation, name: string): string {
  const value = invocation.parsed.flags[name];
  return typeof value === 'string' ? value : '';
}

/** Int and duration flags (durations in ms). */
export function numberFlag(invocation: Invocation, name: string): number {
  const value = invocation.parsed.flags[name];
  return typeof value === 'number' ? value : 0;
}

export function stringArrayFlag(invocation: Invocation, name: string): string[] {
  const value = invocation.parsed.flags[name];
  return Array.isArray(value) ? value : [];
}
