// `dashboard`: upstream serves its web UI here. Aviary's dashboard is not built yet, so this says so and exits 1.
import type { Invocation } from '../command-spec.js';
import { CliError } from '../errors.js';

export const dashboardMissingMessage =
  'the Aviary dashboard is not built yet; follow rollouts from the terminal with `kubectl argo rollouts get rollout NAME --watch`';

export function execute(_invocation: Invocation): Promise<number> {
  return Promise.reject(new CliError(dashboardMissingMessage));
}
