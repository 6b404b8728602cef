#!/usr/bin/env node
/**
 * Entry point of the `sightline` command (dist/cli.js). Ctrl-C (SIGINT) and
 * SIGTERM abort the run cleanly — between steps of the analysis, or while
 * the outputs are written, before the new folder is swapped in — with exit
 * 130 (SIGINT) or 143 (SIGTERM); a second signal exits at once (what it
 * leaves behind is removed by the next run to the same folder).
 */
import { runCli } from './cli.js';

const controller = new AbortController();
let signals = 0;
const onSignal = (name: 'SIGINT' | 'SIGTERM') => () => {
  signals++;
  const code = name === 'SIGTERM' ? 143 : 130;
  if (signals > 1) process.exit(code);
  process.stderr.write(`\n${name === 'SIGTERM' ? 'terminating' : 'interrupting'}: stopping after the current step (${name === 'SIGTERM' ? 'SIGTERM' : 'Ctrl-C'} again to quit at once)\n`);
  controller.abort(name);
};
// A closed standard output (\`sightline schema | head\`) ends the command quietly with exit 0, as Unix tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
process.on('SIGINT', onSignal('SIGINT'));
process.on('SIGTERM', onSignal('SIGTERM'));

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, signal: controller.signal }).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`sightline: unexpected error: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
