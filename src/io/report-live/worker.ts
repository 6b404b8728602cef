/// <reference lib="dom" />
/**
 * The report's Web Worker (bundled by scripts/build-assets.mjs into
 * dist/assets/report-live-worker.js and inlined in report.html): sightline's
 * own coverage, route-exposure and routing code run in the reader's browser
 * on the cameras, street graph and study area the page ships.
 *
 * Reconstructs only what the live figures need: the CameraSet (its columns),
 * the street graph (graphology, nodes and edges in the Node graph's order, so
 * that snapping and tie-breaking match) and the study area (the city
 * boundary). No buildings: the live figures are without occlusion.
 *
 * Messages in: `{ type: 'init', columns, boundary }`, `{ type: 'coverage', id, keep }`,
 * `{ type: 'route', id, from, to, keep }` (`keep`: one byte per camera, 1 =
 * in the group switched on, or null for all). Out: `{ type: 'ready', identify }`,
 * `{ type: 'coverage', id, … }`, `{ type: 'route', id, … }`, `{ type: 'error', id, message }`.
 */
import Graph from 'graphology';
import { CameraSet } from '../../cameras/index.js';
import { type StreetGraph } from '../../city/index.js';
import { computeCoverage } from '../../coverage/index.js';
import { effectiveRadius } from '../../coverage/internal.js';
import { computeStreetExposureProfile, leastSurveilledRoute, routeExposure, type StreetExposureProfile, type NetworkRoute } from '../../exposure/index.js';
import { buildStreetNetwork, type StreetNetwork } from '../../mobility/index.js';
import { type MultiPolygonM } from '../../geo/index.js';

/** Typed-array columns as the page sends them. */
export interface LiveColumns {
  [name: string]: Float64Array | Float32Array | Uint8Array | Uint16Array | Uint32Array;
}

/** One message to the worker. */
export type LiveRequest =
  | { type: 'init'; columns: LiveColumns; boundary: { outer: number[]; holes: number[][] }[]; streetClasses: string[] }
  | { type: 'coverage'; id: number; keep: Uint8Array | null }
  | { type: 'route'; id: number; from: [number, number]; to: [number, number]; keep: Uint8Array | null };

interface State {
  cameras: CameraSet;
  area: MultiPolygonM;
  columns: LiveColumns;
  streetClasses: string[];
  streets: StreetGraph | null;
  network: StreetNetwork | null;
  profiles: Map<string, StreetExposureProfile>;
}

let state: State | null = null;

function cameraSet(c: LiveColumns): CameraSet {
  const n = c.x.length;
  return new CameraSet(n, {
    x: c.x as Float64Array,
    y: c.y as Float64Array,
    heading: c.heading as Float64Array,
    fov: c.fov as Float64Array,
    range: c.range as Float64Array,
    height: c.height as Float32Array,
    tilt: c.tilt as Float32Array,
    resolutionPx: c.resolutionPx as Float32Array,
    kind: c.kind as Uint8Array,
    capabilities: c.capabilities as Uint8Array,
    operator: c.operator as Uint8Array,
    live: c.live as Uint8Array,
    nodeId: c.nodeId as Uint32Array,
  });
}

/** The street graph rebuilt with graphology, nodes and edges in the order the page got them. */
function streetGraph(s: State): StreetGraph {
  if (s.streets === null) {
    const c = s.columns;
    const g = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false }) as unknown as StreetGraph;
    const nx = c.nodeX as Float64Array;
    const ny = c.nodeY as Float64Array;
    for (let i = 0; i < nx.length; i++) g.addNode(String(i), { x: nx[i], y: ny[i] });
    const es = c.edgeSource as Uint32Array;
    const et = c.edgeTarget as Uint32Array;
    for (let e = 0; e < es.length; e++) {
      g.addEdge(String(es[e]), String(et[e]), {
        length: (c.edgeLength as Float64Array)[e],
        width: (c.edgeWidth as Float32Array)[e],
        streetClass: s.streetClasses[(c.edgeClass as Uint8Array)[e]] as never,
      });
    }
    s.streets = g;
  }
  return s.streets;
}

