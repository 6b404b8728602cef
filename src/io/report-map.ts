/**
 * The report's interactive map (issue 19): one section of report.html with a
 * pannable, zoomable map of the cameras drawn as what they see (field-of-view
 * wedges at each camera's range or identify distance), the coverage raster,
 * the model's streets, the districts with their names, the command network
 * and a route, and live recomputation in the reader's browser: a route
 * between two clicked points (its observed length and share, the cameras that
 * see it, the least-surveilled alternative) and the coverage with camera
 * groups switched off. The numbers come from the library's own code
 * (computeCoverage, routeExposure, leastSurveilledRoute) bundled into a Web
 * Worker, so they are the ones Node gives for the same inputs.
 *
 * Offline and self-contained: Leaflet (BSD-2-Clause, its licence text kept
 * in the page), the page script and the worker are read from dist/assets
 * (built by scripts/build-assets.mjs, see tsup.config.ts) and inlined; the
 * data goes in as one gzip-compressed, base64-encoded block of typed-array
 * columns (about 60 bytes per camera before compression), decompressed by
 * the browser's own DecompressionStream. Wedges are built in the page, never
 * as GeoJSON polygons.
 */
import { nodeFs, nodeUrl, nodeZlib } from '../core/internal.js';
import { CAMERA_KINDS, CAMERA_OPERATORS } from '../cameras/index.js';
import { STREET_CLASSES, type City } from '../city/index.js';
import { type MultiPolygonM } from '../geo/index.js';
import { NODE_KINDS, LINK_KINDS } from '../network/index.js';
import { type ScenarioRun } from '../scenario/index.js';
import { esc } from '../scenario/internal.js';
import { jsonSafe, scriptSafe } from './html-kit.js';

/** The built browser files the section inlines (dist/assets, see scripts/build-assets.mjs). */
export const REPORT_MAP_ASSETS = ['leaflet.js', 'leaflet.css', 'leaflet.LICENSE.txt', 'report-live-page.js', 'report-live-worker.js'] as const;

type Column = Float64Array | Float32Array | Uint8Array | Uint16Array | Uint32Array;

/** Where a column sits in the packed block: typed-array type, byte offset, element count. */
export interface PackedColumn {
  type: 'f64' | 'f32' | 'u8' | 'u16' | 'u32';
  offset: number;
  length: number;
}

/** The data the page reads (the JSON beside the packed columns). */
export interface ReportMapData {
  /** gzip of the concatenated columns (8-byte aligned), base64. */
  packed: string;
  /** Byte length of the block once decompressed. */
  packedBytes: number;
  columns: Record<string, PackedColumn>;
  numCameras: number;
  bounds: [number, number, number, number];
  kinds: readonly string[];
  operators: readonly string[];
  streetClasses: readonly string[];
  /** The study area of the coverage figures: the city boundary, rings as flat [x0, y0, x1, y1, …] in metres. */
  boundary: { outer: number[]; holes: number[][] }[];
  districts: { id: string; name: string; area: { outer: number[]; holes: number[][] }[]; labelX: number; labelY: number }[];
  /** External camera ids (OSM `node/…`), or null when the set has none. */
  sourceId: readonly string[] | null;
  network: { nodeKeys: readonly string[]; nodeKinds: readonly string[]; linkKinds: readonly string[] } | null;
  raster: { originX: number; originY: number; cellSize: number; cols: number; rows: number; level: string } | null;
  /** The scenario's own coverage figure (first level), for comparison with the live one. */
  coverage: { level: string; occlusion: boolean; coveredFraction: number } | null;
  /** What is synthetic, for the notes on the layers. */
  provenance: { streets: string; districts: string; boundary: string };
  provenanceText: { streets: string; districts: string };
}

/** Packs typed-array columns into one gzip-compressed base64 block (offsets 8-byte aligned). */
export function packColumns(columns: Record<string, Column>): { packed: string; packedBytes: number; columns: Record<string, PackedColumn> } {
  const typeOf = (a: Column): PackedColumn['type'] =>
    a instanceof Float64Array ? 'f64' : a instanceof Float32Array ? 'f32' : a instanceof Uint16Array ? 'u16' : a instanceof Uint32Array ? 'u32' : 'u8';
  let bytes = 0;
  const layout: Record<string, PackedColumn> = {};
  for (const [name, a] of Object.entries(columns)) {
    bytes = Math.ceil(bytes / 8) * 8;
    layout[name] = { type: typeOf(a), offset: bytes, length: a.length };
    bytes += a.byteLength;
  }
  const buf = new Uint8Array(Math.ceil(bytes / 8) * 8);
  for (const [name, a] of Object.entries(columns)) buf.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), layout[name].offset);
  return { packed: nodeZlib.gzipSync(buf, { level: 6 }).toString('base64'), packedBytes: buf.length, columns: layout };
}

