// Built-in app programs: where each app's script is and the node command line that runs it.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The built-in apps (one script each under runtime/apps/). */
export const AppName = {
  RolloutsDemo: 'rollouts-demo',
  KubernetesBootcamp: 'kubernetes-bootcamp',
  Nginx: 'nginx',
  Whalesay: 'whalesay',
  Argosay: 'argosay',
} as const;
export type AppName = (typeof AppName)[keyof typeof AppName];

let tsxLoaderUrl: string | undefined;

/** The tsx loader, resolved from this package so it works whatever the container's cwd is. */
function resolveTsxLoader(): string {
  tsxLoaderUrl ??= pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return tsxLoaderUrl;
}

/**
 * The command that runs an app: `node dist/runtime/apps/<app>.js` from the build; when only the
 * TypeScript source is present (tests run from sources), `node --import tsx src/runtime/apps/<app>.ts`.
 */
export function resolveAppCommand(app: AppName): string[] {
  const compiled = fileURLToPath(new URL(`./apps/${app}.js`, import.meta.url));
  if (existsSync(compiled)) return [process.execPath, compiled];
  const source = fileURLToPath(new URL(`./apps/${app}.ts`, import.meta.url));
  return [process.execPath, '--import', resolveTsxLoader(), source];
}
