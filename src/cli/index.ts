/**
 * The `sightline` command: the top of the layer stack. `main.ts` is the
 * executable (`bin` in package.json); this entry exposes the command as a
 * function, for embedding and for tests, with injectable streams.
 */
export { runCli, EXIT, USAGE, type CliIo } from './cli.js';
export { createProgressPrinter, type ProgressSink } from './progress.js';
