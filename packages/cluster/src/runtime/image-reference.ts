// Image references: parses `[registry/]path[:tag][@digest]` and normalizes Docker Hub names for catalog lookups.

export interface ImageReference {
  /** The reference as written. */
  readonly raw: string;
  /** The registry host (`docker.io` when none is written). */
  readonly registry: string;
  /** The repository path without registry, with Docker Hub's `library/` dropped: `nginx`, `argoproj/rollouts-demo`. */
  readonly repository: string;
  /** The tag (`latest` when neither tag nor digest is written; undefined when only a digest is). */
  readonly tag?: string;
  readonly digest?: string;
}

const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

/** Is the first path component a registry host rather than a Docker Hub namespace? (Docker's own rule.) */
function isRegistryHost(component: string): boolean {
  return component.includes('.') || component.includes(':') || component === 'localhost';
}

/**
 * Parses an image reference the way the Docker reference grammar reads it.
 *
 *   parseImageReference('docker.io/library/nginx:1.27@sha256:ab')
 *   → { registry: 'docker.io', repository: 'nginx', tag: '1.27', digest: 'sha256:ab' }
 */
export function parseImageReference(image: string): ImageReference {
  const raw = image;
  let rest = image.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const parts = rest.split('/');
  let registry = 'docker.io';
  if (parts.length > 1 && isRegistryHost(parts[0] ?? '')) registry = parts.shift() ?? registry;
  if (DOCKER_HUB_ALIASES.has(registry)) registry = 'docker.io';
  if (registry === 'docker.io' && parts.length === 2 && parts[0] === 'library') parts.shift();
  const repository = parts.join('/').toLowerCase();
  if (tag === undefined && digest === undefined) tag = 'latest';
  return { raw, registry, repository, ...(tag === undefined ? {} : { tag }), ...(digest === undefined ? {} : { digest }) };
}

/** The last path component of the repository: `rollouts-demo` for `quay.io/argoproj/rollouts-demo`. */
export function readImageBaseName(reference: ImageReference): string {
  return reference.repository.slice(reference.repository.lastIndexOf('/') + 1);
}
