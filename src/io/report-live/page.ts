/// <reference lib="dom" />
/**
 * The report's interactive map, in the page (bundled by
 * scripts/build-assets.mjs into dist/assets/report-live-page.js and inlined
 * in report.html after Leaflet). Leaflet gives pan, zoom, the scale bar and
 * the controls, in a plane CRS (metres, north up: latitude = y, longitude =
 * x); every layer is drawn by this script on one canvas over the map, from
 * the typed-array columns the page carries (wedges are built here, never
 * shipped as polygons). The live figures come from the worker
 * (./worker.ts), started from a Blob URL of its inlined source.
 *
 * For tests and the curious: `window.sightlineMap` exposes `ready`, the
 * Leaflet map, `toScreen(x, y)`, `draws` (redraw count), `lastCoverage`,
 * `lastRoute` and `pickedCamera`.
 */

/* eslint-disable @typescript-eslint/no-explicit-any */
declare const L: any;

type Col = Float64Array | Float32Array | Uint8Array | Uint16Array | Uint32Array;
interface Packed {
  type: 'f64' | 'f32' | 'u8' | 'u16' | 'u32';
  offset: number;
  length: number;
}
interface Rings {
  outer: number[];
  holes: number[][];
}
interface MapData {
  packed: string;
  packedBytes: number;
  columns: Record<string, Packed>;
  numCameras: number;
  bounds: [number, number, number, number];
  kinds: string[];
  operators: string[];
  streetClasses: string[];
  boundary: Rings[];
  districts: { id: string; name: string; area: Rings[]; labelX: number; labelY: number }[];
  sourceId: string[] | null;
  network: { nodeKeys: string[]; nodeKinds: string[]; linkKinds: string[] } | null;
  raster: { originX: number; originY: number; cellSize: number; cols: number; rows: number; level: string } | null;
  coverage: { level: string; occlusion: boolean; coveredFraction: number } | null;
  provenance: { streets: string; districts: string; boundary: string };
}

const FACE = 1;
const PLATE = 2;
const NO_NODE = 0xffffffff;
/** Colour-blind-safe palette (Okabe & Ito). */
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#F0E442', '#000000'];

const live: any = ((window as any).sightlineMap = { ready: false, draws: 0, lastCoverage: null, lastRoute: null, pickedCamera: null, errors: [] as string[] });

function fail(where: string, err: unknown): void {
  const msg = `${where}: ${err instanceof Error ? err.message : String(err)}`;
  live.errors.push(msg);
  const box = document.getElementById('errors');
  if (box) box.textContent += `Interactive map — ${msg}\n`;
  console.error(msg);
}

