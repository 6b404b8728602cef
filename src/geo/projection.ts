/**
 * Local projection between WGS84 longitude/latitude (degrees, RFC 7946 order)
 * and metres in a local plane (x east, y north), built on proj4: an azimuthal
 * equidistant projection centred on the study area. Within 30 km of the
 * centre, distances from the centre are exact and other distances are within
 * about 0.1% (the scale error of an azimuthal equidistant projection grows as
 * (ρ/R)²/6 transverse to the radius).
 */
import { proj4 } from '../core/internal.js';
import { InvalidInputError } from '../core/index.js';
import type { MultiPolygonM, Ring } from './polygon.js';

export interface LocalProjection {
  /** Centre longitude (degrees). */
  readonly lon0: number;
  /** Centre latitude (degrees). */
  readonly lat0: number;
  /** The proj4 definition string used. */
  readonly definition: string;
  /**
   * [lon, lat] → [x, y] metres.
   * @throws {InvalidInputError} (origin `LocalProjection.forward`) unless lon is in [-180, 180] and lat in
   *   [-90, 90], or when the point has no finite image (the antipode of the centre)
   */
  forward(lon: number, lat: number): [number, number];
  /**
   * [x, y] metres → [lon, lat].
   * @throws {InvalidInputError} (origin `LocalProjection.inverse`) unless x and y are finite and within
   *   {@link MAX_PROJECTED_DISTANCE} of the centre, or when the result is not a finite position
   */
  inverse(x: number, y: number): [number, number];
}

/**
 * Largest distance from the centre, metres, that {@link LocalProjection.inverse}
 * accepts: half the WGS84 equator, π × 6,378,137 m (the semi-major axis, EPSG:4326).
 * No point on Earth is farther than this from the centre along the ellipsoid,
 * so larger plane coordinates map to no point (proj4 wraps them silently).
 */
export const MAX_PROJECTED_DISTANCE = Math.PI * 6_378_137;
const MAX_PROJECTED_DISTANCE_SQ = MAX_PROJECTED_DISTANCE * MAX_PROJECTED_DISTANCE;
/** Degrees covering proj4's EPSLN (1e-10 rad ≈ 5.7e-9°) with margin; see the workaround in `forward`. */
const PROJ4_LON_EPS = 1e-8;

/**
 * Creates an azimuthal-equidistant projection centred on (lon0, lat0).
 *
 * `forward` and `inverse` check their arguments with a few comparisons
 * (cheap enough for per-vertex use) and never return NaN: out-of-range or
 * non-finite input, and points with no finite image (the antipode of the
 * centre), throw an {@link InvalidInputError}. (proj4's aeqd has no finite
 * image within roughly half a degree of the antipode, and maps points on the
 * prime meridian at the centre's latitude onto the centre; `forward` works
 * around the latter by symmetry about the central meridian.)
 *
 * @param lon0 - centre longitude in degrees, [-180, 180]
 * @param lat0 - centre latitude in degrees, [-90, 90]
 * @returns the projection
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
      if (typeof lon !== 'number' || !(lon >= -180 && lon <= 180)) throw new InvalidInputError('LocalProjection.forward', 'lon', 'must be a longitude in [-180, 180]', lon);
      if (typeof lat !== 'number' || !(lat >= -90 && lat <= 90)) throw new InvalidInputError('LocalProjection.forward', 'lat', 'must be a latitude in [-90, 90]', lat);
      let x: number;
      let y: number;
      if (lon < PROJ4_LON_EPS && lon > -PROJ4_LON_EPS && lat - lat0 < PROJ4_LON_EPS && lat - lat0 > -PROJ4_LON_EPS && (lon0 >= PROJ4_LON_EPS || lon0 <= -PROJ4_LON_EPS)) {
        // proj4's aeqd returns the centre for any point with |lon| < 1e-10 rad at the centre's latitude (it tests the
        // absolute longitude, not the difference from lon0). The projection is symmetric about the central meridian,
        // so project the mirror image (2·lon0 − lon, unwrapped: proj4 reduces it) and flip x.
        const q = converter.forward([2 * lon0 - lon, lat]);
        x = -q[0];
        y = q[1];
      } else {
        const p = converter.forward([lon, lat]);
        x = p[0];
        y = p[1];
      }
      // x - x === 0 is false for NaN and ±Infinity.
      if (!(x - x === 0 && y - y === 0)) {
        throw new InvalidInputError(
          'LocalProjection.forward',
          '[lon, lat]',
          `has no finite position in the projection centred on (${lon0}, ${lat0}) (it is at or next to the antipode of the centre)`,
          [lon, lat],
        );
      }
      return [x, y];
    },
    inverse(x: number, y: number): [number, number] {
      if (typeof x !== 'number' || !(x - x === 0)) throw new InvalidInputError('LocalProjection.inverse', 'x', 'must be a finite number (metres)', x);
      if (typeof y !== 'number' || !(y - y === 0)) throw new InvalidInputError('LocalProjection.inverse', 'y', 'must be a finite number (metres)', y);
      if (x * x + y * y > MAX_PROJECTED_DISTANCE_SQ) {
        throw new InvalidInputError('LocalProjection.inverse', '[x, y]', `must lie within ${MAX_PROJECTED_DISTANCE.toFixed(0)} m of the centre (half the equator; no point is farther)`, [x, y]);
      }
      const p = converter.inverse([x, y]);
      const lon = p[0];
      const lat = p[1];
      if (!(lon - lon === 0 && lat - lat === 0)) {
        throw new InvalidInputError('LocalProjection.inverse', '[x, y]', `has no finite longitude/latitude in the projection centred on (${lon0}, ${lat0})`, [x, y]);
      }
      return [lon, lat];
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

/**
 * The centre of a set of WGS84 positions, for centring a local projection:
 * the midpoint of the smallest arc of longitudes that holds every position
 * (so data crossing the ±180° meridian is centred on it, not on the other
 * side of the Earth), and the midpoint of the latitude range. When the data
 * do not cross the meridian the result is exactly the bounding-box centre
 * `((minLon + maxLon) / 2, (minLat + maxLat) / 2)`.
 *
 * @param positions - flat `[lon0, lat0, lon1, lat1, …]` or `[[lon, lat], …]`, degrees;
 *   at least one position, lon in [-180, 180], lat in [-90, 90]
 * @returns `[lon, lat]`, lon in [-180, 180]
 * @throws {InvalidInputError} when there is no position, or one is not a finite lon/lat within range
 * @example
 * lonLatCentre([179.9, 10, -179.9, 11]) // [≈ ±180, 10.5] (not [0, 10.5])
 * lonLatCentre([[76.8, 43.1], [77.1, 43.4]]) // [76.95, 43.25]
 * @remarks O(n log n) for n positions (one sort of the longitudes).
 */
