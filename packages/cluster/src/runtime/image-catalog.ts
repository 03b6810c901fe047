// The image catalog: the images the documents use, each mapped to a built-in app that behaves like it.
import { AppName } from './app-script.js';
import { parseImageReference, type ImageReference } from './image-reference.js';

/** What `docker inspect` would say about an image: how it starts and its ENV. */
export interface ImageConfig {
  readonly entrypoint: readonly string[];
  readonly cmd: readonly string[];
  readonly env: Readonly<Record<string, string>>;
}

/** An executable inside the image that a built-in app plays. */
export interface CatalogProgram {
  /** Base names matched against argv[0], argv[1], …: `['cowsay']`, or `['node', 'server.js']`. */
  readonly argv: readonly string[];
  readonly app: AppName;
  /** Arguments put before the container's own (the image's variant of a shared app). */
  readonly appArgs?: readonly string[];
}

export interface CatalogImage {
  /** The normalized repository, as parseImageReference gives it. */
  readonly repository: string;
  readonly summary: string;
  readonly programs: readonly CatalogProgram[];
  /** Leading executables that only hand over to the rest of argv (an entrypoint script's `exec "$@"`). */
  readonly wrappers?: readonly string[];
  /** The port the app listens on when the container declares none. */
  readonly defaultPort?: number;
  /** The image configuration for a tag (undefined when only a digest was given). */
  configFor(tag: string | undefined): ImageConfig;
}

/** The rollouts demo's tags: `<color>`, `bad-<color>` (ERROR_RATE=15) and `slow-<color>` (LATENCY=2), per its release.sh. */
export function readRolloutsDemoEnv(tag: string | undefined): Record<string, string> {
  if (tag === undefined || tag === 'latest') return {};
  if (tag.startsWith('bad-')) return { COLOR: tag.slice('bad-'.length), ERROR_RATE: '15' };
  if (tag.startsWith('slow-')) return { COLOR: tag.slice('slow-'.length), LATENCY: '2' };
  return { COLOR: tag };
}

const NO_ENV: Readonly<Record<string, string>> = {};

export const IMAGE_CATALOG: readonly CatalogImage[] = [
  {
    repository: 'argoproj/rollouts-demo',
    summary: 'the Argo Rollouts demo: HTTP on 8080, GET / draws the colors /color answers',
    programs: [{ argv: ['rollouts-demo'], app: AppName.RolloutsDemo }],
    defaultPort: 8080,
    configFor: (tag) => ({ entrypoint: ['/rollouts-demo'], cmd: [], env: readRolloutsDemoEnv(tag) }),
  },
  {
    repository: 'jocatalin/kubernetes-bootcamp',
    summary: 'the Kubernetes tutorial app: HTTP on 8080 answering "Hello Kubernetes bootcamp!"',
    programs: [{ argv: ['node', 'server.js'], app: AppName.KubernetesBootcamp }],
    defaultPort: 8080,
    configFor: () => ({ entrypoint: [], cmd: ['node', 'server.js'], env: NO_ENV }),
  },
  {
    repository: 'nginx',
    summary: 'nginx serving its welcome page on port 80',
    programs: [{ argv: ['nginx'], app: AppName.Nginx }],
    wrappers: ['docker-entrypoint.sh'],
    defaultPort: 80,
    configFor: () => ({ entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'], env: NO_ENV }),
  },
  {
    repository: 'docker/whalesay',
    summary: 'cowsay with the Docker whale',
    programs: [{ argv: ['cowsay'], app: AppName.Whalesay }],
    configFor: () => ({ entrypoint: [], cmd: ['/bin/bash'], env: NO_ENV }),
  },
  {
    repository: 'argoproj/argosay',
    summary: "Argo Workflows' test image: argosay echo / cat / sleep / exit / assert_contains, and cowsay",
    programs: [
      { argv: ['argosay'], app: AppName.Argosay },
      { argv: ['cowsay'], app: AppName.Whalesay, appArgs: ['-f', 'default'] },
    ],
    // v1 is Ubuntu with cowsay (CMD cowsay); v2 adds the /argosay script as ENTRYPOINT.
    configFor: (tag) =>
      tag === 'v1'
        ? { entrypoint: [], cmd: ['cowsay'], env: NO_ENV }
        : { entrypoint: ['/argosay'], cmd: [], env: NO_ENV },
  },
];

export interface CatalogMatch {
  readonly image: CatalogImage;
  readonly reference: ImageReference;
}

/** Finds the catalog entry for an image reference (any registry, tag or digest), if there is one. */
export function findCatalogImage(image: string, catalog: readonly CatalogImage[] = IMAGE_CATALOG): CatalogMatch | undefined {
  const reference = parseImageReference(image);
  const entry = catalog.find((candidate) => candidate.repository === reference.repository);
  return entry === undefined ? undefined : { image: entry, reference };
}