const rings = (mp: MultiPolygonM) => mp.map((p) => ({ outer: Array.from(p.outer), holes: p.holes.map((h) => Array.from(h)) }));

/** A label point for a district: the area-weighted centroid of its largest polygon's outer ring. */
function labelPoint(mp: MultiPolygonM): [number, number] {
  let best: Float64Array | null = null;
  let bestA = -1;
  for (const p of mp) {
    const r = p.outer;
    let a = 0;
    for (let i = 0, n = r.length >> 1; i < n; i++) {
      const j = (i + 1) % n;
      a += r[2 * i] * r[2 * j + 1] - r[2 * j] * r[2 * i + 1];
    }
    if (Math.abs(a) > bestA) {
      bestA = Math.abs(a);
      best = r;
    }
  }
  if (best === null) return [0, 0];
  if (best.length < 6) return [best[0], best[1]];
  let cx = 0;
  let cy = 0;
  let a2 = 0;
  const x0 = best[0];
  const y0 = best[1];
  for (let i = 0, n = best.length >> 1; i < n; i++) {
    const j = (i + 1) % n;
    const xi = best[2 * i] - x0;
    const yi = best[2 * i + 1] - y0;
    const xj = best[2 * j] - x0;
    const yj = best[2 * j + 1] - y0;
    const c = xi * yj - xj * yi;
    a2 += c;
    cx += (xi + xj) * c;
    cy += (yi + yj) * c;
  }
  if (a2 === 0) return [x0, y0];
  return [x0 + cx / (3 * a2), y0 + cy / (3 * a2)];
}

/** The street graph as columns, in graphology's node and edge order (the order buildStreetNetwork and streetSegments read). */
function streetColumns(city: City): Record<string, Column> {
  const g = city.streets;
  const n = g.order;
  const m = g.size;
  const nodeX = new Float64Array(n);
  const nodeY = new Float64Array(n);
  const index = new Map<string, number>();
  let i = 0;
  g.forEachNode((key, a) => {
    nodeX[i] = a.x;
    nodeY[i] = a.y;
    index.set(key, i++);
  });
  const edgeSource = new Uint32Array(m);
  const edgeTarget = new Uint32Array(m);
  const edgeLength = new Float64Array(m);
  const edgeWidth = new Float32Array(m);
  const edgeClass = new Uint8Array(m);
  let e = 0;
  g.forEachEdge((_key, a, s, t) => {
    edgeSource[e] = index.get(s)!;
    edgeTarget[e] = index.get(t)!;
    edgeLength[e] = a.length;
    edgeWidth[e] = a.width;
    const c = STREET_CLASSES.indexOf(a.streetClass);
    edgeClass[e] = c < 0 ? STREET_CLASSES.length - 1 : c;
    e++;
  });
  return { nodeX, nodeY, edgeSource, edgeTarget, edgeLength, edgeWidth, edgeClass };
}

/**
 * The data of the interactive map for a run: cameras, streets, boundary,
 * districts, raster and command network.
 *
 * @param run - from runScenarioDetailed
 * @returns the page's data (plain JSON)
 * @example const data = reportMapData(run); data.numCameras
 *
 * Complexity: O(cameras + street edges + raster cells); the gzip dominates.
 */
