#!/usr/bin/env node
// The `aviary` command: a thin shim that loads the compiled entry point (`aviary up` first starts itself again with
// the Node options it needs, see src/relaunch.ts).
import { relaunchIfNeeded } from '../dist/relaunch.js';

if (!(await relaunchIfNeeded(import.meta.filename, process.argv.slice(2)))) await import('../dist/main.js');
