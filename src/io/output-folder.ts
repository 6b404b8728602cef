/**
 * An output folder written as a unit: a reader (or a crash, SIGKILL
 * included) sees the folder wholly as the previous run left it or wholly as
 * the new run wrote it, never a mix of the two.
 *
 * How: every file of the run is written (and fsync'ed) into a hidden staging
 * folder beside the target, `<parent>/.sightline-staging-<pid>-<rand>-<name>`,
 * with `manifest.json` last (every file of the run with its size and
 * SHA-256). Then the staging folder is renamed into place; when the target
 * already exists it is first renamed aside to `.sightline-old-<pid>-<rand>-<name>`
 * and removed after the swap. A crash before the swap leaves the old folder
 * untouched; the only window where the target is missing is between the two
 * renames, and then both complete folders are beside it. The next write to
 * the same target (or {@link recoverOutputFolder}) rolls such a swap forward,
 * removes what dead processes left behind (staging, old folders, and the
 * `.sightline-tmp-*` files of earlier versions, which the swap drops), and so
 * leaves no temporary file.
 *
 * Files in the target that sightline did not write (not in its previous
 * `manifest.json`, not one of its output names) are kept: they are
 * hard-linked (or copied) into the new folder before the swap. A target
 * holding folders sightline did not write is refused, since it cannot be
 * carried over as a unit: give sightline a folder of its own.
 */
import type { Stats } from 'node:fs';
import { nodeCrypto, nodeFs, nodePath } from '../core/internal.js';
import { TEMP_PREFIX, processAlive as pidAlive, syncDirectory } from './atomic-write.js';

/** The file listing every file of a run, written last. */
export const MANIFEST_FILE = 'manifest.json';
/** Prefix of the hidden staging folder a run writes into (beside the target). */
export const STAGING_PREFIX = '.sightline-staging-';
/** Prefix of the previous output folder while it is being replaced. */
export const OLD_PREFIX = '.sightline-old-';
const PROBE_PREFIX = '.sightline-probe-';
const LEFTOVER = /^\.sightline-(staging|old|probe)-(\d+)-([0-9a-f]{8})(?:-(.*))?$/s;

/** Environment variable of the test-only pause points (see {@link testPause}). */
export const TEST_PAUSE_ENV = 'SIGHTLINE_TEST_PAUSE_AT';

/** One file of an output folder; `data` is called when the file is written. */
export interface OutputFolderFile {
  name: string;
  data: () => string | Uint8Array | Iterable<string>;
}

/** `manifest.json`: every file of the run, in the order written. Same inputs, same bytes (no dates). */
export interface OutputManifest {
  format: 'sightline-outputs';
  formatVersion: 1;
  libraryVersion: string;
  files: { name: string; bytes: number; sha256: string }[];
}

/** Options of the folder writers. */
export interface OutputFolderOptions {
  /** Checked between files and chunks until the swap starts; an abort removes the staging folder and leaves the target as it was. */
  signal?: AbortSignal;
  /** Called after each file with its name. */
  onFile?: (name: string) => void;
  /** Names sightline writes into such a folder (besides those in the previous manifest), e.g. OUTPUT_FILES: files of these names in the target are replaced or dropped, never kept as the user's. */
  ownNames?: readonly string[];
  /** Recorded in manifest.json. */
  libraryVersion: string;
}

/** Tokens of the writes in progress in this process (their leftovers are not stale). */
const active = new Set<string>();

const errCode = (e: unknown): string => (e as NodeJS.ErrnoException)?.code ?? String((e as Error)?.message ?? e);

function lstatOrNull(p: string): Stats | null {
  try {
    return nodeFs.lstatSync(p);
  } catch (e) {
    if (errCode(e) === 'ENOENT' || errCode(e) === 'ENOTDIR') return null;
    throw e;
  }
}

/** The absolute target, with a symbolic link resolved (the link is kept; the folder it points to is replaced). */
function resolveTarget(p: string): string {
  const abs = nodePath.resolve(p);
  const st = lstatOrNull(abs);
  return st?.isSymbolicLink() ? nodeFs.realpathSync(abs) : abs;
}

/** Folder names can hold at most 255 bytes: a long target name is shortened (with a hash) in the staging names. */
function tagOf(name: string): string {
  return Buffer.byteLength(name) <= 160 ? name : `${name.slice(0, 80)}~${nodeCrypto.createHash('sha256').update(name).digest('hex').slice(0, 16)}`;
}

