/**
 * GeoJSON exports (RFC 7946: WGS84 longitude/latitude, counter-clockwise
 * outer rings) of cameras, districts and coverage grids, unprojected once
 * through the city's projection. Ready for QGIS and kepler.gl.
 */
import { InvalidInputError } from '../core/index.js';
import { CAMERA_KINDS, CAMERA_OPERATORS, CAPABILITY_FACE, CAPABILITY_PLATE, NO_NODE, type CameraSet } from '../cameras/index.js';
import { type City } from '../city/index.js';
import { clipMultiPolygonToRect } from '../city/internal.js';
import { type CoverageRaster } from '../coverage/index.js';
import { networkToGeoJSON, type CommandNetwork, type NetworkFeatureCollection } from '../network/index.js';
import { multiPolygonArea, unprojectMultiPolygon, type LocalProjection } from '../geo/index.js';
import { type DistrictExposureMetrics, type DistrictMetrics } from '../scenario/index.js';
import { checkOptions, optionKeys } from '../core/internal.js';
import { type FgbFeature } from './flatgeobuf.js';

/** Decimal places of exported coordinates: 7 ≈ 1 cm. */
export const GEOJSON_PRECISION = 7;

const round = (v: number, f: number) => Math.round(v * f) / f;

function requireProjection(origin: string, projection: LocalProjection | null | undefined): LocalProjection {
  if (!projection || typeof projection.inverse !== 'function') {
    throw new InvalidInputError(origin, 'projection', 'must be a LocalProjection (the city has none: an abstract city cannot be placed on Earth)', projection);
  }
  return projection;
}

/** The attributes of camera `i` as GeoJSON/FlatGeobuf properties (the same in every camera layer). */
export function cameraProperties(cameras: CameraSet, i: number): CameraProperties {
  const caps = cameras.capabilities[i];
  return {
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
    sourceKey: cameras.sourceId ? cameras.sourceId[i] || null : null,
  };
}

/** Properties of a camera feature (cameras.geojson, camera-footprints.geojson and their .fgb). */
export interface CameraProperties {
  id: number;
  heading: number;
  fov: number;
  range: number;
  height: number;
  tilt: number;
  resolutionPx: number;
  kind: string;
  capabilities: string;
  operator: string;
  live: boolean;
  nodeId: number | null;
  /** The camera's identifier in the data it was imported from (e.g. an OpenStreetMap `node/123`), null for a generated camera. */
  sourceKey: string | null;
}

/**
 * The cameras as a GeoJSON FeatureCollection of Points, one per camera, with
 * their attributes as properties (heading, fov, range, height, tilt,
 * resolutionPx, kind, capabilities, operator, live, nodeId, sourceKey).
 * Yields the text in chunks, so 128,000 cameras never sit in one string.
 *
 * @param cameras - the camera set (local metres)
 * @param projection - the city's projection
 * @returns an iterable of text chunks that together form the document
 * @throws {InvalidInputError} without a projection
 * @example writeFileAtomic('cameras.geojson', camerasGeoJsonChunks(cameras, city.projection));
 */
export function* camerasGeoJsonChunks(cameras: CameraSet, projection: LocalProjection | null): Generator<string> {
  yield* featureCollectionChunks(cameraFeatures(cameras, requireProjection('camerasGeoJson', projection)));
}

/**
 * The camera Points as feature objects, one at a time (for cameras.geojson and cameras.fgb).
 *
 * @param cameras - the camera set (local metres)
 * @param projection - the city's projection
 * @returns the features, in camera order
 * @throws {InvalidInputError} without a projection
 * @example flatgeobufBytes('cameras', 'Point', [...cameraFeatures(cameras, city.projection)])
 */
export function* cameraFeatures(cameras: CameraSet, projection: LocalProjection | null): Generator<FgbFeature & { type: 'Feature' }> {
  const p = requireProjection('camerasGeoJson', projection);
  const f = 10 ** GEOJSON_PRECISION;
  for (let i = 0; i < cameras.numCameras; i++) {
    const [lon, lat] = p.inverse(cameras.x[i], cameras.y[i]);
    yield { type: 'Feature', geometry: { type: 'Point', coordinates: [round(lon, f), round(lat, f)] }, properties: { ...cameraProperties(cameras, i) } };
  }
}