export function reportMapData(run: ScenarioRun): ReportMapData {
  const { city, cameras, raster, network, result } = run;
  const cols: Record<string, Column> = {
    x: cameras.x,
    y: cameras.y,
    heading: cameras.heading,
    fov: cameras.fov,
    range: cameras.range,
    height: cameras.height,
    tilt: cameras.tilt,
    resolutionPx: cameras.resolutionPx,
    kind: cameras.kind,
    capabilities: cameras.capabilities,
    operator: cameras.operator,
    live: cameras.live,
    nodeId: cameras.nodeId,
    ...streetColumns(city),
  };
  if (raster) {
    cols.rasterDepth = raster.depth;
    cols.rasterInArea = raster.inArea;
  }
  if (network) {
    cols.netNodeX = network.nodeX;
    cols.netNodeY = network.nodeY;
    cols.netNodeKind = network.nodeKind;
    cols.netLinkSource = network.linkSource;
    cols.netLinkTarget = network.linkTarget;
    cols.netLinkKind = network.linkKind;
  }
  const packed = packColumns(cols);
  const first = result.metrics.coverage?.runs[0];
  const provenance = city.provenance as unknown as Record<string, { kind: string; description: string } | undefined>;
  return {
    ...packed,
    numCameras: cameras.numCameras,
    bounds: [...city.bounds] as [number, number, number, number],
    kinds: CAMERA_KINDS,
    operators: CAMERA_OPERATORS,
    streetClasses: STREET_CLASSES,
    boundary: rings(city.boundary),
    districts: city.districts.map((d) => {
      const [labelX, labelY] = labelPoint(d.area);
      return { id: d.id, name: d.name, area: rings(d.area), labelX, labelY };
    }),
    sourceId: cameras.sourceId,
    network: network ? { nodeKeys: network.nodeKeys, nodeKinds: NODE_KINDS, linkKinds: LINK_KINDS } : null,
    raster: raster ? { originX: raster.originX, originY: raster.originY, cellSize: raster.cellSize, cols: raster.cols, rows: raster.rows, level: raster.params.level } : null,
    coverage: first ? { level: first.level, occlusion: first.occlusion, coveredFraction: first.coveredFraction } : null,
    provenance: { streets: provenance.streets?.kind ?? 'unknown', districts: provenance.districts?.kind ?? 'unknown', boundary: provenance.boundary?.kind ?? 'unknown' },
    provenanceText: { streets: provenance.streets?.description ?? '', districts: provenance.districts?.description ?? '' },
  };
}

let assetCache: Record<string, string> | null = null;

/** An asset file as built: the scripts Brotli-compressed (`<file>.br`, for the installed package's size), the rest plain. */
function assetPath(dir: string, file: string): string | null {
  if (nodeFs.existsSync(dir + file + '.br')) return dir + file + '.br';
  return nodeFs.existsSync(dir + file) ? dir + file : null;
}

/** The folder holding the built assets: dist/assets beside the bundled module, or from src/io, the package's dist/assets. */
function assetDir(): string | null {
  for (const rel of ['./assets/', '../assets/', '../../dist/assets/']) {
    const dir = nodeUrl.fileURLToPath(new URL(rel, import.meta.url));
    if (REPORT_MAP_ASSETS.every((f) => assetPath(dir, f) !== null)) return dir;
  }
  return null;
}

/** One asset's text, decompressed when it is stored as `.br`. */
function readAsset(dir: string, file: string): string {
  const path = assetPath(dir, file)!;
  const bytes = nodeFs.readFileSync(path);
  return (path.endsWith('.br') ? nodeZlib.brotliDecompressSync(bytes) : bytes).toString('utf8');
}

/** The built browser files, read once; null when they are not built (run `npm run build`). */
export function reportMapAssets(): Record<string, string> | null {
  if (assetCache === null) {
    const dir = assetDir();
    if (dir === null) return null;
    assetCache = Object.fromEntries(REPORT_MAP_ASSETS.map((f) => [f, readAsset(dir, f)]));
  }
  return assetCache;
}

/** The section's own CSS (kept here, not in html-kit.ts). */
const MAP_STYLE = `#live-map-section .live-wrap{display:flex;flex-wrap:wrap;gap:12px}
#live-map{flex:1 1 560px;min-width:0;height:600px;border:1px solid #e5e7eb;border-radius:8px;background:#f1f5f9}
#live-panel{flex:0 1 300px;min-width:0;overflow-wrap:anywhere;font-size:13.5px;background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:8px 12px}
#live-panel fieldset{border:0;border-top:1px solid #e5e7eb;margin:6px 0 0;padding:6px 0 0}#live-panel legend{font-weight:600;padding:0}
#live-panel label{display:block}#live-panel .note{color:#92400e;font-size:12px}
#live-legend span.sw{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:5px;vertical-align:-1px}
#live-camera table,#live-route table{font-size:12.5px}#live-camera td,#live-route td{padding:2px 4px}
.live-status{color:#6b7280;font-size:12px}.live-figure{font-size:20px;font-weight:650}
@media (max-width:700px){#live-map{flex-basis:100%;height:420px}#live-panel{flex-basis:100%}}`;

/**
 * The report's interactive-map section: the map, its layer panel, the live
 * figures, the inlined Leaflet, page script, worker and data.
 *
 * @param run - from runScenarioDetailed
 * @returns HTML of one `<section>`, or a visible note when the assets are not built
 * @example `${reportMapSection(run)}` inside the report's `<main>`
 */