export function lonLatCentre(positions: ArrayLike<number> | readonly (readonly number[])[]): [number, number] {
  const origin = 'lonLatCentre';
  if (positions === null || typeof positions !== 'object' || typeof positions.length !== 'number') {
    throw new InvalidInputError(origin, 'positions', 'must be a flat [lon, lat, …] array or an array of [lon, lat] positions', positions);
  }
  const nested = positions.length > 0 && Array.isArray(positions[0]);
  const n = nested ? positions.length : positions.length >> 1;
  if (!nested && positions.length % 2 !== 0) throw new InvalidInputError(origin, 'positions.length', 'must be even (flat lon, lat pairs)', positions.length);
  if (n === 0) throw new InvalidInputError(origin, 'positions', 'must hold at least one position', positions);
  const lons = new Float64Array(n);
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (let i = 0; i < n; i++) {
    let lon: unknown;
    let lat: unknown;
    if (nested) {
      const p = (positions as readonly (readonly number[])[])[i];
      lon = Array.isArray(p) ? p[0] : undefined;
      lat = Array.isArray(p) ? p[1] : undefined;
    } else {
      lon = (positions as ArrayLike<number>)[2 * i];
      lat = (positions as ArrayLike<number>)[2 * i + 1];
    }
    if (typeof lon !== 'number' || !(lon >= -180 && lon <= 180)) throw new InvalidInputError(origin, nested ? `positions[${i}][0]` : `positions[${2 * i}]`, 'must be a longitude in [-180, 180]', lon);
    if (typeof lat !== 'number' || !(lat >= -90 && lat <= 90)) throw new InvalidInputError(origin, nested ? `positions[${i}][1]` : `positions[${2 * i + 1}]`, 'must be a latitude in [-90, 90]', lat);
    lons[i] = lon === 180 ? -180 : lon; // the same meridian
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
  }
  lons.sort();
  const minLon = lons[0];
  const maxLon = lons[n - 1];
  // Largest gap between consecutive longitudes; the wrap-around gap (from the largest back to the smallest + 360) first.
  let bestGap = minLon + 360 - maxLon;
  let bestEnd = -1; // -1: the wrap gap; else the gap ends at lons[bestEnd]
  for (let i = 1; i < n; i++) {
    const g = lons[i] - lons[i - 1];
    if (g > bestGap) {
      bestGap = g;
      bestEnd = i;
    }
  }
  let lonC: number;
  if (bestEnd < 0) {
    lonC = (minLon + maxLon) / 2;
  } else {
    // The data occupy the arc from lons[bestEnd] eastward to lons[bestEnd - 1] + 360.
    lonC = lons[bestEnd] + (360 - bestGap) / 2;
    if (lonC > 180) lonC -= 360;
  }
  return [lonC, (minLat + maxLat) / 2];
}
