/**
 * Reusable scratch memory for the synchronous hot paths.
 *
 * Why: a city-scale coverage call needs ~40 MB of short-lived typed arrays.
 * Allocating them afresh on every call makes V8 run full garbage
 * collections over the caller's heap (which holds, for example, a
 * 60,000-edge street graph) every few calls, which slowed one call in three
 * on the Almaty preset (figures in benchmarks/README.md). Computations
 * are synchronous and never nest, so one buffer per purpose can be reused.
 *
 * Arrays returned here are views into shared scratch space: their contents
 * are whatever the last user left (callers initialise what they read), and
 * they are only valid until the next call for the same key. Never return
 * them to a user.
 */

type Ctor<T> = { new (length: number): T };

const pools = new Map<string, Float64Array | Float32Array | Uint32Array | Int32Array | Uint8Array>();

function scratch<T extends Float64Array | Uint32Array | Int32Array | Uint8Array>(key: string, n: number, ctor: Ctor<T>): T {
  const have = pools.get(key) as T | undefined;
  if (have !== undefined && have.length >= n && have.constructor === ctor) return have.subarray(0, n) as T;
  // Grow by half again to avoid reallocating for slightly larger inputs.
  const fresh = new ctor(Math.max(16, Math.ceil(n * 1.5)));
  pools.set(key, fresh);
  return fresh.subarray(0, n) as T;
}

const sharedPools = new Map<string, Float64Array | Uint32Array | Uint8Array>();

function sharedScratch<T extends Float64Array | Uint32Array | Uint8Array>(key: string, n: number, ctor: { new (b: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number }): T {
  const have = sharedPools.get(key) as T | undefined;
  if (have !== undefined && have.length >= n && have.constructor === ctor) return have.subarray(0, n) as T;
  const fresh = new ctor(new SharedArrayBuffer(ctor.BYTES_PER_ELEMENT * Math.max(16, Math.ceil(n * 1.5))));
  sharedPools.set(key, fresh);
  return fresh.subarray(0, n) as T;
}

/**
 * Views on SharedArrayBuffers, for data read by worker threads. The calling
 * thread waits for its workers before returning, so these are reused like
 * the others.
 */
export function sharedScratchFloat64(key: string, n: number): Float64Array {
  return sharedScratch(key, n, Float64Array);
}
export function sharedScratchUint32(key: string, n: number): Uint32Array {
  return sharedScratch(key, n, Uint32Array);
}
export function sharedScratchUint8(key: string, n: number): Uint8Array {
  return sharedScratch(key, n, Uint8Array);
}

/** A Float64Array view of length n from the scratch pool `key` (contents undefined). */
export function scratchFloat64(key: string, n: number): Float64Array {
  return scratch(key, n, Float64Array);
}

/** A Uint32Array view of length n from the scratch pool `key` (contents undefined). */
export function scratchUint32(key: string, n: number): Uint32Array {
  return scratch(key, n, Uint32Array);
}

/** An Int32Array view of length n from the scratch pool `key` (contents undefined). */
export function scratchInt32(key: string, n: number): Int32Array {
  return scratch(key, n, Int32Array);
}

/** A Uint8Array view of length n from the scratch pool `key` (contents undefined). */
export function scratchUint8(key: string, n: number): Uint8Array {
  return scratch(key, n, Uint8Array);
}

/**
 * Frees all scratch memory (it is otherwise kept for the life of the
 * process, sized to the largest computation run so far: about 40 MB after a
 * 128,000-camera coverage call).
 *
 * @example
 * releaseScratch();
 */
export function releaseScratch(): void {
  pools.clear();
  sharedPools.clear();
}
