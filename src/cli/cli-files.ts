/**
 * The command's input and output paths, shared by its commands (run,
 * compare, import-osm, sweep): reading a file or standard input, and checking
 * an output folder before any work.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../core/index.js';
import { outputFolderProblem, recoverOutputFolder } from '../io/internal.js';

const CLI = 'sightline';

/** Checks an output folder before any work, and cleans what an interrupted earlier write to it left (usage error, exit 2, when it cannot be written). */
export function prepareOutFolder(ctx: { cwd: string }, flag: string, value: string, ownNames: readonly string[]): string {
  const problem = outputFolderProblem(value === '' ? '' : resolve(ctx.cwd, value), ownNames);
  if (problem) throw new UsageError(CLI, `${flag} ${JSON.stringify(value)}: ${problem}`);
  const dir = resolve(ctx.cwd, value);
  recoverOutputFolder(dir);
  return dir;
}

/** The text of an input file, or of standard input when the name is `-`. */
export function readInput(file: string): string {
  try {
    return file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(CLI, `cannot read ${file === '-' ? 'standard input' : file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

