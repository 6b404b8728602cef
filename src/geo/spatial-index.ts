/**
 * Spatial indexes: thin typed wrappers over flatbush (a static packed
 * Hilbert R-tree). Item ids are the row numbers of the columns given, so a
 * search returns the same integer ids as the camera store or segment list.
 *
 * flatbush refuses an empty index, so these builders return `null` when there
 * is nothing to index; callers treat `null` as "no items".
 */
import Flatbush from 'flatbush';
import { InvalidInputError, DEG_TO_RAD, headingToAngle } from '../core/index.js';
import { sectorBoundsRadInto } from './sector.js';

/** A finished flatbush index (item ids are row numbers). */
export type SpatialIndex = Flatbush;

const TWO_PI = 2 * Math.PI;

/**
 * Builds a flatbush index of the tight bounding boxes of sectors given as
 * columns (e.g. a camera store's `x`, `y`, `range`, `heading`, `fov`). Item
 * `i` of the index is sector `i`.
 *
 * @param cx - apex x per sector (m)
 * @param cy - apex y per sector (m)
 * @param r - radius per sector (m), > 0
 * @param heading - heading per sector, degrees clockwise from north
 * @param fov - opening angle per sector, degrees in (0, 360]
 * @param nodeSize - flatbush node size (default 16)
 * @returns the finished index, or `null` when there are no sectors
 * @throws {InvalidInputError} if the columns differ in length or a value is invalid (names the row)
 * @example
 * const idx = buildSectorIndex(Float64Array.of(0), Float64Array.of(0), Float64Array.of(10), Float64Array.of(0), Float64Array.of(90));
 * idx?.search(-1, 9, 1, 11) // [0]: the arc's top point (0, 10) is in the box
 * @remarks O(n log n).
 */
export function buildSectorIndex(
  cx: ArrayLike<number>, cy: ArrayLike<number>, r: ArrayLike<number>,
  heading: ArrayLike<number>, fov: ArrayLike<number>, nodeSize = 16,
): Flatbush | null {
  const origin = 'buildSectorIndex';
  const n = cx.length;
  if (cy.length !== n) throw new InvalidInputError(origin, 'cy.length', `must equal cx.length (${n})`, cy.length);
  if (r.length !== n) throw new InvalidInputError(origin, 'r.length', `must equal cx.length (${n})`, r.length);
  if (heading.length !== n) throw new InvalidInputError(origin, 'heading.length', `must equal cx.length (${n})`, heading.length);
  if (fov.length !== n) throw new InvalidInputError(origin, 'fov.length', `must equal cx.length (${n})`, fov.length);
  checkNodeSize(origin, nodeSize);
  if (n === 0) return null;
  const index = new Flatbush(n, nodeSize);
  const box = new Float64Array(4);
  for (let i = 0; i < n; i++) {
    const x = cx[i];
    const y = cy[i];
    const ri = r[i];
    const h = heading[i];
    const f = fov[i];
    // One combined check per row; the detailed message is built only on failure.
    if (!(Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(h) && ri > 0 && ri < Infinity && f > 0 && f <= 360)) {
      if (!Number.isFinite(x)) throw new InvalidInputError(origin, `cx[${i}]`, 'must be a finite number', x);
      if (!Number.isFinite(y)) throw new InvalidInputError(origin, `cy[${i}]`, 'must be a finite number', y);
      if (!Number.isFinite(h)) throw new InvalidInputError(origin, `heading[${i}]`, 'must be a finite number', h);
      if (!(ri > 0 && ri < Infinity)) throw new InvalidInputError(origin, `r[${i}]`, 'must be a finite number > 0', ri);
      throw new InvalidInputError(origin, `fov[${i}]`, 'must be in (0, 360]', f);
    }
    const span = f === 360 ? TWO_PI : f * DEG_TO_RAD;
    sectorBoundsRadInto(x, y, ri, headingToAngle(h) - span / 2, span, box, 0);
    index.add(box[0], box[1], box[2], box[3]);
  }
  index.finish();
  return index;
}

/**
 * Builds a flatbush index of segments stored flat as `[x0, y0, x1, y1, …]`
 * (4 numbers per segment); item `i` is segment `i`.
 *
 * @param coords - segment coordinates, length a multiple of 4
 * @param nodeSize - flatbush node size (default 16)
 * @returns the finished index, or `null` when there are no segments
 * @throws {InvalidInputError} if the length is not a multiple of 4 or a coordinate is not finite
 * @example
 * const idx = buildSegmentIndex(Float64Array.of(0, 0, 10, 0));
 * idx?.search(4, -1, 6, 1) // [0]
 * @remarks O(n log n).
 */
export function buildSegmentIndex(coords: Float64Array, nodeSize = 16): Flatbush | null {
  const origin = 'buildSegmentIndex';
  if (!(coords instanceof Float64Array)) throw new InvalidInputError(origin, 'coords', 'must be a Float64Array [x0, y0, x1, y1, …]', coords);
  if (coords.length % 4 !== 0) throw new InvalidInputError(origin, 'coords.length', 'must be a multiple of 4', coords.length);
  checkNodeSize(origin, nodeSize);
  const n = coords.length >> 2;
  for (let i = 0; i < coords.length; i++) {
    if (!Number.isFinite(coords[i])) throw new InvalidInputError(origin, `coords[${i}]`, 'must be a finite number', coords[i]);
  }
  if (n === 0) return null;
  const index = new Flatbush(n, nodeSize);
  for (let i = 0; i < n; i++) {
    const x0 = coords[4 * i];
    const y0 = coords[4 * i + 1];
    const x1 = coords[4 * i + 2];
    const y1 = coords[4 * i + 3];
    index.add(x0 < x1 ? x0 : x1, y0 < y1 ? y0 : y1, x0 < x1 ? x1 : x0, y0 < y1 ? y1 : y0);
  }
  index.finish();
  return index;
}

function checkNodeSize(origin: string, nodeSize: unknown): void {
  if (typeof nodeSize !== 'number' || !Number.isInteger(nodeSize) || nodeSize < 2 || nodeSize > 65535) {
    throw new InvalidInputError(origin, 'nodeSize', 'must be an integer in [2, 65535]', nodeSize);
  }
}
