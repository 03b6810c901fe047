// The resourceFieldRef downward API (limits.cpu, requests.memory, …) and the resource quantity parsing it needs.
//
// (pkg/api/v1/resource/helpers.go ExtractContainerResourceValue) CPU rounds up to whole divisor units,
// memory and storage too; a limit the container does not set is the node's allocatable amount.
import type { Container, DeepReadonly, Pod, ResourceFieldSelector } from '@aviary/kube';
import { ContainerConfigError } from './container-config-error.js';

const SUFFIX_FACTORS: Readonly<Record<string, number>> = {
  '': 1, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

/** A quantity in base units: `500m` → 0.5, `64Mi` → 67108864, `1e3` → 1000; undefined when it does not parse. */
export function parseQuantity(quantity: string | number | undefined): number | undefined {
  if (quantity === undefined) return undefined;
  if (typeof quantity === 'number') return quantity;
  const match = /^([+-]?\d+(?:\.\d*)?|[+-]?\.\d+)(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E)?)$/.exec(quantity.trim());
  if (match === null) return undefined;
  const base = Number(match[1]);
  if (match[2] !== undefined) return base * 10 ** Number(match[2].slice(1));
  return base * (SUFFIX_FACTORS[match[3] ?? ''] ?? 1);
}

/** The value of one resourceFieldRef for a container, as a decimal string. */
export function resolveResourceFieldRef(input: {
  readonly pod: DeepReadonly<Pod>;
  readonly container: DeepReadonly<Container>;
  readonly selector: DeepReadonly<ResourceFieldSelector>;
  readonly nodeAllocatable: Readonly<Record<string, string>>;
}): string {
  const { selector } = input;
  const target = selector.containerName
    ? [...(input.pod.spec?.containers ?? []), ...(input.pod.spec?.initContainers ?? [])].find((c) => c.name === selector.containerName)
    : input.container;
  const [kind, resource] = selector.resource.split('.', 2) as [string, string | undefined];
  if ((kind !== 'limits' && kind !== 'requests') || resource === undefined) {
    throw new ContainerConfigError(`unsupported container resource : ${selector.resource}`);
  }
  const declared = kind === 'limits' ? target?.resources?.limits?.[resource] : (target?.resources?.requests?.[resource] ?? target?.resources?.limits?.[resource]);
  const fallback = kind === 'limits' ? input.nodeAllocatable[resource] : '0';
  const amount = parseQuantity(declared ?? fallback) ?? 0;
  const divisor = parseQuantity(selector.divisor ?? '1') || 1;
  return String(Math.ceil(amount / divisor - 1e-9));
}
