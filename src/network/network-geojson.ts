/**
 * GeoJSON export and import of a command network (RFC 7946, WGS84 lon/lat,
 * projected once at the edge with the city's LocalProjection): nodes as
 * Points, links as LineStrings from the child to the parent, so that a user
 * can draw or edit a real topology in any GIS tool and read it back.
 *
 * Feature properties written (and read):
 * - node: `featureType: 'node'`, `key`, `kind`, `storageTB`, `analyticsStreams`,
 *   `availability`, optional `name`, `districtId` (export also writes
 *   `cameras` and `liveCameras`, ignored on import);
 * - link: `featureType: 'link'`, `key`, `source`, `target` (node keys),
 *   `kind`, `capacityMbps`, `latencyMs`, `availability`.
 */
import Flatbush from 'flatbush';
import { InvalidInputError } from '../core/index.js';
import { type CameraSet } from '../cameras/index.js';
import { type ImportReportEntry } from '../city/index.js';
import { featureId } from '../city/internal.js';
import { type LocalProjection } from '../geo/index.js';
import {
  CREATE_NETWORK_DEFAULTS,
  createCommandNetwork,
  createNetworkGraph,
  validateLinkAttributes,
  validateNodeAttributes,
  type CommandNetwork,
  type NetworkGraph,
  type NetworkLinkAttributes,
  type NetworkNodeAttributes,
  type NodeKind,
  NODE_KINDS,
} from './command-network.js';
import { STREAM_OPTION_KEYS, type StreamOptions } from './streams.js';
import { checkOptions, optionKeys, withNestedOptions } from '../core/internal.js';

/** A GeoJSON Feature of the network (plain object). */
export interface NetworkFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] } | { type: 'LineString'; coordinates: [number, number][] };
  properties: Record<string, unknown>;
}

/** A GeoJSON FeatureCollection of a network. */
export interface NetworkFeatureCollection {
  type: 'FeatureCollection';
  features: NetworkFeature[];
}

function checkProjection(origin: string, projection: unknown): LocalProjection {
  if (typeof projection !== 'object' || projection === null || typeof (projection as LocalProjection).inverse !== 'function' || typeof (projection as LocalProjection).forward !== 'function') {
    throw new InvalidInputError(origin, 'projection', 'must be a LocalProjection (e.g. city.projection)', projection);
  }
  return projection as LocalProjection;
}

/**
 * Exports a network as a GeoJSON FeatureCollection: one Point per node (node
 * index order), then one LineString per link (link index order, child → parent).
 *
 * @param network - the network
 * @param projection - the city's LocalProjection (metres → WGS84)
 * @returns a plain FeatureCollection (JSON.stringify-able)
 * @throws {InvalidInputError} on a missing projection, or (from the projection) a node too far from its centre
 * @example
 * const fc = networkToGeoJSON(net, city.projection!);
 * writeFileSync('network.geojson', JSON.stringify(fc));
 *
 * Complexity: O(nodes + links).
 */
