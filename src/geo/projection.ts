/**
 * Local projection between WGS84 longitude/latitude (degrees, RFC 7946 order)
 * and metres in a local plane (x east, y north), built on proj4: an azimuthal
 * equidistant projection centred on the study area. Within 30 km of the
 * centre, distances from the centre are exact and other distances are within
 * about 0.1% (the scale error of an azimuthal equidistant projection grows as
 * (ρ/R)²/6 transverse to the radius).
 */
import proj4 from 'proj4';
import { InvalidInputError } from '../core/errors.js';
import type { MultiPolygonM, Ring } from './polygon.js';

export interface LocalProjection {
  /** Centre longitude (degrees). */
  readonly lon0: number;
  /** Centre latitude (degrees). */
  readonly lat0: number;
  /** The proj4 definition string used. */
  readonly definition: string;
  /** [lon, lat] → [x, y] metres. */
  forward(lon: number, lat: number): [number, number];
  /** [x, y] metres → [lon, lat]. */
  inverse(x: number, y: number): [number, number];
}

/**
 * Creates an azimuthal-equidistant projection centred on (lon0, lat0).
 *
 * @param lon0 - centre longitude in degrees, [-180, 180]
 * @param lat0 - centre latitude in degrees, [-90, 90]
 * @throws {InvalidInputError} if the centre is out of range
 * @example
 * const p = createLocalProjection(76.9, 43.25); // Almaty
 * p.forward(76.9, 43.25) // [0, 0]
 */
export function createLocalProjection(lon0: number, lat0: number): LocalProjection {
  if (typeof lon0 !== 'number' || !(lon0 >= -180 && lon0 <= 180)) throw new InvalidInputError('createLocalProjection', 'lon0', 'must be a longitude in [-180, 180]', lon0);
  if (typeof lat0 !== 'number' || !(lat0 >= -90 && lat0 <= 90)) throw new InvalidInputError('createLocalProjection', 'lat0', 'must be a latitude in [-90, 90]', lat0);
  const definition = `+proj=aeqd +lat_0=${lat0} +lon_0=${lon0} +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs`;
  const converter = proj4('EPSG:4326', definition);
  return {
    lon0,
    lat0,
    definition,
    forward(lon: number, lat: number): [number, number] {
      const p = converter.forward([lon, lat]);
      return [p[0], p[1]];
    },
    inverse(x: number, y: number): [number, number] {
      const p = converter.inverse([x, y]);
      return [p[0], p[1]];
    },
  };
}

/** Projects GeoJSON Polygon/MultiPolygon lon/lat coordinates to `[[x, y], …]` rings in metres. */
export function projectCoordinates(coords: unknown, projection: LocalProjection): unknown {
  if (Array.isArray(coords) && typeof coords[0] === 'number') {
    const lon = coords[0] as number;
    const lat = coords[1] as number;
    return projection.forward(lon, lat);
  }
  if (Array.isArray(coords)) return coords.map((c) => projectCoordinates(c, projection));
  return coords;
}

/** Unprojects a ring in metres to a closed GeoJSON ring of [lon, lat]. */
export function unprojectRing(ring: Ring, projection: LocalProjection, precision = 7): number[][] {
  const f = 10 ** precision;
  const pts: number[][] = [];
  for (let i = 0; i < ring.length; i += 2) {
    const [lon, lat] = projection.inverse(ring[i], ring[i + 1]);
    pts.push([Math.round(lon * f) / f, Math.round(lat * f) / f]);
  }
  if (pts.length) pts.push(pts[0].slice());
  return pts;
}

/** Unprojects a multipolygon in metres to GeoJSON MultiPolygon coordinates. */
export function unprojectMultiPolygon(mp: MultiPolygonM, projection: LocalProjection, precision = 7): number[][][][] {
  return mp.map((p) => [p.outer, ...p.holes].map((r) => unprojectRing(r, projection, precision)));
}