export function reportMapSection(run: ScenarioRun): string {
  const assets = reportMapAssets();
  if (assets === null) {
    return `<section id="live-map-section"><h2>Interactive map</h2><p class="not-computed">The interactive map is not included: its browser files (dist/assets) are not built. Run <code>npm run build</code>.</p></section>`;
  }
  const data = reportMapData(run);
  const synth = (kind: string, what: string) => (kind === 'synthetic' ? `<span class="note">synthetic ${what}</span>` : '');
  return `<section id="live-map-section">
<style>${assets['leaflet.css'].replace(/url\(images\/[^)]*\)/g, 'none')}
${MAP_STYLE}</style>
<h2>Interactive map</h2>
<p>Pan with the mouse or a finger, zoom with the wheel or the buttons. Each camera is drawn as what it sees: a wedge of its field of view out to its range (or to the distance at which it can identify a face). Click a camera for its attributes. The figures on the right are recomputed in your browser by sightline's own code (computeCoverage, routeExposure, leastSurveilledRoute) in a background worker: the same numbers Node gives. Nothing is loaded from the network.</p>
<div class="live-wrap"><div id="live-map" role="application" aria-label="Interactive map of the cameras"></div>
<div id="live-panel">
<fieldset><legend>Layers</legend>
<label><input type="checkbox" id="layer-cameras" checked> Camera footprints</label>
<label style="margin-left:18px"><input type="radio" name="live-level" value="range" checked> at range</label>
<label style="margin-left:18px"><input type="radio" name="live-level" value="identify"> at the identify level</label>
<label style="margin-left:18px">colour by <select id="live-colour"><option value="kind">kind</option><option value="capability">capability</option><option value="operator">operator</option><option value="live">live feed</option></select></label>
<label><input type="checkbox" id="layer-coverage"${data.raster ? '' : ' disabled'}> Coverage (cameras per ${data.raster ? `${esc(String(data.raster.cellSize))} m cell` : 'cell: no raster in this run'})</label>
<label><input type="checkbox" id="layer-streets" checked> Streets ${synth(data.provenance.streets, 'streets')}</label>
<label><input type="checkbox" id="layer-districts" checked> Districts ${synth(data.provenance.districts, 'districts (equal-area shapes, not the real boundaries)')}</label>
<label><input type="checkbox" id="layer-network"${data.network ? '' : ' disabled'}> Command network${data.network ? '' : ' (none in this run)'}</label>
<label><input type="checkbox" id="layer-route" checked> Route</label>
</fieldset>
<fieldset><legend>Legend</legend><div id="live-legend"></div></fieldset>
<fieldset><legend>Camera groups (coverage)</legend>
<label><input type="checkbox" class="live-group" data-group="cap" value="face" checked> face recognition</label>
<label><input type="checkbox" class="live-group" data-group="cap" value="plate" checked> plate reading</label>
<label><input type="checkbox" class="live-group" data-group="cap" value="none" checked> neither</label>
${data.operators.map((o) => `<label><input type="checkbox" class="live-group" data-group="operator" value="${esc(o)}" checked> operator ${esc(o)}</label>`).join('\n')}
<div>Area covered (at range, without occlusion): <span class="live-figure" id="live-coverage">…</span></div>
<div class="live-status" id="live-coverage-status">starting the worker…</div>
</fieldset>
<fieldset><legend>Route</legend>
<button type="button" id="live-route-button">Pick two points on the map</button>
<div id="live-route" class="live-status">Click the button, then the start and the end. The route follows the model's streets (nearest street node to each click).</div>
</fieldset>
<fieldset><legend>Camera</legend><div id="live-camera" class="live-status">Click a camera on the map.</div></fieldset>
</div></div>
<p class="s">Map: <a href="#live-leaflet-licence">Leaflet</a> (BSD-2-Clause), drawn on a canvas in the model's plane (metres, north up), no tiles. ${synth(data.provenance.streets, 'streets') ? 'The streets are synthetic (the model’s grid, not real streets). ' : ''}${data.provenance.districts === 'synthetic' ? 'The districts are synthetic equal-area shapes carrying the real names and populations, not the real boundaries.' : ''}</p>
<details id="live-leaflet-licence"><summary>Leaflet licence</summary><pre style="white-space:pre-wrap;font-size:11px">${esc(assets['leaflet.LICENSE.txt'])}</pre></details>
<script type="application/json" id="live-map-data">${jsonSafe(data)}</script>
<script>${scriptSafe(assets['leaflet.js'])}</script>
<script type="text/plain" id="live-worker-source">${scriptSafe(assets['report-live-worker.js'])}</script>
<script>${scriptSafe(assets['report-live-page.js'])}</script>
</section>`;
}
