// Benchmark helpers for sightline. Plain ESM, no dependencies beyond Node and
// the built package: benchmarks import `../dist/index.js` and its subpath
// entries (`sightline/geo`, `/network`, `/retention`, `/mobility`, `/exposure`, `/planning`) the way a user does.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(BENCH_DIR, '..');
export const DIST_ENTRY = join(ROOT, 'dist', 'index.js');
/** The package's subpath entries (see package.json "exports"). */
export const DIST_SUBPATHS = ['geo', 'network', 'retention', 'mobility', 'exposure', 'planning'].map((name) => join(ROOT, 'dist', `${name}.js`));

/**
 * Loads the built package. Exits with a clear message when it is not built.
 * @returns {Promise<Record<string, any>>}
 */
export async function loadPackage() {
  if (!existsSync(DIST_ENTRY)) {
    console.error(`bench: ${DIST_ENTRY} is missing; run \`npm run build\` first (or \`npm run bench\`, which builds).`);
    process.exit(2);
  }
  const modules = await Promise.all([DIST_ENTRY, ...DIST_SUBPATHS].map((file) => import(pathToFileURL(file).href)));
  return Object.assign({}, ...modules);
}

/**
 * Returns null when every named export exists (as a function), else the first
 * missing name, so a case can print "skipped: <export> not available yet".
 * @param {Record<string, unknown>} pkg
 * @param {string[]} names
 */
export function missingExport(pkg, names) {
  for (const n of names) if (typeof pkg[n] !== 'function') return n;
  return null;
}

/** Sink against dead-code elimination: every case folds a number from each result into it. */
let sink = 0;
/** @param {unknown} v */
export function consume(v) {
  let n = 0;
  if (typeof v === 'number') n = v;
  else if (v && typeof v === 'object') {
    const o = /** @type {Record<string, unknown>} */ (v);
    if (typeof o.coveredArea === 'number') n = o.coveredArea;
    else if (typeof o.numCameras === 'number') n = o.numCameras;
    else if (o.cameras && typeof o.cameras === 'object' && typeof (/** @type {any} */ (o.cameras).numCameras) === 'number') n = /** @type {any} */ (o.cameras).numCameras;
    else n = Object.keys(o).length;
  }
  if (Number.isFinite(n)) sink += n;
}
export function getSink() {
  return sink;
}

/** @param {number[]} xs */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Peak resident set size of this process so far, in MB (maxRSS is in kB). */
export function peakRssMB() {
  return process.resourceUsage().maxRSS / 1024;
}

/**
 * Times `fn`: `warmup` untimed calls, then `repeats` timed calls (wall clock,
 * process.hrtime.bigint). Each result goes to the sink.
 * @param {string} name
 * @param {() => unknown} fn
 * @param {{ warmup?: number, repeats?: number }} [opts]
 * @returns {{ name: string, times: number[], median: number, min: number, max: number, peakRssMB: number, last: unknown }}
 *   times in seconds
 */
export function bench(name, fn, { warmup = 2, repeats = 7 } = {}) {
  let last;
  for (let i = 0; i < warmup; i++) {
    last = undefined; // the previous result is consumed: let it go before the next run (peak RSS of one run, not two)
    last = fn();
    consume(last);
  }
  const times = [];
  for (let i = 0; i < repeats; i++) {
    last = undefined;
    const t0 = process.hrtime.bigint();
    last = fn();
    const t1 = process.hrtime.bigint();
    consume(last);
    times.push(Number(t1 - t0) / 1e9);
  }
  return { name, times, median: median(times), min: Math.min(...times), max: Math.max(...times), peakRssMB: peakRssMB(), last };
}

/** The machine, for the README. */
export function machineInfo() {
  const cpus = os.cpus();
  return {
    cpu: cpus.length ? cpus[0].model.trim() : 'unknown',
    cores: cpus.length,
    memoryGB: os.totalmem() / 1024 ** 3,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
    /** 1-minute load average when the run started (other work on the machine slows every case). */
    loadAvg1: os.loadavg()[0],
  };
}

