/**
 * Progress output of the command: a bar redrawn in place on a terminal,
 * plain lines otherwise (logs, CI, pipes). Always on stderr, so stdout
 * stays clean for results and `--json`.
 */
import { type ScenarioProgress } from '../scenario/index.js';

/** Where progress is written. */
export interface ProgressSink {
  write(text: string): void;
  /** True on a terminal: a bar redrawn with `\r`. */
  isTTY: boolean;
}

const BAR = 24;

/**
 * Makes a progress printer for runScenario's `onProgress`.
 *
 * @param sink - usually process.stderr
 * @param quiet - print nothing
 * @returns the callback, and `end()` to finish a bar line left open
 * @example const p = createProgressPrinter(process.stderr); await runScenario(spec, { onProgress: p.onProgress });
 */
export function createProgressPrinter(sink: ProgressSink, quiet = false): { onProgress: (e: ScenarioProgress) => void; end: () => void } {
  let open = false;
  const step = (e: ScenarioProgress) => `[${e.index + 1}/${e.total}] ${e.label}`;
  const onProgress = (e: ScenarioProgress) => {
    if (quiet) return;
    if (sink.isTTY) {
      const filled = Math.round(e.fraction * BAR);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR - filled)}`;
      const tail = e.phase === 'end' ? `done in ${((e.ms ?? 0) / 1000).toFixed(2)} s` : `${Math.round(e.fraction * 100)}%${e.detail ? ` ${e.detail}` : ''}`;
      sink.write(`\r\x1b[2K${step(e).padEnd(38)} ${bar} ${tail}`);
      open = e.phase !== 'end';
      if (e.phase === 'end') sink.write('\n');
    } else if (e.phase === 'start') sink.write(`${step(e)} ...\n`);
    else if (e.phase === 'end') sink.write(`${step(e)} done in ${((e.ms ?? 0) / 1000).toFixed(2)} s\n`);
    else if (e.detail) sink.write(`${step(e)} ${Math.round(e.fraction * 100)}% ${e.detail}\n`);
  };
  const end = () => {
    if (open) sink.write('\n');
    open = false;
  };
  return { onProgress, end };
}
