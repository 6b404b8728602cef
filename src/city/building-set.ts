/**
 * Building sets: the flat, struct-of-arrays occluder layout of
 * {@link BuildingSet}, and a builder that fills it without per-building
 * objects.
 */
import { InvalidInputError } from '../core/index.js';
import type { BuildingSet } from './city.js';

/**
 * Accumulates buildings (outer rings and heights) and produces a
 * {@link BuildingSet}. Rings are stored counter-clockwise whatever
 * orientation they are given in.
 *
 * @example
 * const b = new BuildingSetBuilder();
 * b.addRing(Float64Array.of(0, 0, 10, 0, 10, 10, 0, 10), 12);
 * const set = b.finish();
 */
export class BuildingSetBuilder {
  private coords: Float64Array;
  private numPoints = 0;
  private starts: number[] = [0];
  private heights: number[] = [];

  /** @param expectedPoints - initial capacity in points (grows as needed) */
  constructor(expectedPoints = 1024) {
    this.coords = new Float64Array(2 * Math.max(4, expectedPoints));
  }

  /** Number of buildings added so far. */
  get size(): number {
    return this.heights.length;
  }

  /**
   * Adds a building. The caller guarantees finite coordinates (at least 3
   * points, not closed) and a finite height > 0; the builder does not check
   * them again (call it from validated code only).
   *
   * @param ring - flat `[x0, y0, …]`, either orientation, first point not repeated
   * @param height - metres
   * @param count - number of points to read from `ring` (default: all)
   */
  addRing(ring: ArrayLike<number>, height: number, count = ring.length >> 1): void {
    this.ensure(this.numPoints + count);
    // Orientation by the shoelace sum; reverse clockwise rings.
    let s = 0;
    const ox = ring[0];
    const oy = ring[1];
    for (let i = 0; i < count; i++) {
      const j = i + 1 === count ? 0 : i + 1;
      s += (ring[2 * i] - ox) * (ring[2 * j + 1] - oy) - (ring[2 * j] - ox) * (ring[2 * i + 1] - oy);
    }
    const base = 2 * this.numPoints;
    const c = this.coords;
    if (s >= 0) {
      for (let i = 0; i < 2 * count; i++) c[base + i] = ring[i];
    } else {
      for (let i = 0; i < count; i++) {
        c[base + 2 * i] = ring[2 * (count - 1 - i)];
        c[base + 2 * i + 1] = ring[2 * (count - 1 - i) + 1];
      }
    }
    this.numPoints += count;
    this.starts.push(this.numPoints);
    this.heights.push(height);
  }

  /** Returns the finished {@link BuildingSet} (the builder can be discarded). */
  finish(): BuildingSet {
    return {
      numBuildings: this.heights.length,
      ringStart: Uint32Array.from(this.starts),
      coords: this.coords.slice(0, 2 * this.numPoints),
      height: Float32Array.from(this.heights),
    };
  }

  private ensure(points: number): void {
    if (2 * points <= this.coords.length) return;
    let cap = this.coords.length;
    while (cap < 2 * points) cap *= 2;
    const next = new Float64Array(cap);
    next.set(this.coords.subarray(0, 2 * this.numPoints));
    this.coords = next;
  }
}

/**
 * A building set with no buildings (no occlusion).
 *
 * @returns an empty {@link BuildingSet}
 * @example
 * emptyBuildingSet().numBuildings // 0
 */
export function emptyBuildingSet(): BuildingSet {
  return { numBuildings: 0, ringStart: Uint32Array.of(0), coords: new Float64Array(0), height: new Float32Array(0) };
}

/** A building as a friendly object, for {@link createBuildingSet}. */
export interface BuildingInput {
  /** Outer ring as `[[x, y], …]` in metres (closing point optional) or a flat `[x0, y0, …]` array. */
  ring: readonly (readonly number[])[] | ArrayLike<number>;
  /** Metres (> 0). */
  height: number;
}

/**
 * Builds a {@link BuildingSet} from friendly objects, validating each one.
 *
 * @param buildings - rings in metres and heights
 * @returns the flat building set, rings counter-clockwise
 * @throws {InvalidInputError} when a ring has fewer than 3 distinct points or a non-finite coordinate, or a height is not > 0
 * @example
 * createBuildingSet([{ ring: [[0, 0], [10, 0], [10, 10], [0, 10]], height: 9 }]).numBuildings // 1
 */