// ---------------------------------------------------------------------------
// Random sectors for the turf comparison.

/** Almaty's camera density: 128,000 cameras over about 703 km² (the OSM boundary), per m². */
export const ALMATY_DENSITY_PER_M2 = 128_000 / 703e6;
/** Centre used to unproject the metric sectors to lon/lat for turf (Almaty). */
export const ALMATY_CENTRE = /** @type {const} */ ([76.9, 43.25]);
/** Largest sector range drawn, m (margin of the study box). */
export const MAX_RANGE = 60;

/**
 * `n` random sectors, uniform in a square sized so that the density matches
 * Almaty's; ranges uniform in [20, 60] m, fov uniform in [30, 120]°, headings
 * uniform. Drawn with the package's own seeded RNG, so every process that
 * asks for the same (n, seed) gets identical sectors.
 * @param {Record<string, any>} pkg the built package (createRng)
 * @param {number} n
 * @param {number | string} seed
 */
export function randomSectors(pkg, n, seed) {
  const rng = pkg.createRng(seed).stream(`sectors-${n}`);
  const side = Math.sqrt(n / ALMATY_DENSITY_PER_M2);
  const cams = new Array(n);
  for (let i = 0; i < n; i++) {
    cams[i] = {
      x: rng.uniform(0, side),
      y: rng.uniform(0, side),
      heading: rng.uniform(0, 360),
      fov: rng.uniform(30, 120),
      range: rng.uniform(20, MAX_RANGE),
    };
  }
  // The study box contains every sector whole, so the covered area is the
  // area of the union itself (what turf computes).
  const bounds = [-MAX_RANGE, -MAX_RANGE, side + MAX_RANGE, side + MAX_RANGE];
  return { cams, side, bounds };
}

/**
 * The sector as a closed polygon ring in metres: apex, then the arc sampled
 * every ≤ 1° (inscribed polygon; its area is short of the exact sector by
 * about (Δθ)²/6 ≈ 5·10⁻⁵ relative).
 * @param {{ x: number, y: number, heading: number, fov: number, range: number }} c
 * @returns {number[][]}
 */
export function sectorRingMetres(c) {
  const steps = Math.max(2, Math.ceil(c.fov));
  const ring = [[c.x, c.y]];
  const start = c.heading - c.fov / 2;
  for (let k = 0; k <= steps; k++) {
    const h = ((start + (c.fov * k) / steps) * Math.PI) / 180; // heading, clockwise from north
    ring.push([c.x + c.range * Math.sin(h), c.y + c.range * Math.cos(h)]);
  }
  ring.push([c.x, c.y]);
  // Apex, then clockwise arc: reverse for the counter-clockwise outer ring RFC 7946 asks for.
  return ring.reverse();
}

/** Planar area (m²) of GeoJSON polygon rings in metres (outer minus holes). */
export function planarAreaOfRings(/** @type {number[][][]} */ rings) {
  let total = 0;
  for (let r = 0; r < rings.length; r++) {
    const ring = rings[r];
    let s = 0;
    const ox = ring[0][0];
    const oy = ring[0][1];
    for (let i = 0; i + 1 < ring.length; i++) {
      s += (ring[i][0] - ox) * (ring[i + 1][1] - oy) - (ring[i + 1][0] - ox) * (ring[i][1] - oy);
    }
    total += r === 0 ? Math.abs(s / 2) : -Math.abs(s / 2);
  }
  return total;
}

/**
 * Linux only: resets the process's peak RSS (VmHWM) to the current RSS, so that
 * the peak of one run can be read after it with {@link runPeakRssMB}; returns
 * false where that is not possible (then only the process-wide peak exists).
 * Writing "5" to /proc/self/clear_refs resets the high-water mark (proc(5)).
 */
export function resetPeakRss() {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** Linux only: peak RSS since the last {@link resetPeakRss}, in MB (VmHWM), or null. */
export function runPeakRssMB() {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}