/** Ids of the cameras switched on (all when keep is null). */
function keptIds(s: State, keep: Uint8Array | null): Uint32Array | null {
  if (keep === null) return null;
  const ids: number[] = [];
  for (let i = 0; i < keep.length; i++) if (keep[i]) ids.push(i);
  return Uint32Array.from(ids);
}

function pathOf(network: StreetNetwork, from: number, route: NetworkRoute): Float64Array {
  const pts = new Float64Array(2 * (route.arcs.length + 1));
  let node = from;
  pts[0] = network.x[node];
  pts[1] = network.y[node];
  for (let k = 0; k < route.arcs.length; k++) {
    const a = route.arcs[k];
    const e = a >> 1;
    node = a & 1 ? network.edgeSource[e] : network.edgeTarget[e];
    pts[2 * k + 2] = network.x[node];
    pts[2 * k + 3] = network.y[node];
  }
  return pts;
}

function handle(msg: LiveRequest): unknown {
  if (msg.type === 'init') {
    const cameras = cameraSet(msg.columns);
    const area: MultiPolygonM = msg.boundary.map((p) => ({ outer: Float64Array.from(p.outer), holes: p.holes.map((h) => Float64Array.from(h)) }));
    state = { cameras, area, columns: msg.columns, streetClasses: msg.streetClasses, streets: null, network: null, profiles: new Map() };
    const identify = new Float32Array(cameras.numCameras);
    for (let i = 0; i < cameras.numCameras; i++) identify[i] = effectiveRadius(cameras, i, 'identify');
    return { type: 'ready', identify };
  }
  const s = state;
  if (s === null) throw new Error('the worker has not been given its data');
  const ids = keptIds(s, msg.keep);
  const cams = ids === null ? s.cameras : s.cameras.subset(ids);
  const original = (i: number) => (ids === null ? i : ids[i]);
  if (msg.type === 'coverage') {
    const t0 = performance.now();
    const r = computeCoverage(cams, { area: s.area, level: 'range', occlusion: false, threads: 1 });
    return { type: 'coverage', id: msg.id, coveredFraction: r.coveredFraction, coveredArea: r.coveredArea, studyArea: r.studyArea, numCameras: cams.numCameras, ms: performance.now() - t0 };
  }
  // A route: the shortest path between the street nodes nearest the two points, its exposure, and the least-surveilled alternative.
  const t0 = performance.now();
  const streets = streetGraph(s);
  if (s.network === null) s.network = buildStreetNetwork(streets);
  const network = s.network;
  const key = ids === null ? 'all' : Array.from(msg.keep!).join('');
  let profile = s.profiles.get(key);
  if (profile === undefined) {
    profile = computeStreetExposureProfile(cams, { streets }, { levels: ['range'], occlusion: false });
    s.profiles.clear();
    s.profiles.set(key, profile);
  }
  const r = leastSurveilledRoute(network, profile, msg.from, msg.to);
  const describe = (route: NetworkRoute) => {
    const path = pathOf(network, r.from, route);
    const pts: [number, number][] = [];
    for (let i = 0; i < path.length; i += 2) pts.push([path[i], path[i + 1]]);
    const seen = routeExposure(cams, pts, { level: 'range' });
    const identify = routeExposure(cams, pts, { level: 'identify' });
    return {
      path,
      length: seen.length,
      observedLength: seen.observedLength,
      observedFraction: seen.observedFraction,
      identifyLength: identify.observedLength,
      cameraIds: seen.cameraIds.map(original),
    };
  };
  return {
    type: 'route',
    id: msg.id,
    from: r.from,
    to: r.to,
    shortest: describe(r.shortest),
    least: describe(r),
    detour: r.detour,
    ms: performance.now() - t0,
  };
}

const ctx = self as unknown as { onmessage: ((e: MessageEvent<LiveRequest>) => void) | null; postMessage(m: unknown): void };
ctx.onmessage = (e: MessageEvent<LiveRequest>) => {
  try {
    ctx.postMessage(handle(e.data));
  } catch (err) {
    ctx.postMessage({ type: 'error', id: (e.data as { id?: number }).id ?? -1, message: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  }
};
