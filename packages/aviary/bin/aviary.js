#!/usr/bin/env node
// The `aviary` command: a thin shim that loads the compiled entry point.
import '../dist/main.js';