/** A FeatureCollection's text from its features, one feature a line, in chunks of 1,000 features. */
function* featureCollectionChunks(features: Iterable<unknown>): Generator<string> {
  yield '{"type":"FeatureCollection","features":[\n';
  let buf: string[] = [];
  let first = true;
  for (const feature of features) {
    buf.push(`${first ? '' : ','}${JSON.stringify(feature)}\n`);
    first = false;
    if (buf.length === 1000) {
      yield buf.join('');
      buf = [];
    }
  }
  if (buf.length) yield buf.join('');
  yield ']}\n';
}

/** Options of {@link cameraFootprintsGeoJsonChunks}. */
export interface CameraFootprintsOptions {
  /** Largest gap, metres, between the true arc of a footprint and the chords that stand for it (the sagitta of each chord), > 0. */
  maxChordError?: number;
}

/** Defaults of {@link CameraFootprintsOptions}. */
export const CAMERA_FOOTPRINTS_DEFAULTS: Required<CameraFootprintsOptions> = {
  // Assumption (not a fact): 0.25 m, about a tenth of a street lane and
  // below what a map at street scale shows; with ranges of 10–300 m it gives
  // 3–37 chords for a 60° lens. Plausible range 0.05–2 m (finer only grows the file).
  maxChordError: 0.25,
};

/** The options cameraFootprintsGeoJsonChunks knows (its unknown options are refused). */
const CAMERA_FOOTPRINTS_OPTION_KEYS = optionKeys<CameraFootprintsOptions>()(CAMERA_FOOTPRINTS_DEFAULTS, []);

/**
 * Vertices of one footprint ring in local metres: apex, arc points from the
 * left edge to the right edge (clockwise from north), apex again; the ring
 * is then reversed to be counter-clockwise. A 360° lens gives the inscribed
 * polygon of the disc, without apex. The arc is cut into the fewest equal
 * chords whose sagitta `r (1 − cos(θ/2))` is at most `maxChordError`.
 */
export function footprintRing(x: number, y: number, r: number, headingDeg: number, fovDeg: number, maxChordError: number): [number, number][] {
  const fov = (Math.min(360, fovDeg) * Math.PI) / 180;
  // Largest chord angle whose sagitta stays within the error; a lens smaller than the error needs one chord.
  const theta = maxChordError >= r ? Math.PI : 2 * Math.acos(1 - maxChordError / r);
  const full = fovDeg >= 360;
  const n = Math.max(full ? 3 : 1, Math.ceil(fov / theta));
  const h = (headingDeg * Math.PI) / 180;
  const start = h - fov / 2;
  const pts: [number, number][] = [];
  if (!full) pts.push([x, y]);
  for (let k = 0; k <= (full ? n - 1 : n); k++) {
    const a = start + (fov * k) / n; // clockwise from north
    pts.push([x + r * Math.sin(a), y + r * Math.cos(a)]);
  }
  pts.push(pts[0]);
  // Bearings grow clockwise, so the ring runs clockwise: reverse it (RFC 7946 §3.1.6).
  return pts.reverse();
}

/**
 * The cameras' fields of view as a GeoJSON FeatureCollection of Polygons,
 * one per camera (in camera order, the same `id` as in cameras.geojson):
 * the wedge of its lens out to its range, the arc cut into chords that
 * depart from the true arc by at most `maxChordError` metres (so a polygon's
 * area falls short of the sector's ½ r² fov by less than fov · r ·
 * maxChordError). Properties match {@link camerasGeoJsonChunks}. The wedge
 * ignores walls (the coverage raster accounts for occlusion).
 *
 * @param cameras - the camera set (local metres)
 * @param projection - the city's projection
 * @param options - `maxChordError` (metres, default {@link CAMERA_FOOTPRINTS_DEFAULTS})
 * @returns an iterable of text chunks that together form the document
 * @throws {InvalidInputError} without a projection or with a bad maxChordError
 * @example writeFileAtomic('camera-footprints.geojson', cameraFootprintsGeoJsonChunks(cameras, city.projection));
 * @remarks O(cameras · chords); about 20 chords a camera at the default.
 */
