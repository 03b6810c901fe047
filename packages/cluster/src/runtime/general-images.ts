// General-purpose images: their containers run their command on the host (busybox's `sh -c` is the host's /bin/sh).
import type { ImageReference } from './image-reference.js';

/**
 * Repository → the image's default CMD, used when the container gives neither command nor args.
 * With no stdin these shells and interpreters exit at once, as the real images do in a pod.
 */
const GENERAL_IMAGE_DEFAULT_COMMANDS: Readonly<Record<string, readonly string[]>> = {
  busybox: ['sh'],
  alpine: ['/bin/sh'],
  ubuntu: ['/bin/bash'],
  debian: ['bash'],
  centos: ['/bin/bash'],
  fedora: ['/bin/bash'],
  rockylinux: ['/bin/bash'],
  almalinux: ['/bin/bash'],
  amazonlinux: ['/bin/bash'],
  bash: ['bash'],
  python: ['python3'],
  node: ['node'],
  perl: ['perl', '-de0'],
  ruby: ['irb'],
  golang: ['bash'],
  'curlimages/curl': ['curl'],
  'bitnami/kubectl': ['kubectl'],
  'alpine/curl': ['/bin/sh'],
  'alpine/git': ['git'],
};

/** Is this a general image whose containers run their own command on the host? */
export function isGeneralImage(reference: ImageReference): boolean {
  return Object.hasOwn(GENERAL_IMAGE_DEFAULT_COMMANDS, reference.repository);
}

/** The default command of a general image (undefined for other images). */
export function readGeneralImageDefaultCommand(reference: ImageReference): readonly string[] | undefined {
  return GENERAL_IMAGE_DEFAULT_COMMANDS[reference.repository];
}
