#!/usr/bin/env node
/**
 * Entry point of the `sightline` command (dist/cli.js). Ctrl-C aborts the
 * run cleanly (exit 130); a second Ctrl-C exits at once.
 */
import { runCli } from './cli.js';

const controller = new AbortController();
let interrupts = 0;
process.on('SIGINT', () => {
  interrupts++;
  if (interrupts > 1) process.exit(130);
  process.stderr.write('\ninterrupting: stopping after the current step (Ctrl-C again to quit at once)\n');
  controller.abort();
});

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, signal: controller.signal }).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`sightline: unexpected error: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
