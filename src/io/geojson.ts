/**
 * GeoJSON exports (RFC 7946: WGS84 longitude/latitude, counter-clockwise
 * outer rings) of cameras, districts and coverage grids, unprojected once
 * through the city's projection. Ready for QGIS and kepler.gl.
 */
import { InvalidInputError } from '../core/index.js';
import { CAMERA_KINDS, CAMERA_OPERATORS, CAPABILITY_FACE, CAPABILITY_PLATE, NO_NODE, type CameraSet } from '../cameras/index.js';
import { type City } from '../city/index.js';
import { type CoverageRaster } from '../coverage/index.js';
import { unprojectMultiPolygon, type LocalProjection } from '../geo/index.js';
import { type DistrictExposureMetrics, type DistrictMetrics } from '../scenario/index.js';
import { checkOptions, optionKeys } from '../core/internal.js';

/** Decimal places of exported coordinates: 7 ≈ 1 cm. */
export const GEOJSON_PRECISION = 7;

const round = (v: number, f: number) => Math.round(v * f) / f;

function requireProjection(origin: string, projection: LocalProjection | null | undefined): LocalProjection {
  if (!projection || typeof projection.inverse !== 'function') {
    throw new InvalidInputError(origin, 'projection', 'must be a LocalProjection (the city has none: an abstract city cannot be placed on Earth)', projection);
  }
  return projection;
}

/**
 * The cameras as a GeoJSON FeatureCollection of Points, one per camera, with
 * their attributes as properties (heading, fov, range, height, tilt,
 * resolutionPx, kind, capabilities, operator, live, nodeId, sourceId).
 * Yields the text in chunks, so 128,000 cameras never sit in one string.
 *
 * @param cameras - the camera set (local metres)
 * @param projection - the city's projection
 * @returns an iterable of text chunks that together form the document
 * @throws {InvalidInputError} without a projection
 * @example writeFileAtomic('cameras.geojson', camerasGeoJsonChunks(cameras, city.projection));
 */
export function* camerasGeoJsonChunks(cameras: CameraSet, projection: LocalProjection | null): Generator<string> {
  const p = requireProjection('camerasGeoJson', projection);
  const f = 10 ** GEOJSON_PRECISION;
  yield '{"type":"FeatureCollection","features":[\n';
  const BATCH = 2000;
  let buf: string[] = [];
  for (let i = 0; i < cameras.numCameras; i++) {
    const [lon, lat] = p.inverse(cameras.x[i], cameras.y[i]);
    const caps = cameras.capabilities[i];
    const props = {
      id: i,
      heading: round(cameras.heading[i], 100),
      fov: round(cameras.fov[i], 100),
      range: round(cameras.range[i], 100),
      height: round(cameras.height[i], 100),
      tilt: round(cameras.tilt[i], 100),
      resolutionPx: cameras.resolutionPx[i],
      kind: CAMERA_KINDS[cameras.kind[i]],
      capabilities: [caps & CAPABILITY_FACE ? 'face' : '', caps & CAPABILITY_PLATE ? 'plate' : ''].filter(Boolean).join(','),
      operator: CAMERA_OPERATORS[cameras.operator[i]],
      live: cameras.live[i] === 1,
      nodeId: cameras.nodeId[i] === NO_NODE ? null : cameras.nodeId[i],
      sourceId: cameras.sourceId ? cameras.sourceId[i] || null : null,
    };
    buf.push(`${i > 0 ? ',' : ''}{"type":"Feature","geometry":{"type":"Point","coordinates":[${round(lon, f)},${round(lat, f)}]},"properties":${JSON.stringify(props)}}\n`);
    if (buf.length === BATCH) {
      yield buf.join('');
      buf = [];
    }
  }
  if (buf.length) yield buf.join('');
  yield ']}\n';
}

/**
 * The districts as a FeatureCollection of MultiPolygons, each with its
 * metrics (coverage, streets, cameras, residents) as properties.
 *
 * @param city - the city (its district polygons and projection)
 * @param rows - per-district metrics (matched by id; districts without a row get only id and name)
 * @param exposure - per-district exposure of the residents sample (matched by id): added as
 *   `exposureResidents`, `exposureMeanSightings`, `exposureMeanIdentified`, `exposureMeanDistinctCameras`,
 *   `exposureMeanPIdentified`, `exposureObservedFraction`, `exposureMeanLongestGap`
 * @returns a GeoJSON FeatureCollection object
 * @throws {InvalidInputError} without a projection
 * @example districtsGeoJson(city, result.metrics.districts.rows, result.metrics.exposure?.population?.districts)
 */
