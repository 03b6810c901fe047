// Resolves a probe's port: a number, a numeric string, or the name of one of the container's ports.
import type { Container, DeepReadonly, IntOrString } from '@aviary/kube';

/** The probe names a port the container does not declare. */
export class ProbePortError extends Error {
  override readonly name = 'ProbePortError';
}

/** The port number a probe targets; throws ProbePortError for an unknown name or an out-of-range number. */
export function resolveProbePort(port: IntOrString, container: DeepReadonly<Container>): number {
  let value: number | undefined;
  if (typeof port === 'number') value = port;
  else if (/^\d+$/.test(port)) value = Number(port);
  else value = container.ports?.find((candidate) => candidate.name === port)?.containerPort;
  if (value === undefined) throw new ProbePortError(`port "${String(port)}" not found`);
  if (!Number.isInteger(value) || value < 1 || value > 65535) throw new ProbePortError(`invalid port number: ${value}`);
  return value;
}
