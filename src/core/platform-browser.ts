/**
 * The browser side of `#platform` (package.json "imports", `browser`
 * condition): the same members as src/core/platform-node.ts without any
 * `node:` import (tests/structure/platform.test.ts checks the shapes match).
 *
 * In the browser the library runs on the calling thread: the parallel
 * engines wait for their workers synchronously (`Atomics.wait`, which a
 * browser's main thread refuses) and look for their worker files next to the
 * module, which a bundle does not have, so {@link workerFileUrl} answers null
 * and every `threads` option gives the single-threaded result (identical bit
 * for bit to the multi-threaded one). Collections on demand are not
 * available either ({@link fullCollector} is null).
 *
 * The Node-only modules (`nodeFs`, `nodePath`, …) are stand-ins that throw a
 * {@link UsageError} when used: reading scenario files, writing output
 * folders and building the HTML report need Node.js.
 *
 * @internal
 */
import type * as NodeFs from 'node:fs';
import type * as NodePath from 'node:path';
import type * as NodeCrypto from 'node:crypto';
import type * as NodeModule from 'node:module';
import type * as NodeUrl from 'node:url';
import type * as NodeWorkerThreads from 'node:worker_threads';
import type * as NodeZlib from 'node:zlib';
import { UsageError } from './errors.js';

/** A module that exists only in Node.js: any use throws a UsageError naming it. */
function nodeOnly<T extends object>(name: string): T {
  return new Proxy({} as T, {
    get(_target, key) {
      throw new UsageError(`${name}.${String(key)}`, `not available in the browser build of sightline (it reads or writes files, or starts worker threads): run this part in Node.js`);
    },
  });
}

export const nodeFs = /* @__PURE__ */ nodeOnly<typeof NodeFs>('node:fs');
export const nodePath = /* @__PURE__ */ nodeOnly<typeof NodePath>('node:path');
export const nodeCrypto = /* @__PURE__ */ nodeOnly<typeof NodeCrypto>('node:crypto');
export const nodeModule = /* @__PURE__ */ nodeOnly<typeof NodeModule>('node:module');
export const nodeUrl = /* @__PURE__ */ nodeOnly<typeof NodeUrl>('node:url');
export const nodeWorkerThreads = /* @__PURE__ */ nodeOnly<typeof NodeWorkerThreads>('node:worker_threads');
export const nodeZlib = /* @__PURE__ */ nodeOnly<typeof NodeZlib>('node:zlib');

/** Which platform this module serves. */
export const PLATFORM: 'node' | 'browser' = 'browser';

/** How many threads the machine can run at once (`navigator.hardwareConcurrency`, 1 when unknown). */
export function availableParallelism(): number {
  const n = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : 1;
}

/** No full collection on demand in a browser. */
export function fullCollector(): (() => void) | null {
  return null;
}

/** Always null in the browser: the parallel engines run on the calling thread (see the module comment). */
export function workerFileUrl(_fileName: string, _baseUrl: string): URL | null {
  return null;
}

/** Never called in the browser ({@link workerFileUrl} is null); throws a UsageError. */
export function startWorker(_url: URL): NodeWorkerThreads.Worker {
  throw new UsageError('startWorker', 'worker threads are not available in the browser build of sightline: it runs on the calling thread');
}
