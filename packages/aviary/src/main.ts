// The `aviary` command line: dispatches to up, apiserver, controller and demo.
import { apiserverUsage, runApiserverCommand } from './apiserver-command.js';
import { UsageError } from './command-flags.js';
import { controllerUsage, runControllerCommand } from './controller-command.js';
import { demoUsage, runDemoCommand } from './demo-command.js';
import { runUpCommand, upUsage } from './up-command.js';

const usage = `Usage: aviary <command> [flags]

Commands:
  up          the embedded local cluster (API server, built-in controllers, kubelet, Aviary controllers)
  apiserver   the embedded API server alone
  controller  the Aviary controllers against any cluster
  demo        the rollouts walkthrough against the embedded cluster
`;

const notBuiltYet: Record<string, string> = {};

const commands: Record<string, { run: (argv: readonly string[]) => Promise<number>; usage: string }> = {
  up: { run: runUpCommand, usage: upUsage },
  apiserver: { run: runApiserverCommand, usage: apiserverUsage },
  controller: { run: runControllerCommand, usage: controllerUsage },
  demo: { run: runDemoCommand, usage: demoUsage },
};

async function main(argv: string[]): Promise<number> {
  const command = argv[0];
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(usage);
    return 0;
  }
  const runnable = commands[command];
  if (runnable !== undefined) {
    try {
      return await runnable.run(argv.slice(1));
    } catch (err: unknown) {
      if (err instanceof UsageError) {
        process.stderr.write(`aviary ${command}: ${err.message}\n\n${runnable.usage}`);
        return 2;
      }
      process.stderr.write(`aviary ${command}: ${err instanceof Error ? err.message : String(err)}\n`);
      return 1;
    }
  }
  const missing = notBuiltYet[command];
  if (missing !== undefined) {
    process.stderr.write(`aviary ${command}: ${missing}\nSee README.md for what works today.\n`);
    return 1;
  }
  process.stderr.write(`aviary: unknown command "${command}"\n\n${usage}`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
