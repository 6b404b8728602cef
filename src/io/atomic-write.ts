/**
 * Atomic file writes: the data goes to a temporary file in the same
 * directory, is flushed to disk (fsync), then renamed over the target, so a
 * reader (or a crash, or Ctrl-C) never sees a half-written file.
 */
import { InvalidInputError } from '../core/index.js';
import { nodeFs, nodePath } from '../core/internal.js';

let counter = 0;

/** Prefix of the temporary files (hidden, recognisable, removed on failure). */
export const TEMP_PREFIX = '.sightline-tmp-';

/**
 * Writes `data` to `path` atomically: temp file in the same directory,
 * write, fsync, rename, then fsync of the directory (best effort). On any
 * failure the temp file is removed and the target is left as it was.
 *
 * @param path - the target file
 * @param data - a string (written as UTF-8) or bytes, or an iterable of string chunks (for large files)
 * @returns nothing
 * @throws {InvalidInputError} when `path` is not a non-empty string
 * @throws the file system's error (ENOENT for a missing directory, EACCES, …) after cleaning up
 * @example writeFileAtomic('out/results.json', JSON.stringify(result));
 */
export function writeFileAtomic(path: string, data: string | Uint8Array | Iterable<string>): void {
  if (typeof path !== 'string' || path.length === 0) throw new InvalidInputError('writeFileAtomic', 'path', 'must be a non-empty string', path);
  const dir = nodePath.dirname(path);
  const tmp = nodePath.join(dir, `${TEMP_PREFIX}${nodePath.basename(path)}-${process.pid}-${++counter}`);
  let fd = -1;
  try {
    fd = nodeFs.openSync(tmp, 'wx', 0o644);
    if (typeof data === 'string' || data instanceof Uint8Array) writeAll(fd, data);
    else for (const chunk of data) writeAll(fd, chunk);
    nodeFs.fsyncSync(fd);
    nodeFs.closeSync(fd);
    fd = -1;
    nodeFs.renameSync(tmp, path);
  } catch (e) {
    if (fd >= 0) {
      try {
        nodeFs.closeSync(fd);
      } catch {
        /* already failing */
      }
    }
    nodeFs.rmSync(tmp, { force: true });
    throw e;
  }
  syncDirectory(dir);
}

function writeAll(fd: number, data: string | Uint8Array): void {
  const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let off = 0;
  while (off < buf.length) off += nodeFs.writeSync(fd, buf, off, buf.length - off);
}

/** fsync of a directory so the rename itself is durable (not supported everywhere: errors ignored). */
export function syncDirectory(dir: string): void {
  let fd = -1;
  try {
    fd = nodeFs.openSync(dir, 'r');
    nodeFs.fsyncSync(fd);
  } catch {
    /* some platforms cannot fsync a directory */
  } finally {
    if (fd >= 0) nodeFs.closeSync(fd);
  }
}

/**
 * Removes the temporary files that writes of `path` by processes now gone
 * (killed mid-write) left beside it. The command calls it before it writes
 * an output file.
 *
 * @param path - the target file
 * @returns the names removed
 * @example removeStaleTempFiles('scenario.schema.json');
 */
export function removeStaleTempFiles(path: string): string[] {
  const dir = nodePath.dirname(path);
  const prefix = `${TEMP_PREFIX}${nodePath.basename(path)}-`;
  let names: string[];
  try {
    names = nodeFs.readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /-(\d+)-\d+$/.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || processAlive(pid)) continue;
    nodeFs.rmSync(nodePath.join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

/** Whether a process with this id exists (EPERM: it does, under another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