/**
 * The deepest existing ancestor of `abs` (which does not exist), or a problem:
 * an ancestor that is a file, or one that cannot be reached.
 */
function existingAncestor(abs: string): { dir: string } | { problem: string } {
  let p = nodePath.dirname(abs);
  for (;;) {
    let st: Stats | null;
    try {
      st = nodeFs.statSync(p);
    } catch (e) {
      const c = errCode(e);
      if (c !== 'ENOENT' && c !== 'ENOTDIR') return { problem: `${p} cannot be reached (${c})` };
      st = null;
    }
    if (st) return st.isDirectory() ? { dir: p } : { problem: `${p} is a file, not a folder` };
    const up = nodePath.dirname(p);
    if (up === p) return { problem: `no folder of ${abs} exists` };
    p = up;
  }
}

/** Whether new entries can be made in `dir`: makes and removes an empty folder (catches EACCES, EPERM, EROFS, and /proc-like file systems). */
function probeWritable(dir: string): string | null {
  const probe = nodePath.join(dir, `${PROBE_PREFIX}${process.pid}-${nodeCrypto.randomBytes(4).toString('hex')}`);
  try {
    nodeFs.mkdirSync(probe);
  } catch (e) {
    const c = errCode(e);
    const why = c === 'EACCES' || c === 'EPERM' ? 'permission denied' : c === 'EROFS' ? 'read-only file system' : c === 'ENOSPC' ? 'no space left' : 'not a folder files can be written to';
    return `cannot create files in ${dir} (${c}: ${why})`;
  }
  try {
    nodeFs.rmdirSync(probe);
  } catch {
    /* left for the next run's clean-up */
  }
  return null;
}

/** Names in the target's previous manifest.json (empty when there is none or it does not parse). */
function previousManifestNames(abs: string): Set<string> {
  try {
    const m = JSON.parse(nodeFs.readFileSync(nodePath.join(abs, MANIFEST_FILE), 'utf8')) as Partial<OutputManifest>;
    return new Set(Array.isArray(m?.files) ? m.files.map((f) => String(f?.name)) : []);
  } catch {
    return new Set();
  }
}

function isOurs(name: string, previous: Set<string>, ownNames: readonly string[]): boolean {
  return name === MANIFEST_FILE || previous.has(name) || ownNames.includes(name) || name.startsWith(TEMP_PREFIX);
}

/**
 * Checks, without writing anything (but an empty probe folder), that `dir`
 * can be an output folder: not empty, not a file, not under a file, not the
 * root or a mount point, no folders of the user's inside, and its parent
 * (or the deepest existing ancestor) accepts new entries.
 *
 * @param dir - the output folder (may not exist yet)
 * @param ownNames - names sightline writes there (its files are not the user's)
 * @returns a sentence saying what is wrong, or null when the folder can be written
 * @example const problem = outputFolderProblem('out/almaty', OUTPUT_FILES); if (problem) throw new Error(problem);
 */
export function outputFolderProblem(dir: string, ownNames: readonly string[] = []): string | null {
  if (typeof dir !== 'string' || dir.length === 0) return 'is empty (give a folder name, e.g. out)';
  if (dir.includes('\0')) return 'contains a NUL character';
  let abs: string;
  try {
    abs = resolveTarget(dir);
  } catch (e) {
    return `${nodePath.resolve(dir)} is a symbolic link that cannot be followed (${errCode(e)})`;
  }
  let st: Stats | null;
  try {
    st = lstatOrNull(abs);
  } catch (e) {
    return `${abs} cannot be reached (${errCode(e)})`;
  }
  if (st) {
    if (!st.isDirectory()) return `${abs} exists and is not a folder`;
    if (nodePath.dirname(abs) === abs) return `${abs} is the root of the file system`;
    let entries;
    try {
      entries = nodeFs.readdirSync(abs, { withFileTypes: true });
    } catch (e) {
      return `${abs} cannot be read (${errCode(e)})`;
    }
    const previous = previousManifestNames(abs);
    const folders = entries.filter((e) => e.isDirectory() && !isOurs(e.name, previous, ownNames)).map((e) => `${e.name}/`);
    const others = entries.filter((e) => !e.isDirectory() && !e.isFile() && !e.isSymbolicLink()).map((e) => e.name);
    if (folders.length > 0 || others.length > 0) {
      const list = [...folders, ...others].slice(0, 3).join(', ') + (folders.length + others.length > 3 ? ', …' : '');
      return `${abs} holds ${folders.length > 0 ? 'folders' : 'special files'} sightline did not write (${list}); sightline replaces its output folder as a whole and keeps only plain files of yours, so give it a folder of its own (e.g. ${nodePath.join(abs, 'sightline-out')})`;
    }
    try {
      if (nodeFs.statSync(nodePath.dirname(abs)).dev !== st.dev) return `${abs} is a mount point; sightline writes a new folder beside the old one and swaps them, so give it a folder inside (e.g. ${nodePath.join(abs, 'sightline-out')})`;
    } catch (e) {
      return `${nodePath.dirname(abs)} cannot be reached (${errCode(e)})`;
    }
    return probeWritable(nodePath.dirname(abs));
  }
  const anchor = existingAncestor(abs);
  if ('problem' in anchor) return anchor.problem;
  return probeWritable(anchor.dir);
}