export function networkToGeoJSON(network: CommandNetwork, projection: LocalProjection): NetworkFeatureCollection {
  const origin = 'networkToGeoJSON';
  const proj = checkProjection(origin, projection);
  if (typeof network !== 'object' || network === null || !(network.upStart instanceof Uint32Array)) throw new InvalidInputError(origin, 'network', 'must be a CommandNetwork', network);
  const features: NetworkFeature[] = [];
  const lonlat: [number, number][] = new Array(network.numNodes);
  for (let v = 0; v < network.numNodes; v++) {
    const key = network.nodeKeys[v];
    const a = network.graph.getNodeAttributes(key);
    lonlat[v] = proj.inverse(network.nodeX[v], network.nodeY[v]);
    const properties: Record<string, unknown> = {
      featureType: 'node',
      key,
      kind: a.kind,
      storageTB: a.storageTB,
      analyticsStreams: a.analyticsStreams,
      availability: a.availability,
    };
    if (a.name !== undefined) properties.name = a.name;
    if (a.districtId !== undefined) properties.districtId = a.districtId;
    properties.cameras = network.nodeCameras[v];
    properties.liveCameras = network.nodeLiveCameras[v];
    features.push({ type: 'Feature', id: key, geometry: { type: 'Point', coordinates: lonlat[v] }, properties });
  }
  for (let l = 0; l < network.numLinks; l++) {
    const key = network.linkKeys[l];
    const a = network.graph.getEdgeAttributes(key);
    const s = network.linkSource[l];
    const t = network.linkTarget[l];
    features.push({
      type: 'Feature',
      id: key,
      geometry: { type: 'LineString', coordinates: [lonlat[s], lonlat[t]] },
      properties: {
        featureType: 'link',
        key,
        source: network.nodeKeys[s],
        target: network.nodeKeys[t],
        kind: a.kind,
        capacityMbps: a.capacityMbps,
        latencyMs: a.latencyMs,
        availability: a.availability,
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** Options of {@link networkFromGeoJSON}. */
export interface NetworkFromGeoJSONOptions {
  /** A link end without `source`/`target` matches the nearest node Point within this many metres (> 0). */
  snapTolerance?: number;
  /** Defaults for node fields missing from a feature (each use is reported). */
  nodeDefaults?: Partial<Pick<NetworkNodeAttributes, 'storageTB' | 'analyticsStreams' | 'availability'>>;
  /** Defaults for link fields missing from a feature (each use is reported). A missing latency is computed from the link's length. */
  linkDefaults?: Partial<Pick<NetworkLinkAttributes, 'availability'>>;
  /** Propagation delay for a missing latency, ms per km (default 0.0049: light in fibre, see NETWORK_BUILD_DEFAULTS). */
  latencyMsPerKm?: number;
  /** When given, the result also holds a CommandNetwork over these cameras. */
  cameras?: CameraSet;
  /** Node per camera (indices in feature order of the nodes, or keys). Default: the nearest node of a kind in `attachKinds`. */
  cameraNode?: ArrayLike<number> | readonly string[];
  /** Node kinds cameras attach to by default (default `['aggregation']`). */
  attachKinds?: readonly NodeKind[];
  /** Stream model for the network's bitrates. */
  stream?: StreamOptions;
  /** Throw unless the imported topology is a tree. */
  requireTree?: boolean;
}

/** Defaults of {@link networkFromGeoJSON}. */
export const NETWORK_GEOJSON_DEFAULTS = {
  /** One metre: drawn link ends snap to a node within 1 m. */
  snapTolerance: 1,
  /** A node without storage has none; without analytics runs none; without availability is always up (each reported). */
  nodeDefaults: { storageTB: 0, analyticsStreams: 0, availability: 1 },
  /** A link without availability is always up (reported). */
  linkDefaults: { availability: 1 },
  /** Light in fibre, 0.0049 ms/km (c / 1.47). */
  latencyMsPerKm: 0.0049,
  /** Cameras attach to aggregation nodes, the roadside units that carry them. */
  attachKinds: ['aggregation'] as readonly NodeKind[],
  /** As createCommandNetwork ({@link CREATE_NETWORK_DEFAULTS}): redundant links are accepted unless a tree is asked for. */
  requireTree: CREATE_NETWORK_DEFAULTS.requireTree,
} as const;

/** The options networkFromGeoJSON knows (its unknown options are refused). */
const NETWORK_FROM_GEO_JSON_OPTION_KEYS = withNestedOptions(optionKeys<NetworkFromGeoJSONOptions>()(NETWORK_GEOJSON_DEFAULTS, ['cameras', 'cameraNode', 'stream']), { stream: STREAM_OPTION_KEYS });

/** Result of {@link networkFromGeoJSON}. */
export interface NetworkImport {
  graph: NetworkGraph;
  /** Built when `options.cameras` is given, else null. */
  network: CommandNetwork | null;
  /** One entry per skipped feature and per default applied. */
  report: ImportReportEntry[];
  /** Feature index of each node (graph node order) and each link (graph edge order). */
  nodeFeature: number[];
  linkFeature: number[];
}

function readPosition(origin: string, field: string, c: unknown, proj: LocalProjection): [number, number] {
  if (!Array.isArray(c) || c.length < 2 || typeof c[0] !== 'number' || typeof c[1] !== 'number' || !Number.isFinite(c[0]) || !Number.isFinite(c[1])) {
    throw new InvalidInputError(origin, field, 'must be a [lon, lat] position of finite numbers', c);
  }
  try {
    return proj.forward(c[0], c[1]);
  } catch {
    throw new InvalidInputError(origin, field, 'must be a WGS84 position (lon in [-180, 180], lat in [-90, 90]) with a finite projection', c);
  }
}

/**
 * Imports a network from a GeoJSON FeatureCollection: Points are nodes,
 * LineStrings are links from their first position (child) to their last
 * (parent). A feature's `properties.featureType` ('node' | 'link') wins over
 * its geometry type. Link ends are the nodes named by `properties.source` /
 * `properties.target`, else the nearest node Point within `snapTolerance`
 * metres of the line's first / last position.
 *
 * Nothing is dropped silently: features that are neither nodes nor links
 * (other geometries, `featureType` of another value) are skipped with a
 * report entry; every default applied is reported; a feature that is a node
 * or link but cannot be read throws.
 *
 * @param fc - a GeoJSON FeatureCollection (WGS84)
 * @param projection - the city's LocalProjection (WGS84 → metres)
 * @param options - snapTolerance, defaults, and `cameras` (+ `cameraNode` or nearest-node
 *   assignment) to get a CommandNetwork too; defaults: {@link NETWORK_GEOJSON_DEFAULTS}
 * @returns `{ graph, network, report, nodeFeature, linkFeature }`
 * @throws {InvalidInputError} naming the feature (`features[7]` with its id): a node with
 *   a bad kind, non-finite or out-of-range coordinates, storage < 0, availability outside
 *   [0, 1]; a duplicate node key; a link with capacity ≤ 0, an end that matches no node
 *   (`source`/`target` naming no node, or no node within snapTolerance), both ends on the
 *   same node, or a duplicate link; and any error of createCommandNetwork
 * @example
 * const { network, report } = networkFromGeoJSON(JSON.parse(text), city.projection!, { cameras });
 *
 * Complexity: O(features + nodes · links without source/target) (snapping scans the nodes).
 */
export function networkFromGeoJSON(fc: unknown, projection: LocalProjection, options?: NetworkFromGeoJSONOptions): NetworkImport {
  checkOptions('networkFromGeoJSON', options, NETWORK_FROM_GEO_JSON_OPTION_KEYS);
  const origin = 'networkFromGeoJSON';
  const proj = checkProjection(origin, projection);
  const o = options ?? {};
  if (typeof o !== 'object' || o === null) throw new InvalidInputError(origin, 'options', 'must be an object', options);
  const D = NETWORK_GEOJSON_DEFAULTS;
  const snap = o.snapTolerance ?? D.snapTolerance;
  if (typeof snap !== 'number' || !Number.isFinite(snap) || snap <= 0) throw new InvalidInputError(origin, 'options.snapTolerance', 'must be a finite number > 0', snap);
  const perKm = o.latencyMsPerKm ?? D.latencyMsPerKm;
  if (typeof perKm !== 'number' || !Number.isFinite(perKm) || perKm < 0) throw new InvalidInputError(origin, 'options.latencyMsPerKm', 'must be a finite number >= 0', perKm);
  const nodeDefaults = { ...D.nodeDefaults, ...(o.nodeDefaults ?? {}) };
  validateNodeAttributes(origin, 'options.nodeDefaults', { kind: 'aggregation', x: 0, y: 0, ...nodeDefaults });
  const linkDefaults = { ...D.linkDefaults, ...(o.linkDefaults ?? {}) };
  validateLinkAttributes(origin, 'options.linkDefaults', { kind: 'fibre', capacityMbps: 1, latencyMs: 0, ...linkDefaults });
  if (typeof fc !== 'object' || fc === null || (fc as { type?: unknown }).type !== 'FeatureCollection' || !Array.isArray((fc as { features?: unknown }).features)) {
    throw new InvalidInputError(origin, 'fc', 'must be a GeoJSON FeatureCollection', fc);
  }
  const features = (fc as { features: unknown[] }).features;
  const report: ImportReportEntry[] = [];
  const graph = createNetworkGraph();
  const nodeFeature: number[] = [];
  const linkFeature: number[] = [];
  const linkIdx: number[] = [];
  const nx: number[] = [];
  const ny: number[] = [];
  const keys: string[] = [];

  const fieldOf = (i: number, id: string | null): string => (id === null ? `features[${i}]` : `features[${i}] (id ${JSON.stringify(id)})`);

  // pass 1: classify; read nodes
  for (let i = 0; i < features.length; i++) {
    const f = features[i] as { type?: unknown; geometry?: { type?: unknown; coordinates?: unknown } | null; properties?: Record<string, unknown> | null };
    const id = featureId(f);
    if (typeof f !== 'object' || f === null || f.type !== 'Feature') {
      report.push({ index: i, id, field: 'type', value: (f as { type?: unknown } | null)?.type, reason: 'not a GeoJSON Feature; skipped', action: 'skipped' });
      continue;
    }
    const props = f.properties && typeof f.properties === 'object' ? f.properties : {};
    const gtype = f.geometry && typeof f.geometry === 'object' ? f.geometry.type : undefined;
    const ft = props.featureType;
    let role: 'node' | 'link' | null = null;
    if (ft === 'node' || ft === 'link') role = ft;
    else if (ft === undefined) role = gtype === 'Point' ? 'node' : gtype === 'LineString' ? 'link' : null;
    if (role === null) {
      report.push({ index: i, id, field: ft === undefined ? 'geometry.type' : 'properties.featureType', value: ft === undefined ? gtype : ft, reason: 'neither a node (Point) nor a link (LineString); skipped', action: 'skipped' });
      continue;
    }
    const field = fieldOf(i, id);
    if (role === 'link') {
      if (gtype !== 'LineString') throw new InvalidInputError(origin, `${field}.geometry.type`, 'must be "LineString" for a link', gtype);
      linkIdx.push(i);
      continue;
    }
    if (gtype !== 'Point') throw new InvalidInputError(origin, `${field}.geometry.type`, 'must be "Point" for a node', gtype);
    const [x, y] = readPosition(origin, `${field}.geometry.coordinates`, f.geometry!.coordinates, proj);
    const key = typeof props.key === 'string' ? props.key : id ?? `node-${i}`;
    if (graph.hasNode(key)) throw new InvalidInputError(origin, `${field}.properties.key`, 'must be unique among the nodes', key);
    const attrs: Record<string, unknown> = { kind: props.kind, x, y };
    for (const k of ['storageTB', 'analyticsStreams', 'availability'] as const) {
      if (props[k] === undefined || props[k] === null) {
        attrs[k] = nodeDefaults[k];
        report.push({ index: i, id, field: k, value: props[k], reason: `missing; default ${nodeDefaults[k]} used`, action: 'default' });
      } else attrs[k] = props[k];
    }
    if (props.name !== undefined) attrs.name = props.name;
    if (props.districtId !== undefined) attrs.districtId = props.districtId;
    validateNodeAttributes(origin, `${field}.properties`, attrs);
    graph.addNode(key, attrs as unknown as NetworkNodeAttributes);
    nodeFeature.push(i);
    nx.push(x);
    ny.push(y);
    keys.push(key);
  }

  // pass 2: links
  const nearest = (x: number, y: number): number => {
    let best = -1;
    let bd = snap;
    for (let v = 0; v < nx.length; v++) {
      const d = Math.hypot(nx[v] - x, ny[v] - y);
      if (d <= bd) {
        bd = d;
        best = v;
      }
    }
    return best;
  };
  for (const i of linkIdx) {
    const f = features[i] as { geometry: { coordinates?: unknown }; properties?: Record<string, unknown> | null };
    const id = featureId(f);
    const field = fieldOf(i, id);
    const props = f.properties && typeof f.properties === 'object' ? f.properties : {};
    const coords = f.geometry.coordinates;
    if (!Array.isArray(coords) || coords.length < 2) throw new InvalidInputError(origin, `${field}.geometry.coordinates`, 'must hold at least two positions', coords);
    let length = 0;
    const pts: [number, number][] = coords.map((c, k) => readPosition(origin, `${field}.geometry.coordinates[${k}]`, c, proj));
    for (let k = 1; k < pts.length; k++) length += Math.hypot(pts[k][0] - pts[k - 1][0], pts[k][1] - pts[k - 1][1]);
    const end = (which: 'source' | 'target', p: [number, number]): string => {
      const named = props[which];
      if (named !== undefined && named !== null) {
        if (typeof named !== 'string' || !graph.hasNode(named)) {
          throw new InvalidInputError(origin, `${field}.properties.${which}`, 'must name a node of the network (no node has this key)', named);
        }
        return named;
      }
      const v = nearest(p[0], p[1]);
      if (v < 0) {
        throw new InvalidInputError(origin, `${field}.geometry`, `must ${which === 'source' ? 'start' : 'end'} at a node: no node Point within snapTolerance ${snap} m of its ${which === 'source' ? 'first' : 'last'} position (and no properties.${which})`, coords[which === 'source' ? 0 : coords.length - 1]);
      }
      return keys[v];
    };
    const s = end('source', pts[0]);
    const t = end('target', pts[pts.length - 1]);
    if (s === t) throw new InvalidInputError(origin, field, `must join two different nodes, both ends are ${JSON.stringify(s)}`, s);
    if (graph.hasDirectedEdge(s, t)) throw new InvalidInputError(origin, field, `duplicates the link ${JSON.stringify(s)} -> ${JSON.stringify(t)}`, s);
    const attrs: Record<string, unknown> = { kind: props.kind, capacityMbps: props.capacityMbps };
    if (props.latencyMs === undefined || props.latencyMs === null) {
      attrs.latencyMs = (length / 1000) * perKm;
      report.push({ index: i, id, field: 'latencyMs', value: props.latencyMs, reason: `missing; computed from the link's length (${length.toFixed(1)} m × ${perKm} ms/km)`, action: 'default' });
    } else attrs.latencyMs = props.latencyMs;
    if (props.availability === undefined || props.availability === null) {
      attrs.availability = linkDefaults.availability;
      report.push({ index: i, id, field: 'availability', value: props.availability, reason: `missing; default ${linkDefaults.availability} used`, action: 'default' });
    } else attrs.availability = props.availability;
    validateLinkAttributes(origin, `${field}.properties`, attrs);
    const key = typeof props.key === 'string' ? props.key : id ?? `${s}->${t}`;
    if (graph.hasEdge(key)) throw new InvalidInputError(origin, `${field}.properties.key`, 'must be unique among the links', key);
    graph.addDirectedEdgeWithKey(key, s, t, attrs as unknown as NetworkLinkAttributes);
    linkFeature.push(i);
  }

  let network: CommandNetwork | null = null;
  if (o.cameras !== undefined) {
    let cameraNode = o.cameraNode;
    if (cameraNode === undefined) {
      const kinds = o.attachKinds ?? D.attachKinds;
      if (!Array.isArray(kinds)) throw new InvalidInputError(origin, 'options.attachKinds', 'must be an array of node kinds', kinds);
      const allowed: number[] = [];
      kinds.forEach((k, j) => {
        if (!NODE_KINDS.includes(k)) throw new InvalidInputError(origin, `options.attachKinds[${j}]`, `must be one of ${NODE_KINDS.join(', ')}`, k);
      });
      graph.forEachNode((_k, a) => void allowed.push(kinds.includes(a.kind) ? 1 : 0));
      cameraNode = nearestNodes(origin, o.cameras, nx, ny, allowed, kinds);
    }
    network = createCommandNetwork(graph, o.cameras, {
      cameraNode,
      stream: o.stream,
      requireTree: o.requireTree ?? D.requireTree,
      origin,
      provenance: { generator: origin, seed: null, params: { numFeatures: features.length, snapTolerance: snap, reportEntries: report.length } },
    });
  }
  return { graph, network, report, nodeFeature, linkFeature };
}

/** Index of the nearest allowed node for each camera (flatbush k-nearest search). */
function nearestNodes(origin: string, cameras: CameraSet, nx: number[], ny: number[], allowed: number[], kinds: readonly string[]): Uint32Array {
  const cand: number[] = [];
  for (let v = 0; v < allowed.length; v++) if (allowed[v]) cand.push(v);
  if (cand.length === 0 && cameras.numCameras > 0) throw new InvalidInputError(origin, 'options.attachKinds', 'must match at least one imported node to attach the cameras to', kinds);
  const out = new Uint32Array(cameras.numCameras);
  if (cand.length === 0) return out;
  const index = new Flatbush(cand.length);
  for (const v of cand) index.add(nx[v], ny[v], nx[v], ny[v]);
  index.finish();
  for (let c = 0; c < cameras.numCameras; c++) out[c] = cand[index.neighbors(cameras.x[c], cameras.y[c], 1)[0]];
  return out;
}
