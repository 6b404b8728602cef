/**
 * The Node.js side of `#platform` (package.json "imports"): everything the
 * library needs from Node's built-in modules, behind one module, so that the
 * browser build (src/core/platform-browser.ts, chosen by the `browser`
 * condition) reaches no `node:` import at all.
 *
 * Two kinds of members:
 * - runtime services with a browser counterpart: {@link availableParallelism},
 *   {@link fullCollector}, {@link workerFileUrl}, {@link startWorker};
 * - Node-only modules (`nodeFs`, `nodePath`, …), used only inside functions
 *   that read or write files (scenario files, output folders, report
 *   assets). In the browser they are stand-ins that throw a UsageError on
 *   first use.
 *
 * Other layers import these through src/core/internal.ts. Layer-specific
 * Node-only code that the browser never reaches (the CLI, the sweep runner,
 * the worker entry files) keeps its `node:` imports.
 *
 * @internal
 */
import { existsSync } from 'node:fs';
import { availableParallelism as osParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

export { fullCollector } from './collect-garbage.js';

import * as nodeFs from 'node:fs';
import * as nodePath from 'node:path';
import * as nodeCrypto from 'node:crypto';
import * as nodeModule from 'node:module';
import * as nodeUrl from 'node:url';
import * as nodeWorkerThreads from 'node:worker_threads';
import * as nodeZlib from 'node:zlib';

export { nodeFs, nodePath, nodeCrypto, nodeModule, nodeUrl, nodeWorkerThreads, nodeZlib };

/** Which platform this module serves. */
export const PLATFORM: 'node' | 'browser' = 'node';

/** How many threads the machine can run at once (Node: `os.availableParallelism()`). */
export function availableParallelism(): number {
  return osParallelism();
}

/**
 * The URL of a worker file next to the calling module, or null when it is
 * not there (e.g. running from the TypeScript sources): then the parallel
 * engines run on the calling thread.
 *
 * @param fileName - the worker file, relative to `baseUrl` (e.g. `./coverage-worker.js`)
 * @param baseUrl - the calling module's `import.meta.url`
 */
export function workerFileUrl(fileName: string, baseUrl: string): URL | null {
  try {
    const url = new URL(fileName, baseUrl);
    return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : null;
  } catch {
    return null;
  }
}

/** Starts a worker thread on `url`, `unref`ed so that it never keeps the process alive. */
export function startWorker(url: URL): Worker {
  const w = new Worker(url);
  w.unref();
  return w;
}
