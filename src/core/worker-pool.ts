/**
 * A small pool of worker threads for one worker file of the built package,
 * shared by the parallel engines (exact coverage, population exposure).
 *
 * Workers are created on first use and `unref`ed, so they never keep a
 * process alive; a worker that fails is dropped from the pool (its work is
 * redone on the calling thread by the engine). The worker file lives next to
 * the package's entry in `dist/`; when it is absent (e.g. running from the
 * TypeScript sources, or in the browser build: see src/core/platform-browser.ts)
 * {@link WorkerPool.available} is false and the engines run everything on
 * the calling thread.
 */
import type { Worker } from 'node:worker_threads';
import { fullCollector, startWorker, workerFileUrl } from '#platform';

export class WorkerPool {
  private workers: Worker[] = [];
  private url: URL | null | undefined;

  /**
   * @param fileName - the worker file, relative to `baseUrl` (e.g. `./coverage-worker.js`)
   * @param baseUrl - the calling module's `import.meta.url`
   */
  constructor(
    private readonly fileName: string,
    private readonly baseUrl: string,
  ) {}

  /** The worker file's URL, or null when it is not there (resolved once). */
  resolveUrl(): URL | null {
    if (this.url !== undefined) return this.url;
    this.url = workerFileUrl(this.fileName, this.baseUrl);
    return this.url;
  }

  /** True when the worker file exists, so that workers can be started. */
  available(): boolean {
    return this.resolveUrl() !== null;
  }

  /** `count` workers (started as needed), or null when the worker file is absent. */
  get(count: number): Worker[] | null {
    const url = this.resolveUrl();
    if (url === null) return null;
    while (this.workers.length < count) {
      const w = startWorker(url);
      // A worker that fails is dropped from the pool; its work is redone on the calling thread.
      w.on('error', () => {
        this.workers = this.workers.filter((x) => x !== w);
      });
      this.workers.push(w);
    }
    return this.workers.slice(0, count);
  }

  /**
   * Stops every worker without waiting (fresh ones start on the next `get`).
   * A worker's heap keeps its handles on the SharedArrayBuffers it was sent
   * or allocated until that heap is collected, which an idle worker rarely
   * does, so a pool reused by calls that share hundreds of MB per call holds
   * every earlier call's buffers; retiring the workers at the end of such a
   * call releases them at once.
   */
  retire(): void {
    const workers = this.workers;
    this.workers = [];
    for (const w of workers) w.terminate().catch(() => undefined);
  }

  /**
   * Lets the workers drop what earlier calls sent them, keeping them warm:
   * each worker is sent `{ kind: 'release' }`, which the worker file answers
   * by collecting its heap (`fullCollector()?.()`, once its current task is
   * over). Where this process cannot have a full collection on demand (see
   * fullCollector) the workers are retired instead.
   *
   * Why not always retire: a fresh worker loads its module again and runs
   * its first tasks unoptimised, which cost a 1,000,000-trip population call
   * on two threads about a tenth of its time on the reference machine.
   *
   * @param canCollect - whether the workers can collect (default: whether this process can have a full collection on demand)
   * @returns true when the workers were kept (and told to collect), false when they were retired
   */
  release(canCollect = fullCollector() !== null): boolean {
    if (!canCollect) {
      this.retire();
      return false;
    }
    for (const w of this.workers) w.postMessage({ kind: 'release' });
    return true;
  }

  /** Stops every worker (they start again on the next `get`). */
  async terminate(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/**
 * Waits on the calling thread (with `Atomics.wait`, allowed on Node's main
 * thread) until `ctl[1]` — the count of finished chunks — reaches
 * `numChunks`, or until no chunk has finished for `stallMs`. The caller then
 * redoes any chunk that is not marked done (redoing a chunk gives the same
 * numbers, so a late worker is harmless).
 *
 * @param ctl - shared control words: `[next chunk to claim, chunks finished]`
 * @param numChunks - how many chunks there are
 * @param stallMs - how long to wait without progress before giving up on the workers
 */
export function waitForChunks(ctl: Int32Array, numChunks: number, stallMs: number): void {
  let deadline = Date.now() + stallMs;
  let lastDone = -1;
  for (;;) {
    const done = Atomics.load(ctl, 1);
    if (done >= numChunks) return;
    if (done !== lastDone) {
      lastDone = done;
      deadline = Date.now() + stallMs;
    }
    const left = deadline - Date.now();
    if (left <= 0) return;
    Atomics.wait(ctl, 1, done, Math.min(left, 50));
  }
}

/**
 * Claims tasks through the shared counter `ctl[0]` until none is left, runs
 * each, marks it in `status` (1 done, 2 failed: the calling thread redoes or
 * reports it after {@link waitForChunks}) and counts it in `ctl[1]`, waking a
 * thread waiting there. The workers and the calling thread, which works
 * alongside them, claim from the same counter.
 *
 * @param ctl - shared control words: `[next task to claim, tasks finished]`
 * @param status - one word per task: 0 pending, 1 done, 2 failed
 * @param run - runs task `c` (a throw marks it failed)
 */
export function claimTasks(ctl: Int32Array, status: Int32Array, run: (task: number) => void): void {
  const numTasks = status.length;
  for (;;) {
    const c = Atomics.add(ctl, 0, 1);
    if (c >= numTasks) return;
    try {
      run(c);
      Atomics.store(status, c, 1);
    } catch {
      Atomics.store(status, c, 2);
    }
    Atomics.add(ctl, 1, 1);
    Atomics.notify(ctl, 1);
  }
}