export function districtsGeoJson(city: City, rows: readonly DistrictMetrics[] = [], exposure: readonly DistrictExposureMetrics[] = []): { type: 'FeatureCollection'; features: unknown[] } {
  const p = requireProjection('districtsGeoJson', city.projection);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const exById = new Map(exposure.map((r) => [r.id, r]));
  return {
    type: 'FeatureCollection',
    features: city.districts.map((d) => {
      const r = byId.get(d.id);
      const props: Record<string, unknown> = { id: d.id, name: d.name };
      if (r) {
        for (const [k, v] of Object.entries(r)) {
          if (k === 'atLeast') (v as number[]).forEach((x, i) => i > 0 && i <= 5 && (props[`coveredAtLeast${i}`] = x));
          else props[k] = v;
        }
      }
      const e = exById.get(d.id);
      if (e) {
        for (const [k, v] of Object.entries(e)) {
          if (k === 'id' || k === 'name') continue;
          props[`exposure${k[0].toUpperCase()}${k.slice(1)}`] = v;
        }
      }
      return { type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: unprojectMultiPolygon(d.area, p, GEOJSON_PRECISION) }, properties: props };
    }),
  };
}

/** The options coverageGridGeoJson knows (its unknown options are refused). */
const COVERAGE_GRID_GEO_JSON_OPTION_KEYS = optionKeys<NonNullable<Parameters<typeof coverageGridGeoJson>[2]>>()({}, ['minDepth']);

/**
 * A coverage raster as a FeatureCollection of square cells (Polygons), one
 * per cell whose centre lies in the study area, with `cameras` = the number
 * of cameras that see the cell centre.
 *
 * @param raster - from coverageRaster
 * @param projection - the city's projection
 * @param options - `minDepth`: leave out cells seen by fewer cameras (default 0: every cell in the area)
 * @returns a GeoJSON FeatureCollection object
 * @throws {InvalidInputError} without a projection
 * @example coverageGridGeoJson(run.raster, city.projection, { minDepth: 1 })
 */
export function coverageGridGeoJson(raster: CoverageRaster, projection: LocalProjection | null, options: { minDepth?: number } = {}): { type: 'FeatureCollection'; features: unknown[] } {
  checkOptions('coverageGridGeoJson', options, COVERAGE_GRID_GEO_JSON_OPTION_KEYS);
  const p = requireProjection('coverageGridGeoJson', projection);
  const minDepth = options.minDepth ?? 0;
  const f = 10 ** GEOJSON_PRECISION;
  const pt = (x: number, y: number) => {
    const [lon, lat] = p.inverse(x, y);
    return [round(lon, f), round(lat, f)];
  };
  const features: unknown[] = [];
  const s = raster.cellSize;
  for (let r = 0; r < raster.rows; r++) {
    for (let c = 0; c < raster.cols; c++) {
      const i = r * raster.cols + c;
      if (!raster.inArea[i] || raster.depth[i] < minDepth) continue;
      const x0 = raster.originX + c * s;
      const y0 = raster.originY + r * s;
      // Counter-clockwise outer ring (RFC 7946 §3.1.6).
      const ring = [pt(x0, y0), pt(x0 + s, y0), pt(x0 + s, y0 + s), pt(x0, y0 + s), pt(x0, y0)];
      features.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: { row: r, col: c, cameras: raster.depth[i] } });
    }
  }
  return { type: 'FeatureCollection', features };
}

/**
 * Camera density on a square grid: cameras per km² in each cell that holds
 * at least one camera, as a FeatureCollection of Polygons (for the report map).
 *
 * @param cameras - the camera set
 * @param city - its city (bounds and projection)
 * @param cellSize - metres (default 1000)
 * @returns a GeoJSON FeatureCollection with `cameras` and `perKm2` properties
 * @throws {InvalidInputError} without a projection or with a bad cell size
 * @example cameraDensityGeoJson(cameras, city, 1000)
 */
export function cameraDensityGeoJson(cameras: CameraSet, city: City, cellSize = 1000): { type: 'FeatureCollection'; features: unknown[] } {
  const p = requireProjection('cameraDensityGeoJson', city.projection);
  if (typeof cellSize !== 'number' || !(cellSize > 0) || !Number.isFinite(cellSize)) throw new InvalidInputError('cameraDensityGeoJson', 'cellSize', 'must be a finite number > 0', cellSize);
  const [bx0, by0, bx1, by1] = city.bounds;
  const cols = Math.max(1, Math.ceil((bx1 - bx0) / cellSize));
  const rows = Math.max(1, Math.ceil((by1 - by0) / cellSize));
  const counts = new Uint32Array(cols * rows);
  for (let i = 0; i < cameras.numCameras; i++) {
    const c = Math.floor((cameras.x[i] - bx0) / cellSize);
    const r = Math.floor((cameras.y[i] - by0) / cellSize);
    if (c >= 0 && c < cols && r >= 0 && r < rows) counts[r * cols + c]++;
  }
  const f = 10 ** 6;
  const pt = (x: number, y: number) => {
    const [lon, lat] = p.inverse(x, y);
    return [round(lon, f), round(lat, f)];
  };
  const km2 = (cellSize * cellSize) / 1e6;
  const features: unknown[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const n = counts[r * cols + c];
      if (n === 0) continue;
      const x0 = bx0 + c * cellSize;
      const y0 = by0 + r * cellSize;
      const ring = [pt(x0, y0), pt(x0 + cellSize, y0), pt(x0 + cellSize, y0 + cellSize), pt(x0, y0 + cellSize), pt(x0, y0)];
      features.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: { cameras: n, perKm2: n / km2 } });
    }
  }
  return { type: 'FeatureCollection', features };
}