function base64Bytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function unpack(data: MapData): Promise<Record<string, Col>> {
  const gz = base64Bytes(data.packed);
  const stream = new Blob([gz as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  const buf = await new Response(stream).arrayBuffer();
  const out: Record<string, Col> = {};
  for (const [name, c] of Object.entries(data.columns)) {
    const T = { f64: Float64Array, f32: Float32Array, u8: Uint8Array, u16: Uint16Array, u32: Uint32Array }[c.type];
    out[name] = new T(buf, c.offset, c.length);
  }
  return out;
}

const fmt = (v: number, d = 0) => v.toLocaleString('en-GB', { minimumFractionDigits: d, maximumFractionDigits: d });
const pct = (v: number) => `${(100 * v).toFixed(2)} %`;
const el = (id: string) => document.getElementById(id) as HTMLElement;
function escHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

async function main(): Promise<void> {
  const data: MapData = JSON.parse(el('live-map-data').textContent!);
  const c = await unpack(data);
  const n = data.numCameras;
  const X = c.x as Float64Array;
  const Y = c.y as Float64Array;
  const H = c.heading as Float64Array;
  const F = c.fov as Float64Array;
  const R = c.range as Float64Array;
  const KIND = c.kind as Uint8Array;
  const CAP = c.capabilities as Uint8Array;
  const OP = c.operator as Uint8Array;
  const LIVE = c.live as Uint8Array;
  const NODE = c.nodeId as Uint32Array;
  let identify: Float32Array | null = null;

  // ---- the worker, from the inlined source -----------------------------------
  const src = el('live-worker-source').textContent!;
  const worker = new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
  let nextId = 1;
  const pending = new Map<number, (m: any) => void>();
  let onReady: (m: any) => void = () => {};
  const ready = new Promise<any>((res) => (onReady = res));
  worker.onmessage = (e: MessageEvent) => {
    const m = e.data;
    if (m.type === 'ready') return onReady(m);
    const done = pending.get(m.id);
    pending.delete(m.id);
    if (m.type === 'error') fail('worker', m.message);
    done?.(m);
  };
  worker.onerror = (e) => fail('worker', e.message);
  const ask = (msg: any): Promise<any> => {
    const id = nextId++;
    return new Promise((res) => {
      pending.set(id, res);
      worker.postMessage({ ...msg, id });
    });
  };
  // The worker gets its own copy of the columns.
  const copy: Record<string, Col> = {};
  for (const [k, v] of Object.entries(c)) copy[k] = v.slice() as Col;
  worker.postMessage({ type: 'init', columns: copy, boundary: data.boundary, streetClasses: data.streetClasses });

  // ---- the map ---------------------------------------------------------------
  const [x0, y0, x1, y1] = data.bounds;
  const map = L.map('live-map', { crs: L.CRS.Simple, minZoom: -9, maxZoom: 5, zoomSnap: 0.25, zoomDelta: 0.5, wheelPxPerZoomLevel: 90, zoomAnimation: false, attributionControl: false, preferCanvas: true });
  map.fitBounds([
    [y0, x0],
    [y1, x1],
  ]);
  L.control.scale({ imperial: false, maxWidth: 160 }).addTo(map);
  const canvas = document.createElement('canvas');
  canvas.style.cssText = 'position:absolute;left:0;top:0;z-index:450;pointer-events:none';
  map.getContainer().appendChild(canvas);
  const g = canvas.getContext('2d')!;

  const state = {
    cameras: true,
    level: 'range' as 'range' | 'identify',
    colour: 'kind',
    coverage: false,
    streets: true,
    districts: true,
    network: false,
    route: true,
    keep: null as Uint8Array | null,
    routeEnds: [] as [number, number][],
    routing: false,
  };

  const colourOf = (i: number): number => {
    switch (state.colour) {
      case 'capability':
        return CAP[i] & FACE ? (CAP[i] & PLATE ? 2 : 4) : CAP[i] & PLATE ? 1 : 0;
      case 'operator':
        return OP[i];
      case 'live':
        return LIVE[i] ? 2 : 7;
      default:
        return KIND[i];
    }
  };
  const legendItems = (): [number, string][] => {
    switch (state.colour) {
      case 'capability':
        return [[4, 'face recognition'], [1, 'plate reading'], [2, 'face and plate'], [0, 'neither']];
      case 'operator':
        return data.operators.map((o, k) => [k, o] as [number, string]);
      case 'live':
        return [[2, 'live feed'], [7, 'recorded only']];
      default:
        return data.kinds.map((k, i) => [i, k] as [number, string]);
    }
  };

  // Coverage raster as an image (one pixel per cell, drawn scaled).
  let rasterImage: HTMLCanvasElement | null = null;
  if (data.raster) {
    const r = data.raster;
    const depth = c.rasterDepth as Uint16Array;
    const inArea = c.rasterInArea as Uint8Array;
    rasterImage = document.createElement('canvas');
    rasterImage.width = r.cols;
    rasterImage.height = r.rows;
    const ig = rasterImage.getContext('2d')!;
    const img = ig.createImageData(r.cols, r.rows);
    const ramp = [
      [255, 255, 255, 0],
      [254, 224, 144, 150],
      [253, 174, 97, 170],
      [244, 109, 67, 185],
      [215, 48, 39, 200],
      [165, 0, 38, 215],
    ];
    for (let row = 0; row < r.rows; row++) {
      for (let col = 0; col < r.cols; col++) {
        const k = row * r.cols + col;
        const d = inArea[k] ? Math.min(depth[k], 5) : 0;
        const p = 4 * ((r.rows - 1 - row) * r.cols + col); // row 0 is the southern row
        img.data.set(ramp[d], p);
      }
    }
    ig.putImageData(img, 0, 0);
  }

  // A grid of camera ids for clicks (cells of 200 m).
  const CELL = 200;
  const gcols = Math.max(1, Math.ceil((x1 - x0) / CELL) + 1);
  const grows = Math.max(1, Math.ceil((y1 - y0) / CELL) + 1);
  const cellOf = (x: number, y: number) => Math.min(grows - 1, Math.max(0, Math.floor((y - y0) / CELL))) * gcols + Math.min(gcols - 1, Math.max(0, Math.floor((x - x0) / CELL)));
  const cellStart = new Uint32Array(gcols * grows + 1);
  for (let i = 0; i < n; i++) cellStart[cellOf(X[i], Y[i]) + 1]++;
  for (let k = 0; k < gcols * grows; k++) cellStart[k + 1] += cellStart[k];
  const cellIds = new Uint32Array(n);
  const fill = cellStart.slice(0, gcols * grows);
  for (let i = 0; i < n; i++) cellIds[fill[cellOf(X[i], Y[i])]++] = i;
  let maxRange = 0;
  for (let i = 0; i < n; i++) if (R[i] > maxRange) maxRange = R[i];

  const radiusOf = (i: number) => (state.level === 'identify' && identify ? identify[i] : R[i]);
  const visible = (i: number) => state.keep === null || state.keep[i] === 1;

  // ---- drawing ----------------------------------------------------------------
  // The palette as little-endian RGBA words (alpha 200) for the pixel buffer of sub-pixel footprints.
  const PACKED = PALETTE.map((hex) => {
    const v = parseInt(hex.slice(1), 16);
    return ((200 << 24) | ((v & 0xff) << 16) | (((v >> 8) & 0xff) << 8) | (v >> 16)) >>> 0;
  });
  let dots: ImageData | null = null;
  /** Footprints under this radius (CSS pixels) are rasterised by the script into a pixel buffer, larger ones drawn as canvas arcs. */
  const SPLAT_PX = 6;
  const dotsCanvas = document.createElement('canvas');
  let frame = 0;
  const requestDraw = () => {
    if (!frame) frame = requestAnimationFrame(draw);
  };
  function draw(): void {
    frame = 0;
    const t0 = performance.now();
    const size = map.getSize();
    const dpr = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(size.x * dpr) || canvas.height !== Math.round(size.y * dpr)) {
      canvas.width = Math.round(size.x * dpr);
      canvas.height = Math.round(size.y * dpr);
      canvas.style.width = `${size.x}px`;
      canvas.style.height = `${size.y}px`;
    }
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, size.x, size.y);
    const o = map.latLngToContainerPoint([0, 0]);
    const s = map.getZoomScale(map.getZoom(), 0);
    const sx = (x: number) => o.x + s * x;
    const sy = (y: number) => o.y - s * y;
    // Visible box in metres, padded by the largest range.
    const vx0 = -o.x / s - maxRange;
    const vx1 = (size.x - o.x) / s + maxRange;
    const vy0 = (o.y - size.y) / s - maxRange;
    const vy1 = o.y / s + maxRange;

    if (state.coverage && rasterImage && data.raster) {
      const r = data.raster;
      g.imageSmoothingEnabled = false;
      g.globalAlpha = 0.85;
      g.drawImage(rasterImage, sx(r.originX), sy(r.originY + r.rows * r.cellSize), r.cols * r.cellSize * s, r.rows * r.cellSize * s);
      g.globalAlpha = 1;
    }
    const ringPath = (rings: Rings[]) => {
      for (const p of rings) {
        for (const ring of [p.outer, ...p.holes]) {
          for (let k = 0; k < ring.length; k += 2) (k === 0 ? g.moveTo : g.lineTo).call(g, sx(ring[k]), sy(ring[k + 1]));
          g.closePath();
        }
      }
    };
    // The study area's outline.
    g.beginPath();
    ringPath(data.boundary);
    g.strokeStyle = '#334155';
    g.lineWidth = 1.5;
    g.stroke();
    if (state.districts) {
      g.beginPath();
      for (const d of data.districts) ringPath(d.area);
      g.strokeStyle = '#6366f1';
      g.lineWidth = 1.2;
      g.setLineDash([6, 4]);
      g.stroke();
      g.setLineDash([]);
    }
    if (state.streets) {
      const nx = c.nodeX as Float64Array;
      const ny = c.nodeY as Float64Array;
      const es = c.edgeSource as Uint32Array;
      const et = c.edgeTarget as Uint32Array;
      const ec = c.edgeClass as Uint8Array;
      // Major classes (the first few) drawn wider; minor streets only once zoomed in.
      for (const major of [false, true]) {
        g.beginPath();
        for (let e = 0; e < es.length; e++) {
          const isMajor = ec[e] < 3;
          if (isMajor !== major) continue;
          if (!major && s < 0.05) continue;
          const ax = nx[es[e]];
          const ay = ny[es[e]];
          const bx = nx[et[e]];
          const by = ny[et[e]];
          if ((ax < vx0 && bx < vx0) || (ax > vx1 && bx > vx1) || (ay < vy0 && by < vy0) || (ay > vy1 && by > vy1)) continue;
          g.moveTo(sx(ax), sy(ay));
          g.lineTo(sx(bx), sy(by));
        }
        g.strokeStyle = major ? '#94a3b8' : '#cbd5e1';
        g.lineWidth = major ? 1.6 : 0.8;
        g.stroke();
      }
    }
    if (state.cameras) {
      // Small footprints are rasterised into a pixel buffer (a few pixels each, drawn with one drawImage);
      // larger ones are drawn as wedges (an arc path per colour, one fill each): few are in view when they are large.
      const w = Math.max(1, Math.ceil(size.x));
      const h = Math.max(1, Math.ceil(size.y));
      if (dots === null || dots.width !== w || dots.height !== h) {
        dots = new ImageData(w, h);
        dotsCanvas.width = w;
        dotsCanvas.height = h;
      }
      const px32 = new Uint32Array(dots.data.buffer);
      px32.fill(0);
      let splats = 0;
      const wedges: number[][] = PALETTE.map(() => []);
      for (let i = 0; i < n; i++) {
        const x = X[i];
        const y = Y[i];
        if (x < vx0 || x > vx1 || y < vy0 || y > vy1 || !visible(i)) continue;
        const rp = radiusOf(i) * s;
        if (rp < SPLAT_PX) {
          // Rasterised here: the pixels whose centres lie in the wedge, and the camera's own pixel.
          const cx = sx(x);
          const cy = sy(y);
          const word = PACKED[colourOf(i)];
          const ix = Math.floor(cx);
          const iy = Math.floor(cy);
          if (ix >= 0 && iy >= 0 && ix < w && iy < h) px32[iy * w + ix] = word;
          splats++;
          if (rp < 0.75) continue;
          const hx = Math.sin((H[i] * Math.PI) / 180);
          const hy = -Math.cos((H[i] * Math.PI) / 180);
          const cosHalf = F[i] >= 360 ? -2 : Math.cos((F[i] * Math.PI) / 360);
          const r2 = rp * rp;
          const qx0 = Math.max(0, Math.floor(cx - rp));
          const qx1 = Math.min(w - 1, Math.floor(cx + rp));
          const qy0 = Math.max(0, Math.floor(cy - rp));
          const qy1 = Math.min(h - 1, Math.floor(cy + rp));
          for (let qy = qy0; qy <= qy1; qy++) {
            const dy = qy + 0.5 - cy;
            for (let qx = qx0; qx <= qx1; qx++) {
              const dx = qx + 0.5 - cx;
              const d2 = dx * dx + dy * dy;
              if (d2 > r2 || d2 === 0) continue;
              if (dx * hx + dy * hy >= cosHalf * Math.sqrt(d2)) px32[qy * w + qx] = word;
            }
          }
        } else wedges[colourOf(i)].push(i);
      }
      if (splats > 0) {
        dotsCanvas.getContext('2d')!.putImageData(dots, 0, 0);
        g.drawImage(dotsCanvas, 0, 0, w, h);
      }
      g.globalAlpha = 0.55;
      wedges.forEach((ids, col) => {
        if (ids.length === 0) return;
        g.beginPath();
        for (const i of ids) {
          const px = sx(X[i]);
          const py = sy(Y[i]);
          const rp = radiusOf(i) * s;
          g.moveTo(px, py);
          if (F[i] >= 360) {
            g.moveTo(px + rp, py);
            g.arc(px, py, rp, 0, 2 * Math.PI);
          } else {
            // Heading is clockwise from north; the canvas measures angles clockwise from east (y down).
            const a = ((H[i] - 90) * Math.PI) / 180;
            const hf = (F[i] * Math.PI) / 360;
            g.arc(px, py, rp, a - hf, a + hf);
          }
          g.closePath();
        }
        g.fillStyle = PALETTE[col];
        g.fill();
      });
      g.globalAlpha = 1;
      if (live.pickedCamera !== null) {
        const i = live.pickedCamera.id as number;
        const px = sx(X[i]);
        const py = sy(Y[i]);
        const rp = Math.max(radiusOf(i) * s, 6);
        g.beginPath();
        g.moveTo(px, py);
        if (F[i] >= 360) g.arc(px, py, rp, 0, 2 * Math.PI);
        else g.arc(px, py, rp, ((H[i] - 90) * Math.PI) / 180 - (F[i] * Math.PI) / 360, ((H[i] - 90) * Math.PI) / 180 + (F[i] * Math.PI) / 360);
        g.closePath();
        g.strokeStyle = '#111827';
        g.lineWidth = 2;
        g.stroke();
      }
    }
    if (state.network && data.network) {
      const nx = c.netNodeX as Float64Array;
      const ny = c.netNodeY as Float64Array;
      const ls = c.netLinkSource as Uint32Array;
      const lt = c.netLinkTarget as Uint32Array;
      g.beginPath();
      for (let l = 0; l < ls.length; l++) {
        g.moveTo(sx(nx[ls[l]]), sy(ny[ls[l]]));
        g.lineTo(sx(nx[lt[l]]), sy(ny[lt[l]]));
      }
      g.strokeStyle = '#7c3aed';
      g.lineWidth = 1.4;
      g.stroke();
      const kind = c.netNodeKind as Uint8Array;
      for (let k = 0; k < nx.length; k++) {
        const r = 2.5 + 1.5 * kind[k];
        g.beginPath();
        g.arc(sx(nx[k]), sy(ny[k]), r, 0, 2 * Math.PI);
        g.fillStyle = '#7c3aed';
        g.fill();
        g.strokeStyle = '#fff';
        g.lineWidth = 1;
        g.stroke();
      }
    }
    if (state.route) {
      const route = live.lastRoute;
      const line = (path: Float64Array, colour: string, width: number) => {
        g.beginPath();
        for (let k = 0; k < path.length; k += 2) (k === 0 ? g.moveTo : g.lineTo).call(g, sx(path[k]), sy(path[k + 1]));
        g.strokeStyle = colour;
        g.lineWidth = width;
        g.lineJoin = 'round';
        g.stroke();
      };
      if (route && route.type === 'route') {
        line(route.least.path, '#059669', 5);
        line(route.shortest.path, '#dc2626', 2.5);
      }
      for (const [x, y] of state.routeEnds) {
        g.beginPath();
        g.arc(sx(x), sy(y), 5, 0, 2 * Math.PI);
        g.fillStyle = '#111827';
        g.fill();
      }
    }
    if (state.districts) {
      g.font = '600 12px system-ui,sans-serif';
      g.textAlign = 'center';
      g.lineWidth = 3;
      g.strokeStyle = 'rgba(255,255,255,.9)';
      g.fillStyle = '#3730a3';
      for (const d of data.districts) {
        g.strokeText(d.name, sx(d.labelX), sy(d.labelY));
        g.fillText(d.name, sx(d.labelX), sy(d.labelY));
      }
    }
    live.draws++;
    live.lastDrawMs = performance.now() - t0;
    if (live.firstDrawAt === undefined) live.firstDrawAt = performance.now();
  }
  map.on('move zoom resize viewreset', requestDraw);

  // ---- legend ---------------------------------------------------------------
  function legend(): void {
    const items = legendItems()
      .map(([k, label]) => `<div><span class="sw" style="background:${PALETTE[k]};opacity:.7"></span>${escHtml(label)}</div>`)
      .join('');
    const notes: string[] = [];
    if (data.provenance.streets === 'synthetic') notes.push('Streets: synthetic (the model’s grid).');
    if (data.provenance.districts === 'synthetic') notes.push('Districts: synthetic equal-area shapes, real names.');
    el('live-legend').innerHTML =
      `<div>Footprints ${state.level === 'identify' ? 'to the identify distance' : 'to each camera’s range'}, coloured by ${escHtml(state.colour)}:</div>${items}` +
      (state.coverage ? '<div>Coverage: cameras per cell, <span class="sw" style="background:#fee090"></span>1 … <span class="sw" style="background:#a50026"></span>5+</div>' : '') +
      '<div><span class="sw" style="background:#dc2626"></span>shortest route <span class="sw" style="background:#059669"></span>least surveilled</div>' +
      (state.network ? '<div><span class="sw" style="background:#7c3aed"></span>command network (nodes, links)</div>' : '') +
      notes.map((t) => `<div class="note">${escHtml(t)}</div>`).join('');
  }
  legend();

  // ---- clicks: a camera, or the ends of a route ------------------------------
  function cameraAt(x: number, y: number, tolM: number): number {
    let best = -1;
    let bestD = Infinity;
    const reach = Math.max(maxRange, tolM);
    const cx0 = Math.max(0, Math.floor((x - reach - x0) / CELL));
    const cx1 = Math.min(gcols - 1, Math.floor((x + reach - x0) / CELL));
    const cy0 = Math.max(0, Math.floor((y - reach - y0) / CELL));
    const cy1 = Math.min(grows - 1, Math.floor((y + reach - y0) / CELL));
    for (let cy = cy0; cy <= cy1; cy++) {
      for (let cx = cx0; cx <= cx1; cx++) {
        const k = cy * gcols + cx;
        for (let q = cellStart[k]; q < cellStart[k + 1]; q++) {
          const i = cellIds[q];
          if (!visible(i)) continue;
          const dx = x - X[i];
          const dy = y - Y[i];
          const d = Math.hypot(dx, dy);
          // Inside the wedge (score: distance from the camera), or near the camera itself.
          let inside = d <= radiusOf(i);
          if (inside && F[i] < 360 && d > 0) {
            const bearing = ((Math.atan2(dx, dy) * 180) / Math.PI + 360) % 360;
            const off = Math.abs(((bearing - H[i] + 540) % 360) - 180);
            inside = off <= F[i] / 2;
          }
          if ((inside || d <= tolM) && d < bestD) {
            bestD = d;
            best = i;
          }
        }
      }
    }
    return best;
  }
  function showCamera(i: number): void {
    if (i < 0) {
      live.pickedCamera = null;
      el('live-camera').textContent = 'No camera sees this point.';
      requestDraw();
      return;
    }
    const caps = [CAP[i] & FACE ? 'face recognition' : '', CAP[i] & PLATE ? 'plate reading' : ''].filter(Boolean);
    const node = NODE[i] === NO_NODE ? 'none' : data.network ? `${data.network.nodeKeys[NODE[i]] ?? NODE[i]}` : String(NODE[i]);
    const info = {
      id: i,
      kind: data.kinds[KIND[i]],
      operator: data.operators[OP[i]],
      live: LIVE[i] === 1,
      capabilities: caps,
      range: R[i],
      identify: identify ? identify[i] : null,
      heading: H[i],
      fov: F[i],
      node,
      source: data.sourceId ? data.sourceId[i] || 'none' : 'synthetic (placed by sightline)',
    };
    live.pickedCamera = info;
    const rows: [string, string][] = [
      ['Camera', `#${i}`],
      ['Kind', info.kind],
      ['Operator', info.operator],
      ['Live feed', info.live ? 'yes' : 'no (recorded only)'],
      ['Capabilities', caps.length ? caps.join(', ') : 'none'],
      ['Range', `${fmt(R[i], 1)} m`],
      ['Identify distance', identify ? `${fmt(identify[i], 1)} m` : '…'],
      ['Heading, field of view', `${fmt(H[i])}°, ${fmt(F[i])}°`],
      ['Command node', node],
      ['Source', info.source],
    ];
    el('live-camera').innerHTML = `<table>${rows.map(([k, v]) => `<tr><td>${escHtml(k)}</td><td>${escHtml(v)}</td></tr>`).join('')}</table>`;
    requestDraw();
  }
  map.on('click', (e: any) => {
    const x = e.latlng.lng;
    const y = e.latlng.lat;
    if (state.routing) {
      state.routeEnds.push([x, y]);
      requestDraw();
      if (state.routeEnds.length === 2) {
        state.routing = false;
        el('live-route-button').textContent = 'Pick two points on the map';
        void computeRoute();
      } else el('live-route').textContent = 'Now click the end.';
      return;
    }
    const s = map.getZoomScale(map.getZoom(), 0);
    showCamera(cameraAt(x, y, 6 / s));
  });
  el('live-route-button').addEventListener('click', () => {
    state.routing = true;
    state.routeEnds = [];
    live.lastRoute = null;
    el('live-route-button').textContent = 'Click the start on the map…';
    el('live-route').textContent = 'Click the start.';
    requestDraw();
  });

  // ---- live figures ----------------------------------------------------------
  async function computeRoute(): Promise<void> {
    const [a, b] = state.routeEnds;
    live.routeEnds = [a, b];
    el('live-route').textContent = 'Computing the route…';
    const m = await ask({ type: 'route', from: a, to: b, keep: state.keep });
    if (m.type !== 'route') {
      el('live-route').textContent = `No route: ${m.message}`;
      live.lastRoute = m;
      return;
    }
    live.lastRoute = m;
    // Rows: the measures; columns: the shortest route and the least-surveilled one (fits a narrow panel).
    const S = m.shortest;
    const A = m.least;
    const rows: [string, string, string][] = [
      ['length', `${fmt(S.length)} m`, `${fmt(A.length)} m`],
      ['seen', `${fmt(S.observedLength)} m`, `${fmt(A.observedLength)} m`],
      ['share seen', pct(S.observedFraction), pct(A.observedFraction)],
      ['identifiable', `${fmt(S.identifyLength)} m`, `${fmt(A.identifyLength)} m`],
      ['cameras', fmt(S.cameraIds.length), fmt(A.cameraIds.length)],
    ];
    const ids = m.shortest.cameraIds as number[];
    el('live-route').innerHTML =
      `<table><tr><th></th><th style="color:#dc2626">shortest</th><th style="color:#059669">least surveilled</th></tr>${rows.map(([k, a, b]) => `<tr><td>${k}</td><td>${a}</td><td>${b}</td></tr>`).join('')}</table>` +
      `<div>Detour ${pct(m.detour)}. Cameras seeing the shortest route: ${ids.slice(0, 12).map((i) => `#${i}`).join(', ')}${ids.length > 12 ? ` and ${ids.length - 12} more` : ''}${ids.length === 0 ? 'none' : ''}.</div>` +
      `<div class="live-status">Computed in your browser in ${fmt(m.ms)} ms.</div>`;
    requestDraw();
  }
  let coverageRequest = 0;
  async function computeCoverageFigure(): Promise<void> {
    const mine = ++coverageRequest;
    el('live-coverage-status').textContent = 'Computing in your browser…';
    const m = await ask({ type: 'coverage', keep: state.keep });
    if (mine !== coverageRequest) return;
    live.lastCoverage = m;
    if (m.type !== 'coverage') return;
    el('live-coverage').textContent = pct(m.coveredFraction);
    const base = data.coverage;
    el('live-coverage-status').textContent =
      `${fmt(m.numCameras)} of ${fmt(n)} cameras; ${fmt(m.coveredArea / 1e6, 2)} of ${fmt(m.studyArea / 1e6, 1)} km²; ${fmt(m.ms)} ms.` +
      (base ? ` The scenario’s figure: ${pct(base.coveredFraction)} at ${base.level}${base.occlusion ? ' with occlusion (the live figure has none)' : ''}.` : '');
  }
  function readGroups(): void {
    const on = new Set<string>();
    document.querySelectorAll<HTMLInputElement>('.live-group').forEach((box) => box.checked && on.add(`${box.dataset.group}:${box.value}`));
    let all = true;
    const keep = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const cap = CAP[i] === 0 ? on.has('cap:none') : (!(CAP[i] & FACE) || on.has('cap:face')) && (!(CAP[i] & PLATE) || on.has('cap:plate'));
      const k = cap && on.has(`operator:${data.operators[OP[i]]}`) ? 1 : 0;
      keep[i] = k;
      if (!k) all = false;
    }
    state.keep = all ? null : keep;
  }
  document.querySelectorAll<HTMLInputElement>('.live-group').forEach((box) =>
    box.addEventListener('change', () => {
      readGroups();
      requestDraw();
      void computeCoverageFigure();
      if (state.routeEnds.length === 2) void computeRoute();
    }),
  );
  const bind = (id: string, key: 'cameras' | 'coverage' | 'streets' | 'districts' | 'network' | 'route') =>
    el(id).addEventListener('change', (e) => {
      state[key] = (e.target as HTMLInputElement).checked;
      legend();
      requestDraw();
    });
  bind('layer-cameras', 'cameras');
  bind('layer-coverage', 'coverage');
  bind('layer-streets', 'streets');
  bind('layer-districts', 'districts');
  bind('layer-network', 'network');
  bind('layer-route', 'route');
  document.querySelectorAll<HTMLInputElement>('input[name="live-level"]').forEach((r) =>
    r.addEventListener('change', () => {
      state.level = r.value as 'range' | 'identify';
      legend();
      requestDraw();
    }),
  );
  el('live-colour').addEventListener('change', (e) => {
    state.colour = (e.target as HTMLSelectElement).value;
    legend();
    requestDraw();
  });

  live.map = map;
  live.toScreen = (x: number, y: number) => {
    const p = map.latLngToContainerPoint([y, x]);
    const r = map.getContainer().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  };
  live.pixelHash = () => {
    // From the PNG of the canvas (getImageData twice would warn about readbacks in the console).
    const d = canvas.toDataURL();
    let h = 2166136261;
    for (let i = 0; i < d.length; i++) h = Math.imul(h ^ d.charCodeAt(i), 16777619);
    return h >>> 0;
  };
  draw();
  const r = await ready;
  identify = r.identify;
  live.ready = true;
  await computeCoverageFigure();
  live.coverageReady = true;
}

main().catch((err) => fail('map', err));
