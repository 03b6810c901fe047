// The shared setup of the whole-system tests: a local cluster on this worker's address ranges, real kubectl for
// it, and everything removed afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kubectl } from '@aviary/cluster/testing';
import { afterAll, beforeAll } from 'vitest';
import { startLocalCluster, type LocalCluster } from '../local-cluster.js';
import { workerNetwork } from './processes.js';

/** Filled in by the suite's beforeAll; read it inside tests and helpers, not at definition time. */
export interface ClusterFixture {
  dataDir: string;
  cluster: LocalCluster;
  kubectl: Kubectl;
}

/** Registers beforeAll/afterAll for a suite that drives one local cluster with real kubectl. */
export function useLocalCluster(folderPrefix: string): ClusterFixture {
  const fixture = {} as ClusterFixture;
  beforeAll(async () => {
    fixture.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), folderPrefix));
    fixture.cluster = await startLocalCluster({ dataDir: fixture.dataDir, port: 0, ...workerNetwork() });
    fixture.kubectl = new Kubectl(fixture.cluster.kubeconfigPath);
  }, 60_000);
  afterAll(async () => {
    await fixture.cluster?.stop();
    fixture.kubectl?.cleanup();
    if (fixture.dataDir) fs.rmSync(fixture.dataDir, { recursive: true, force: true });
  });
  return fixture;
}