/**
 * Checks, like {@link outputFolderProblem}, that `file` can be written as one
 * output file (replaced atomically when it exists).
 *
 * @param file - the output file
 * @returns a sentence saying what is wrong, or null
 * @example outputFileProblem('scenario.schema.json') // null
 */
export function outputFileProblem(file: string): string | null {
  if (typeof file !== 'string' || file.length === 0) return 'is empty (give a file name)';
  if (file.includes('\0')) return 'contains a NUL character';
  if (/[\\/]$/.test(file)) return `${nodePath.resolve(file)} names a folder (give a file name)`;
  let abs: string;
  try {
    abs = resolveTarget(file);
  } catch (e) {
    return `${nodePath.resolve(file)} is a symbolic link that cannot be followed (${errCode(e)})`;
  }
  let st: Stats | null;
  try {
    st = lstatOrNull(abs);
  } catch (e) {
    return `${abs} cannot be reached (${errCode(e)})`;
  }
  if (st?.isDirectory()) return `${abs} is a folder (give a file name)`;
  if (st && !st.isFile()) return `${abs} exists and is not a regular file`;
  if (st) return probeWritable(nodePath.dirname(abs));
  const anchor = existingAncestor(abs);
  if ('problem' in anchor) return anchor.problem;
  return probeWritable(anchor.dir);
}

/** Creates the missing folders of `dir`, one level at a time (Node's recursive mkdir loops forever on some file systems, e.g. /proc). */
export function makeFolders(dir: string): void {
  const missing: string[] = [];
  let p = nodePath.resolve(dir);
  for (;;) {
    let st: Stats | null = null;
    try {
      st = nodeFs.statSync(p);
    } catch (e) {
      if (errCode(e) !== 'ENOENT') throw e;
    }
    if (st) break;
    missing.push(p);
    const up = nodePath.dirname(p);
    if (up === p) break;
    p = up;
  }
  for (let i = missing.length - 1; i >= 0; i--) {
    try {
      nodeFs.mkdirSync(missing[i]);
    } catch (e) {
      if (errCode(e) !== 'EEXIST') throw e;
    }
  }
}

/** A write is still running when its process is alive (in this process: when its token is active). */
function writeAlive(pid: number, token: string): boolean {
  return pid === process.pid ? active.has(token) : pidAlive(pid);
}

/**
 * Repairs what an interrupted write to `dir` left behind, for writes whose
 * process is gone: a swap cut between its two renames is completed (the new
 * folder put in place, or the old one put back when the new one is
 * missing); staging and old folders and probe folders are removed. Writes
 * still running (their process is alive) are left alone. Called at the
 * start of every write; safe to call any time.
 *
 * @param dir - the output folder
 * @returns the names removed or moved (for messages and tests)
 * @example recoverOutputFolder('out/almaty');
 */
