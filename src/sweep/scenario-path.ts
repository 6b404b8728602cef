/**
 * Dotted paths into a scenario document (`retention.policy.rules.city.video.days`,
 * `cameras.0.numCameras`): reading and setting the value a sweep varies.
 */
import { RETENTION_PRESETS, type RetentionPresetName } from '../retention/index.js';
import { SweepError } from './sweep-schema.js';

/** Path segments; a segment of digits indexes an array. */
export function pathSegments(path: string): string[] {
  return path.split('.');
}

const isIndex = (s: string) => /^(0|[1-9]\d*)$/.test(s);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The value at a dotted path, or undefined when the path is absent.
 *
 * @param doc - a scenario document
 * @param path - e.g. `analyses.exposure.watchlistSize`
 * @returns the value there, or undefined
 */
export function getPath(doc: unknown, path: string): unknown {
  let v: unknown = doc;
  for (const s of pathSegments(path)) {
    if (Array.isArray(v) && isIndex(s)) v = v[Number(s)];
    else if (isObject(v) && Object.prototype.hasOwnProperty.call(v, s)) v = v[s];
    else return undefined;
  }
  return v;
}

/**
 * A retention section that names a preset policy is written out first when a
 * path reaches into its policy (`retention.policy.…` or
 * `retention.compareWith.policy.…`), so a sweep can vary one rule of a preset.
 */
export function writeOutRetentionPreset(doc: Record<string, unknown>, segs: string[]): void {
  if (segs[0] !== 'retention' || !isObject(doc.retention)) return;
  const r = doc.retention;
  if (segs[1] === 'policy' && typeof r.preset === 'string' && r.policy === undefined && Object.prototype.hasOwnProperty.call(RETENTION_PRESETS, r.preset)) {
    r.policy = structuredClone(RETENTION_PRESETS[r.preset as RetentionPresetName]);
    delete r.preset;
  }
  if (segs[1] === 'compareWith' && segs[2] === 'policy' && isObject(r.compareWith) && typeof r.compareWith.preset === 'string' && Object.prototype.hasOwnProperty.call(RETENTION_PRESETS, r.compareWith.preset)) {
    r.compareWith = { policy: structuredClone(RETENTION_PRESETS[r.compareWith.preset as RetentionPresetName]) };
  }
}

/**
 * Sets the value at a dotted path, creating missing objects on the way (not
 * arrays: an index must name an existing element). Mutates `doc`.
 *
 * @param doc - a scenario document (a plain JSON object)
 * @param path - e.g. `retention.policy.rules.city.video.days`
 * @param value - the value to set
 * @throws {SweepError} when a segment crosses a value that is not an object, or an index is out of range
 * @example setPath(s, 'analyses.exposure.watchlistSize', 1000)
 */
export function setPath(doc: Record<string, unknown>, path: string, value: unknown): void {
  const segs = pathSegments(path);
  if (segs.some((s) => s === '' || s === '__proto__' || s === 'constructor' || s === 'prototype')) throw new SweepError('setPath', [{ path: `vary.${path}`, message: 'is not a valid path (empty or reserved segment)' }]);
  writeOutRetentionPreset(doc, segs);
  let v: unknown = doc;
  for (let i = 0; i < segs.length - 1; i++) {
    const s = segs[i];
    const where = segs.slice(0, i + 1).join('.');
    if (Array.isArray(v)) {
      if (!isIndex(s) || Number(s) >= v.length) throw new SweepError('setPath', [{ path: `vary.${path}`, message: `: ${where} is not an element of the scenario's array (length ${v.length})` }]);
      v = v[Number(s)];
    } else if (isObject(v)) {
      if (v[s] === undefined) v[s] = {};
      v = v[s];
    } else {
      throw new SweepError('setPath', [{ path: `vary.${path}`, message: `: ${segs.slice(0, i).join('.') || '(root)'} is ${JSON.stringify(v)}, not an object` }]);
    }
  }
  const last = segs[segs.length - 1];
  if (Array.isArray(v)) {
    if (!isIndex(last) || Number(last) >= v.length) throw new SweepError('setPath', [{ path: `vary.${path}`, message: `: index ${last} is outside the scenario's array (length ${v.length})` }]);
    v[Number(last)] = value;
  } else if (isObject(v)) {
    v[last] = value;
  } else {
    throw new SweepError('setPath', [{ path: `vary.${path}`, message: `: ${segs.slice(0, -1).join('.') || '(root)'} is ${JSON.stringify(v)}, not an object` }]);
  }
}