export function* cameraFootprintsGeoJsonChunks(cameras: CameraSet, projection: LocalProjection | null, options: CameraFootprintsOptions = {}): Generator<string> {
  yield* featureCollectionChunks(cameraFootprintFeatures(cameras, projection, options));
}

/**
 * The footprint Polygons as feature objects, one at a time (for
 * camera-footprints.geojson and camera-footprints.fgb); see
 * {@link cameraFootprintsGeoJsonChunks}.
 *
 * @param cameras - the camera set (local metres)
 * @param projection - the city's projection
 * @param options - `maxChordError` (metres)
 * @returns the features, in camera order
 * @throws {InvalidInputError} without a projection or with a bad maxChordError
 * @example flatgeobufBytes('camera-footprints', 'Polygon', [...cameraFootprintFeatures(cameras, city.projection)])
 */
export function* cameraFootprintFeatures(cameras: CameraSet, projection: LocalProjection | null, options: CameraFootprintsOptions = {}): Generator<FgbFeature & { type: 'Feature' }> {
  checkOptions('cameraFootprintsGeoJson', options, CAMERA_FOOTPRINTS_OPTION_KEYS);
  const o = { ...CAMERA_FOOTPRINTS_DEFAULTS, ...options };
  if (typeof o.maxChordError !== 'number' || !(o.maxChordError > 0) || !Number.isFinite(o.maxChordError)) {
    throw new InvalidInputError('cameraFootprintsGeoJson', 'maxChordError', 'must be a finite number of metres > 0', o.maxChordError);
  }
  const p = requireProjection('cameraFootprintsGeoJson', projection);
  const f = 10 ** GEOJSON_PRECISION;
  for (let i = 0; i < cameras.numCameras; i++) {
    const ring = footprintRing(cameras.x[i], cameras.y[i], cameras.range[i], cameras.heading[i], cameras.fov[i], o.maxChordError).map(([x, y]) => {
      const [lon, lat] = p.inverse(x, y);
      return [round(lon, f), round(lat, f)];
    });
    yield { type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: { ...cameraProperties(cameras, i) } };
  }
}

/**
 * The districts as a FeatureCollection of MultiPolygons, each with its
 * metrics (coverage, streets, cameras, residents) as properties. `id` is the
 * district's index in the city (a number, like every `id` of the outputs),
 * `key` its string identifier (e.g. `medeu`), `name` its name.
 *
 * @param city - the city (its district polygons and projection)
 * @param rows - per-district metrics (matched by the district's key; districts without a row get only id, key and name)
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
    features: city.districts.map((d, index) => {
      const r = byId.get(d.id);
      const props: Record<string, unknown> = { id: index, key: d.id, name: d.name };
      if (r) {
        for (const [k, v] of Object.entries(r)) {
          if (k === 'id' || k === 'name') continue;
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
 * Camera density on a square grid: cameras per km² of city in each cell
 * that holds at least one camera, as a FeatureCollection of Polygons (for
 * the report map and camera-density.fgb). A cell on the city's edge is
 * divided by the area of its part inside the boundary (`areaKm2`), not by
 * the whole cell, so the fringe does not look sparser than it is.
 *
 * @param cameras - the camera set
 * @param city - its city (boundary, bounds and projection)
 * @param cellSize - metres (default 1000)
 * @returns a GeoJSON FeatureCollection with `cameras`, `areaKm2` (cell area inside the city) and `perKm2` properties
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
  const f = 10 ** GEOJSON_PRECISION;
  const pt = (x: number, y: number) => {
    const [lon, lat] = p.inverse(x, y);
    return [round(lon, f), round(lat, f)];
  };
  const features: unknown[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const n = counts[r * cols + c];
      if (n === 0) continue;
      const x0 = bx0 + c * cellSize;
      const y0 = by0 + r * cellSize;
      const ring = [pt(x0, y0), pt(x0 + cellSize, y0), pt(x0 + cellSize, y0 + cellSize), pt(x0, y0 + cellSize), pt(x0, y0)];
      // A camera lies in the city, so its cell overlaps it; the floor only guards a camera placed on the boundary line itself.
      const inside = Math.max(multiPolygonArea(clipMultiPolygonToRect(city.boundary, x0, y0, x0 + cellSize, y0 + cellSize)), 1e-6 * cellSize * cellSize);
      const km2 = inside / 1e6;
      features.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: { cameras: n, areaKm2: round(km2, 1e6), perKm2: n / km2 } });
    }
  }
  return { type: 'FeatureCollection', features };
}

/** A position rounded to {@link GEOJSON_PRECISION} decimals. */
function roundPosition(c: readonly number[]): [number, number] {
  const f = 10 ** GEOJSON_PRECISION;
  return [round(c[0], f), round(c[1], f)];
}

