/**
 * A full collection of the calling thread's heap, on demand: what an idle
 * worker needs to let go of the buffers of the calls it served.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collector: (() => void) | null | undefined;

/**
 * V8's `gc()` for the calling thread (a full, blocking collection of its own
 * heap), or null when this process cannot have it. Uses the global `gc` when
 * the process was started with `--expose-gc`; otherwise turns that flag on
 * just long enough to fetch the function from a fresh `vm` context, then off
 * again (the way Jest's leak detector does). Resolved once per thread.
 *
 * Why a library needs it: a worker thread holds its handles on every
 * SharedArrayBuffer it was sent or allocated until its heap is next
 * collected, and an idle worker does not collect, so the buffers of a call
 * would stay allocated for as long as the worker waits for the next one.
 *
 * @returns a function that runs a full collection of the calling thread's heap, or null
 * @example
 * fullCollector()?.(); // collect now when possible
 * @remarks A full collection is short on a worker's small heap and far longer on a large one (figures in benchmarks/README.md).
 */
export function fullCollector(): (() => void) | null {
  if (collector !== undefined) return collector;
  const exposed = (globalThis as { gc?: unknown }).gc;
  if (typeof exposed === 'function') return (collector = exposed as () => void);
  collector = null;
  let flagOn = false;
  try {
    setFlagsFromString('--expose-gc');
    flagOn = true;
    const gc: unknown = runInNewContext('gc');
    if (typeof gc === 'function') collector = gc as () => void;
  } catch {
    // V8's flags are frozen in this process, or the new context got no gc: no collector.
  }
  if (flagOn) {
    try {
      setFlagsFromString('--no-expose-gc');
    } catch {
      // Nothing more to undo.
    }
  }
  return collector;
}