export function recoverOutputFolder(dir: string): string[] {
  const abs = resolveTarget(dir);
  const parent = nodePath.dirname(abs);
  const tag = tagOf(nodePath.basename(abs));
  let names: string[];
  try {
    names = nodeFs.readdirSync(parent);
  } catch {
    return [];
  }
  const byToken = new Map<string, { staging?: string; old?: string }>();
  const done: string[] = [];
  for (const name of names) {
    const m = LEFTOVER.exec(name);
    if (!m) continue;
    const [, kind, pid, rand, rest] = m;
    const token = `${pid}-${rand}`;
    if (writeAlive(Number(pid), token)) continue;
    if (kind === 'probe') {
      nodeFs.rmSync(nodePath.join(parent, name), { recursive: true, force: true });
      done.push(name);
      continue;
    }
    if (rest !== tag) continue;
    const g = byToken.get(token) ?? {};
    g[kind as 'staging' | 'old'] = nodePath.join(parent, name);
    byToken.set(token, g);
  }
  for (const g of byToken.values()) {
    if (g.old && lstatOrNull(abs) === null) {
      // Cut between "target → old" and "staging → target": finish the swap (the staging folder is complete by then), or undo it.
      nodeFs.renameSync(g.staging ?? g.old, abs);
      done.push(nodePath.basename(g.staging ?? g.old));
      if (g.staging) g.staging = undefined;
      else g.old = undefined;
      syncDirectory(parent);
    }
    for (const p of [g.staging, g.old]) {
      if (p) {
        nodeFs.rmSync(p, { recursive: true, force: true });
        done.push(nodePath.basename(p));
      }
    }
  }
  return done;
}

function writeAll(fd: number, buf: Uint8Array): void {
  let off = 0;
  while (off < buf.length) off += nodeFs.writeSync(fd, buf, off, buf.length - off);
}

/** A point of the write: `chunk` (within a file), `staging`, `file:<name>`, `manifest`, then, after the commit, `aside` and `swapped`. */
interface Step {
  point: string;
  committed: boolean;
}

/** The write as a sequence of steps, so that a synchronous and an asynchronous driver share it. */
function* folderSteps(dir: string, files: readonly OutputFolderFile[], options: OutputFolderOptions): Generator<Step, string[]> {
  const abs = resolveTarget(dir);
  const parent = nodePath.dirname(abs);
  makeFolders(parent);
  const token = `${process.pid}-${nodeCrypto.randomBytes(4).toString('hex')}`;
  const tag = tagOf(nodePath.basename(abs));
  const staging = nodePath.join(parent, `${STAGING_PREFIX}${token}-${tag}`);
  let committed = false;
  active.add(token);
  try {
    nodeFs.mkdirSync(staging);
    yield { point: 'staging', committed };
    const manifest: OutputManifest = { format: 'sightline-outputs', formatVersion: 1, libraryVersion: options.libraryVersion, files: [] };
    for (const f of files) {
      const hash = nodeCrypto.createHash('sha256');
      let bytes = 0;
      const fd = nodeFs.openSync(nodePath.join(staging, f.name), 'wx', 0o644);
      try {
        const data = f.data();
        const chunks = typeof data === 'string' || data instanceof Uint8Array ? [data] : data;
        for (const chunk of chunks) {
          const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
          writeAll(fd, buf);
          hash.update(buf);
          bytes += buf.length;
          yield { point: 'chunk', committed };
        }
        nodeFs.fsyncSync(fd);
      } finally {
        nodeFs.closeSync(fd);
      }
      manifest.files.push({ name: f.name, bytes, sha256: hash.digest('hex') });
      options.onFile?.(f.name);
      yield { point: `file:${f.name}`, committed };
    }
    const old = lstatOrNull(abs);
    if (old) keepUsersFiles(abs, staging, manifest, options.ownNames ?? [], old);
    const text = Buffer.from(JSON.stringify(manifest, null, 1) + '\n', 'utf8');
    const fd = nodeFs.openSync(nodePath.join(staging, MANIFEST_FILE), 'wx', 0o644);
    try {
      writeAll(fd, text);
      nodeFs.fsyncSync(fd);
    } finally {
      nodeFs.closeSync(fd);
    }
    syncDirectory(staging);
    yield { point: 'manifest', committed };
    // The commit: from here on the write completes (a signal no longer stops it).
    committed = true;
    if (old) {
      const aside = nodePath.join(parent, `${OLD_PREFIX}${token}-${tag}`);
      nodeFs.renameSync(abs, aside);
      yield { point: 'aside', committed };
      try {
        nodeFs.renameSync(staging, abs);
      } catch (e) {
        nodeFs.renameSync(aside, abs);
        committed = false;
        throw e;
      }
      syncDirectory(parent);
      yield { point: 'swapped', committed };
      nodeFs.rmSync(aside, { recursive: true, force: true });
    } else {
      nodeFs.renameSync(staging, abs);
      syncDirectory(parent);
      yield { point: 'swapped', committed };
    }
    return [...manifest.files.map((f) => nodePath.join(dir, f.name)), nodePath.join(dir, MANIFEST_FILE)];
  } finally {
    if (!committed) nodeFs.rmSync(staging, { recursive: true, force: true });
    active.delete(token);
  }
}