export function createBuildingSet(buildings: readonly BuildingInput[]): BuildingSet {
  const origin = 'createBuildingSet';
  if (!Array.isArray(buildings)) throw new InvalidInputError(origin, 'buildings', 'must be an array', buildings);
  const b = new BuildingSetBuilder();
  for (let i = 0; i < buildings.length; i++) {
    const item = buildings[i] as BuildingInput | undefined;
    if (typeof item !== 'object' || item === null) throw new InvalidInputError(origin, `buildings[${i}]`, 'must be an object { ring, height }', item);
    const h = item.height;
    if (typeof h !== 'number' || !Number.isFinite(h) || h <= 0) throw new InvalidInputError(origin, `buildings[${i}].height`, 'must be a finite number > 0', h);
    const flat = flattenRing(item.ring, origin, `buildings[${i}].ring`);
    b.addRing(flat, h);
  }
  return b.finish();
}

/**
 * Converts `[[x, y], …]` or a flat array to a flat Float64Array (drops a closing point), validating it.
 *
 * @param ring - the ring as given
 * @param origin - function name for error messages
 * @param field - field name for error messages
 * @returns the ring's points, flat
 * @throws {InvalidInputError} on a bad shape, a non-finite coordinate or fewer than 3 distinct points
 * @example
 * flattenRing([[0, 0], [1, 0], [1, 1], [0, 0]], 'f', 'ring') // Float64Array [0, 0, 1, 0, 1, 1]
 */
export function flattenRing(ring: unknown, origin: string, field: string): Float64Array {
  let flat: Float64Array;
  if (Array.isArray(ring) && Array.isArray(ring[0])) {
    flat = new Float64Array(2 * ring.length);
    for (let k = 0; k < ring.length; k++) {
      const p = ring[k];
      if (!Array.isArray(p) || p.length < 2) throw new InvalidInputError(origin, `${field}[${k}]`, 'must be a position [x, y]', p);
      flat[2 * k] = p[0];
      flat[2 * k + 1] = p[1];
    }
  } else if ((Array.isArray(ring) || ArrayBuffer.isView(ring)) && (ring as ArrayLike<number>).length % 2 === 0) {
    flat = Float64Array.from(ring as ArrayLike<number>);
  } else {
    throw new InvalidInputError(origin, field, 'must be [[x, y], …] or a flat [x0, y0, …] array', ring);
  }
  for (let k = 0; k < flat.length; k++) {
    if (!Number.isFinite(flat[k])) throw new InvalidInputError(origin, `${field}[${k >> 1}]`, 'must have finite coordinates', flat[k]);
  }
  let n = flat.length >> 1;
  if (n > 1 && flat[0] === flat[2 * n - 2] && flat[1] === flat[2 * n - 1]) n--;
  if (n < 3) throw new InvalidInputError(origin, field, 'must have at least 3 distinct points', ring);
  return flat.subarray(0, 2 * n);
}

/**
 * Validates a {@link BuildingSet} given by a caller (offsets, lengths, finite values).
 *
 * @param set - the value to check
 * @param origin - function name for error messages
 * @param field - field name for error messages
 * @returns the same set
 * @throws {InvalidInputError} naming the inconsistent field
 * @example
 * validateBuildingSet(city.buildings, 'myFunction', 'buildings')
 * @remarks O(buildings + vertices).
 */
export function validateBuildingSet(set: unknown, origin: string, field: string): BuildingSet {
  if (typeof set !== 'object' || set === null) throw new InvalidInputError(origin, field, 'must be a BuildingSet', set);
  const s = set as BuildingSet;
  const n = s.numBuildings;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw new InvalidInputError(origin, `${field}.numBuildings`, 'must be an integer >= 0', n);
  if (!(s.ringStart instanceof Uint32Array) || s.ringStart.length !== n + 1) throw new InvalidInputError(origin, `${field}.ringStart`, `must be a Uint32Array of length numBuildings + 1 = ${n + 1}`, s.ringStart);
  if (!(s.coords instanceof Float64Array)) throw new InvalidInputError(origin, `${field}.coords`, 'must be a Float64Array', s.coords);
  if (!(s.height instanceof Float32Array) || s.height.length !== n) throw new InvalidInputError(origin, `${field}.height`, `must be a Float32Array of length numBuildings = ${n}`, s.height);
  if (s.ringStart[0] !== 0 || 2 * s.ringStart[n] !== s.coords.length) throw new InvalidInputError(origin, `${field}.ringStart`, 'must start at 0 and end at coords.length / 2', s.ringStart);
  for (let b = 0; b < n; b++) {
    if (s.ringStart[b + 1] - s.ringStart[b] < 3) throw new InvalidInputError(origin, `${field}.ringStart[${b + 1}]`, 'must leave at least 3 points per building', s.ringStart[b + 1]);
    const h = s.height[b];
    if (!Number.isFinite(h) || h <= 0) throw new InvalidInputError(origin, `${field}.height[${b}]`, 'must be a finite number > 0', h);
  }
  for (let k = 0; k < s.coords.length; k++) {
    if (!Number.isFinite(s.coords[k])) throw new InvalidInputError(origin, `${field}.coords[${k}]`, 'must be finite', s.coords[k]);
  }
  return s;
}