/**
 * The network as one FeatureCollection, nodes then links, exactly as
 * networkToGeoJSON gives it (feature ids are the string keys) with its
 * coordinates rounded to {@link GEOJSON_PRECISION} decimals: the file
 * networkFromGeoJSON reads back (`network.geojson`, kept for that round trip).
 * For GIS use, {@link networkNodesGeoJson} and {@link networkLinksGeoJson}
 * give one geometry type per file and numeric ids.
 *
 * @param network - the command network
 * @param projection - the city's projection
 * @returns the FeatureCollection
 * @throws {InvalidInputError} without a projection
 * @example JSON.stringify(networkGeoJson(run.network, city.projection))
 */
export function networkGeoJson(network: CommandNetwork, projection: LocalProjection | null): NetworkFeatureCollection {
  const fc = networkToGeoJSON(network, requireProjection('networkGeoJson', projection));
  for (const f of fc.features) {
    const g = f.geometry;
    if (g.type === 'Point') g.coordinates = roundPosition(g.coordinates);
    else g.coordinates = g.coordinates.map(roundPosition);
  }
  return fc;
}

/**
 * The network's nodes as a FeatureCollection of Points. `id` is the node's
 * index (the `nodeId` of the cameras that report to it), a number;
 * `key` is its name in the network graph (a string, as in network.geojson).
 * Other properties as networkToGeoJSON gives them (kind, storageTB,
 * analyticsStreams, availability, name, cameras, liveCameras), its district's
 * `districtId` renamed `districtKey` (a string key, as `key` in districts.geojson).
 *
 * @param network - the command network
 * @param projection - the city's projection
 * @returns the FeatureCollection
 * @throws {InvalidInputError} without a projection
 * @example networkNodesGeoJson(run.network, city.projection).features[0].properties.id // 0
 */
export function networkNodesGeoJson(network: CommandNetwork, projection: LocalProjection | null): { type: 'FeatureCollection'; features: unknown[] } {
  const fc = networkGeoJson(network, projection);
  const features: unknown[] = [];
  let v = 0;
  for (const f of fc.features) {
    if (f.geometry.type !== 'Point') continue;
    const { featureType: _t, districtId, ...rest } = f.properties;
    features.push({ type: 'Feature', id: v, geometry: f.geometry, properties: { id: v, ...rest, ...(districtId === undefined ? {} : { districtKey: districtId }) } });
    v++;
  }
  return { type: 'FeatureCollection', features };
}

/**
 * The network's links as a FeatureCollection of LineStrings. `id` is the
 * link's index, `sourceId`/`targetId` the numeric ids of its end nodes (as
 * in network-nodes.geojson); `key`, `source`, `target` keep the string keys.
 * Other properties: kind, capacityMbps, latencyMs, availability.
 *
 * @param network - the command network
 * @param projection - the city's projection
 * @returns the FeatureCollection
 * @throws {InvalidInputError} without a projection
 * @example networkLinksGeoJson(run.network, city.projection).features[0].properties.sourceId
 */
export function networkLinksGeoJson(network: CommandNetwork, projection: LocalProjection | null): { type: 'FeatureCollection'; features: unknown[] } {
  const fc = networkGeoJson(network, projection);
  const features: unknown[] = [];
  let l = 0;
  for (const f of fc.features) {
    if (f.geometry.type !== 'LineString') continue;
    const { featureType: _t, key, source, target, ...rest } = f.properties;
    features.push({ type: 'Feature', id: l, geometry: f.geometry, properties: { id: l, key, source, target, sourceId: network.linkSource[l], targetId: network.linkTarget[l], ...rest } });
    l++;
  }
  return { type: 'FeatureCollection', features };
}