/** Carries the user's plain files (and links) of the old folder into the new one; sightline's own old files are dropped. */
function keepUsersFiles(abs: string, staging: string, manifest: OutputManifest, ownNames: readonly string[], old: Stats): void {
  const previous = previousManifestNames(abs);
  const written = new Set(manifest.files.map((f) => f.name));
  for (const e of nodeFs.readdirSync(abs, { withFileTypes: true })) {
    if (isOurs(e.name, previous, ownNames) || written.has(e.name)) continue;
    const from = nodePath.join(abs, e.name);
    const to = nodePath.join(staging, e.name);
    if (e.isSymbolicLink()) nodeFs.symlinkSync(nodeFs.readlinkSync(from), to);
    else if (e.isFile()) {
      try {
        nodeFs.linkSync(from, to);
      } catch {
        nodeFs.copyFileSync(from, to);
      }
    } else throw Object.assign(new Error(`${from} is not a plain file sightline can keep (checked before the run; it appeared since)`), { code: 'EEXIST' });
  }
  try {
    nodeFs.chmodSync(staging, old.mode & 0o7777);
  } catch {
    /* keep the default mode */
  }
}

/**
 * Writes `files` as the folder `dir`, as a unit (see the file comment),
 * synchronously. The signal is checked between chunks; an abort before the
 * swap leaves `dir` as it was.
 *
 * @param dir - the output folder (created with its missing parents)
 * @param files - the files, in order; `manifest.json` is added
 * @param options - `libraryVersion`, `ownNames`, `signal`, `onFile`
 * @param onAbort - throws the caller's abort error
 * @returns the paths of the files, in order, manifest.json last
 */
export function writeOutputFolder(dir: string, files: readonly OutputFolderFile[], options: OutputFolderOptions, onAbort: (point: string) => never): string[] {
  const steps = folderSteps(dir, files, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (!r.value.committed && options.signal?.aborted) {
      steps.return([]);
      onAbort(r.value.point);
    }
  }
}

/**
 * {@link writeOutputFolder} that lets the event loop run between files (and
 * every ~50 ms within a large file), so a SIGINT or SIGTERM handler can abort
 * it; also honours the test-only pause points of {@link testPause}.
 *
 * @returns the paths of the files, in order, manifest.json last
 */
export async function writeOutputFolderAsync(dir: string, files: readonly OutputFolderFile[], options: OutputFolderOptions, onAbort: (point: string) => never): Promise<string[]> {
  const steps = folderSteps(dir, files, options);
  let last = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    const { point, committed } = r.value;
    if (point !== 'chunk' || performance.now() - last > 50) {
      await new Promise<void>((res) => setImmediate(res));
      await testPause(`write:${point}`, options.signal);
      last = performance.now();
    }
    if (!committed && options.signal?.aborted) {
      steps.return([]);
      onAbort(point);
    }
  }
}

/**
 * Test-only: when the environment variable SIGHTLINE_TEST_PAUSE_AT equals
 * `point`, prints `sightline-test: paused at <point>` on stderr and waits
 * (until the signal aborts, or 10 minutes), so a test can kill the process
 * at that exact point. Does nothing otherwise.
 *
 * @param point - e.g. `write:file:results.json`
 * @param signal - ends the pause early
 */
export async function testPause(point: string, signal?: AbortSignal): Promise<void> {
  if (process.env[TEST_PAUSE_ENV] !== point) return;
  process.stderr.write(`sightline-test: paused at ${point}\n`);
  await new Promise<void>((res) => {
    const t = setTimeout(res, 600_000);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        res();
      },
      { once: true },
    );
  });
}
