/**
 * Deprecation notices for names and argument orders kept for one release.
 * Each notice is emitted once per process through Node's warning channel
 * (`process.emitWarning`, so `--no-deprecation` silences it); where there is
 * no `process` (a browser), nothing is printed.
 */

const emitted = new Set<string>();

/**
 * Emits a DeprecationWarning once for `code`.
 * @param code - a stable key, e.g. `'sightline:computePopulationExposure-order'`
 * @param message - what is deprecated and what to use instead
 */
export function warnDeprecated(code: string, message: string): void {
  if (emitted.has(code)) return;
  emitted.add(code);
  const proc = (globalThis as { process?: { emitWarning?: (m: string, o: { type: string; code: string }) => void } }).process;
  proc?.emitWarning?.(message, { type: 'DeprecationWarning', code });
}
