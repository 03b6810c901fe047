#!/usr/bin/env node
// The kubectl-argo-rollouts plugin binary: with it on PATH, `kubectl argo rollouts …` runs the compiled CLI.
import { main } from '../dist/cli/main.js';

await main();
