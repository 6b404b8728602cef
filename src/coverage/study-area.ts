/**
 * Study areas: a box `[minX, minY, maxX, maxY]` or a polygon/multipolygon in
 * metres, resolved once into a {@link PolygonLocator} in coordinates relative
 * to a chosen origin.
 */
import { InvalidInputError, type Bounds } from '../core/index.js';
import { requireBounds } from '../core/internal.js';
import { PolygonLocator, boundsToPolygon, type MultiPolygonM, type PolygonM } from '../geo/index.js';
import { validateMultiPolygon, multiPolygonFromCoordinates } from '../geo/internal.js';

/** A study area: bounds, a {@link MultiPolygonM}/{@link PolygonM}, or GeoJSON-style Polygon/MultiPolygon coordinates in metres. */
export type StudyAreaInput = Bounds | MultiPolygonM | PolygonM | number[][][] | number[][][][];

export interface ResolvedStudyArea {
  /** The area as a multipolygon in absolute metres. */
  area: MultiPolygonM;
  isBox: boolean;
  bbox: [number, number, number, number];
}

function isPolygonM(v: unknown): v is PolygonM {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && (v as PolygonM).outer instanceof Float64Array;
}

/** Resolves bounds / area options into a multipolygon (absolute metres). */
export function resolveStudyArea(origin: string, bounds: unknown, area: unknown): ResolvedStudyArea {
  if (bounds !== undefined && area !== undefined) {
    throw new InvalidInputError(origin, 'options.area', 'must not be given together with options.bounds', area);
  }
  if (bounds !== undefined) {
    const b = requireBounds(origin, 'options.bounds', bounds);
    checkExtent(origin, 'options.bounds', b[2] - b[0], b[3] - b[1], bounds);
    return { area: [boundsToPolygon(b)], isBox: true, bbox: [b[0], b[1], b[2], b[3]] };
  }
  if (area === undefined) {
    throw new InvalidInputError(origin, 'options.bounds', 'or options.area (or options.city) is required', undefined);
  }
  let mp: MultiPolygonM;
  if (isPolygonM(area)) mp = [area];
  else if (Array.isArray(area) && area.length > 0 && isPolygonM(area[0])) {
    area.forEach((p, i) => {
      if (!isPolygonM(p)) throw new InvalidInputError(origin, `options.area[${i}]`, 'must be a polygon { outer, holes }', p);
    });
    mp = area as MultiPolygonM;
  } else if (Array.isArray(area) && area.length === 4 && area.every((v) => typeof v === 'number')) {
    return resolveStudyArea(origin, area, undefined);
  } else mp = multiPolygonFromCoordinates(area, origin, 'options.area');
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of mp) {
    for (const ring of [p.outer, ...p.holes]) {
      for (let i = 0; i < ring.length; i += 2) {
        const x = ring[i];
        const y = ring[i + 1];
        if (!Number.isFinite(x) || !Number.isFinite(y)) throw new InvalidInputError(origin, 'options.area', 'must have finite coordinates', [x, y]);
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  if (!(minX < maxX && minY < maxY)) throw new InvalidInputError(origin, 'options.area', 'must have a positive area', area);
  checkExtent(origin, 'options.area', maxX - minX, maxY - minY, area);
  validateMultiPolygon(mp, origin, 'options.area');
  return { area: mp, isBox: false, bbox: [minX, minY, maxX, maxY] };
}

/**
 * Smallest side (m) of a study area's bounding box: 1 mm, a hundred times the
 * distance at which the exact engine probes either side of a boundary (and
 * ten thousand times its boundary tolerance). A smaller area (say
 * `[0, 0, 5e-324, 5e-324]`, whose area rounds to 0) cannot be resolved.
 */
export const MIN_STUDY_AREA_SIDE = 1e-3;

/** Throws unless a bounding box of sides w × h has a finite area and both sides at least {@link MIN_STUDY_AREA_SIDE}. */
function checkExtent(origin: string, field: string, w: number, h: number, value: unknown): void {
  if (!Number.isFinite(w * h)) throw new InvalidInputError(origin, field, 'must have a finite area (its extent overflows)', value);
  if (!(w >= MIN_STUDY_AREA_SIDE && h >= MIN_STUDY_AREA_SIDE)) throw new InvalidInputError(origin, field, `must be at least ${MIN_STUDY_AREA_SIDE} m wide and high`, value);
}

/** Builds a locator for the area translated by (−ox, −oy). */
export function relativeLocator(resolved: ResolvedStudyArea, ox: number, oy: number): PolygonLocator {
  const shifted: MultiPolygonM = resolved.area.map((p) => ({
    outer: shiftRing(p.outer, ox, oy),
    holes: p.holes.map((h) => shiftRing(h, ox, oy)),
  }));
  return new PolygonLocator(shifted, resolved.isBox);
}

function shiftRing(r: Float64Array, ox: number, oy: number): Float64Array {
  const out = new Float64Array(r.length);
  for (let i = 0; i < r.length; i += 2) {
    out[i] = r[i] - ox;
    out[i + 1] = r[i + 1] - oy;
  }
  return out;
}
