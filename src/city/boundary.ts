/**
 * Reading a city boundary given in any of the friendly forms the city
 * functions accept, once, at the API boundary.
 */
import { InvalidInputError } from '../core/index.js';
import { requireBounds } from '../core/internal.js';
import { type MultiPolygonM, type PolygonM, boundsToPolygon, multiPolygonArea, normalisePolygon } from '../geo/index.js';
import { validateMultiPolygon, multiPolygonFromCoordinates } from '../geo/internal.js';

/** A boundary in metres: bounds `[minX, minY, maxX, maxY]`, a {@link MultiPolygonM}, a {@link PolygonM}, or Polygon/MultiPolygon coordinates `[[[x, y], …]]`. */
export type BoundaryInput = readonly [number, number, number, number] | MultiPolygonM | PolygonM | readonly unknown[];

/**
 * Converts a {@link BoundaryInput} to a normalised multipolygon (outer rings
 * counter-clockwise, holes clockwise) with a positive area.
 *
 * @param value - the boundary as given
 * @param origin - function name for error messages
 * @param field - field name for error messages
 * @returns the boundary as a {@link MultiPolygonM} (new ring arrays when reoriented)
 * @throws {InvalidInputError} on inverted or non-finite bounds, non-finite coordinates, rings of fewer than 3 points, or zero area
 * @example
 * toBoundary([0, 0, 1000, 1000], 'generateGridCity', 'boundary') // one square polygon
 */
export function toBoundary(value: unknown, origin: string, field: string): MultiPolygonM {
  let mp: MultiPolygonM;
  if (Array.isArray(value) && value.length === 4 && value.every((v) => typeof v === 'number')) {
    mp = [boundsToPolygon(requireBounds(origin, field, value))];
  } else if (isPolygonM(value)) {
    mp = [checkPolygon(value, origin, field)];
  } else if (Array.isArray(value) && value.length > 0 && value.every(isPolygonM)) {
    mp = (value as PolygonM[]).map((p, i) => checkPolygon(p, origin, `${field}[${i}]`));
  } else if (Array.isArray(value)) {
    mp = multiPolygonFromCoordinates(value, origin, field);
  } else {
    throw new InvalidInputError(origin, field, 'must be bounds [minX, minY, maxX, maxY], a MultiPolygonM or Polygon/MultiPolygon coordinates in metres', value);
  }
  validateMultiPolygon(mp, origin, field);
  const area = multiPolygonArea(mp);
  if (!(area > 0) || !Number.isFinite(area)) throw new InvalidInputError(origin, field, 'must enclose a positive, finite area', area);
  return mp;
}

function isPolygonM(v: unknown): v is PolygonM {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && (v as PolygonM).outer instanceof Float64Array;
}

function checkPolygon(p: PolygonM, origin: string, field: string): PolygonM {
  const holes = p.holes === undefined ? [] : p.holes;
  if (!Array.isArray(holes)) throw new InvalidInputError(origin, `${field}.holes`, 'must be an array of rings', p.holes);
  const rings = [p.outer, ...holes];
  for (let r = 0; r < rings.length; r++) {
    const ring = rings[r];
    const rf = r === 0 ? `${field}.outer` : `${field}.holes[${r - 1}]`;
    if (!(ring instanceof Float64Array) || ring.length % 2 !== 0 || ring.length < 6) throw new InvalidInputError(origin, rf, 'must be a Float64Array of at least 3 points', ring);
    for (let k = 0; k < ring.length; k++) {
      if (!Number.isFinite(ring[k])) throw new InvalidInputError(origin, `${rf}[${k}]`, 'must be finite', ring[k]);
    }
  }
  return normalisePolygon({ outer: p.outer, holes });
}
