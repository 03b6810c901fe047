// The resource registry: built-in resources plus those installed CRDs define, looked up by URL or by kind.
import type { ResourceInfo } from './resource-info.js';

export type RegistryListener = () => void;

/** Served resources. CRD-defined entries come and go at run time, without a restart. */
export class ResourceRegistry {
  private readonly byPath = new Map<string, ResourceInfo>();
  private readonly byKind = new Map<string, ResourceInfo>();
  private readonly listeners = new Set<RegistryListener>();

  constructor(initial: readonly ResourceInfo[] = []) {
    for (const info of initial) this.index(info);
  }

  /** Every served resource, built-ins first, in registration order. */
  all(): ResourceInfo[] {
    return [...this.byPath.values()];
  }

  /** Group/versions served, each once, in registration order (`''` group is the core `v1`). */
  groupVersions(): { group: string; version: string }[] {
    const seen = new Map<string, { group: string; version: string }>();
    for (const info of this.byPath.values()) seen.set(`${info.group}/${info.version}`, { group: info.group, version: info.version });
    return [...seen.values()];
  }

  lookup(group: string, version: string, resource: string): ResourceInfo | undefined {
    return this.byPath.get(pathKey(group, version, resource));
  }

  lookupKind(group: string, version: string, kind: string): ResourceInfo | undefined {
    return this.byKind.get(pathKey(group, version, kind));
  }

  /** Adds or replaces the entries of one CRD (all its served versions), then notifies listeners. */
  replaceCrd(crdName: string, infos: readonly ResourceInfo[]): void {
    this.removeEntries((info) => info.crdName === crdName);
    for (const info of infos) this.index(info);
    this.notify();
  }

  removeCrd(crdName: string): void {
    if (this.removeEntries((info) => info.crdName === crdName)) this.notify();
  }

  /** Called after every change: discovery and OpenAPI caches drop their documents. */
  onChange(listener: RegistryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private index(info: ResourceInfo): void {
    this.byPath.set(pathKey(info.group, info.version, info.resource), info);
    this.byKind.set(pathKey(info.group, info.version, info.kind), info);
  }

  private removeEntries(match: (info: ResourceInfo) => boolean): boolean {
    let removed = false;
    for (const [key, info] of this.byPath) {
      if (!match(info)) continue;
      this.byPath.delete(key);
      this.byKind.delete(pathKey(info.group, info.version, info.kind));
      removed = true;
    }
    return removed;
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

function pathKey(group: string, version: string, name: string): string {
  return `${group}/${version}/${name}`;
}
