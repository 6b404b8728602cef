/**
 * The command's memory and time guard: before a run allocates anything, the
 * counts of the validated scenario (cameras, resident-days, street blocks,
 * raster cells) give an estimate of its peak memory and a time class; a run
 * that would not fit is refused (exit 3) unless `--force` is given.
 *
 * Calibration (benchmarks/memory-calibration.mjs; the numbers and how they
 * were measured are in benchmarks/notes.md, "Memory guard"): the Almaty
 * preset was run at 4,000–256,000 cameras, 2,000–80,000 residents, 75 and
 * 150 m blocks and 25 and 250 m raster cells, one process per size, and
 * the kernel's high-water mark of the process (VmHWM: heap, array buffers
 * and workers together) was read at the end of each. The coefficients below
 * are the slopes between those runs, rounded up; the estimate is the peak
 * resident memory, so it is compared with the smaller of the V8 heap limit
 * and 75 % of the machine's memory (the heap limit is the tighter one on
 * most machines, and the one a user can raise: NODE_OPTIONS=--max-old-space-size).
 */
import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { SightlineError } from '../core/index.js';
import { ALMATY_CAMERA_FACTS, ASTANA_CAMERA_FACTS } from '../cameras/index.js';
import { ASTANA_FACTS } from '../city/index.js';
import { type ScenarioSpec } from '../scenario/index.js';
import { UNICITY_KEEP_DEFAULT } from '../scenario/internal.js';

/** Coefficients of the estimate (bytes), from benchmarks/memory-calibration.mjs. */
export const RESOURCE_MODEL = {
  /** Node, the libraries, the workers and a run's fixed part (network, report, districts): the largest intercept over the calibration runs (204–244 MB measured at 4,000 cameras; +76 MB once the residents sample starts its worker threads). */
  baseBytes: 240 * 2 ** 20,
  /** Per camera: the camera columns, footprints, coverage union, network, GeoJSON out (measured 0.93–1.23 kB between 64,000 and 256,000 cameras). */
  perCameraBytes: 1100,
  /** Per resident and simulated day: trips, routes, sightings, per-person metrics, exposure.csv (measured 0.23 kB between 20,000 and 80,000 residents: the exposure works in chunks). */
  perResidentDayBytes: 600,
  /** Per street block of a preset city: streets, building, population cells (measured 1.67 kB between 150 and 75 m blocks). */
  perBlockBytes: 2000,
  /** Per raster cell: the raster and its GeoJSON text (measured 1.27 kB between 250 and 25 m cells). */
  perRasterCellBytes: 1400,
  /**
   * Per resident-day whose sightings are kept for unicity (`analyses.exposure.sample`,
   * by default every resident up to 20,000): about 220 sightings × 68 bytes of sighting
   * columns, plus the (camera, hour) points and their index. Estimated from the column
   * sizes, not from a calibration run.
   */
  perKeptResidentDayBytes: 20_000,
  /** Seconds of a full Almaty run at 128,000 cameras (2 busy shared cores: 26 s measured), and the exponent of its growth with cameras (the district and coverage steps grow faster than linearly: 110 s at 256,000). */
  secondsAt128k: 30,
  cameraExponent: 1.8,
  /** Seconds per resident-day (trips and exposure: 25.7 s for 80,000 residents). */
  secondsPerResidentDay: 0.0004,
} as const;

/** Study areas of the preset cities, km²: Almaty's OSM boundary (relation 2465058, about 703 km²) and ASTANA_FACTS.areaKm2. */
const PRESET_AREA_KM2: Record<string, number> = { almaty: 703, astana: ASTANA_FACTS.areaKm2 };

/** What a run is expected to need. */
export interface ResourceEstimate {
  /** Peak memory, bytes. */
  bytes: number;
  /** Seconds, order of magnitude (2 shared cores). */
  seconds: number;
  timeClass: 'under a minute' | 'minutes' | 'tens of minutes' | 'hours';
  cameras: number;
  residentDays: number;
  blocks: number;
  rasterCells: number;
  /** The count that weighs most, for the message. */
  driver: 'cameras' | 'resident-days' | 'street blocks' | 'raster cells';
  /** Counts the estimate could not know (cameras from files, imported cities). */
  unknown: string[];
}

/** Memory a run may use: the smaller of the V8 heap limit and 75 % of the machine's memory. */
export function memoryBudget(): { bytes: number; heapLimit: number; totalMem: number } {
  const heapLimit = getHeapStatistics().heap_size_limit;
  const totalMem = totalmem();
  return { bytes: Math.min(heapLimit, 0.75 * totalMem), heapLimit, totalMem };
}

/**
 * Estimates the peak memory and the time class of a validated scenario from its counts.
 *
 * @param spec - from parseScenario
 * @returns the estimate
 * @example estimateResources(parseScenario(scenarioPreset('almaty'))).timeClass // 'under a minute'
 */
export function estimateResources(spec: ScenarioSpec): ResourceEstimate {
  const m = RESOURCE_MODEL;
  const unknown: string[] = [];
  let cameras = 0;
  const preset = 'preset' in spec.city ? spec.city.preset : null;
  const sources = spec.cameras ?? [{ from: 'preset' as const, name: preset ?? 'almaty' }];
  sources.forEach((s, i) => {
    const given = 'numCameras' in s || 'count' in s ? ((s as { numCameras?: number }).numCameras ?? (s as { count?: number }).count) : undefined;
    if (given !== undefined) cameras += given;
    else if (s.from === 'preset') cameras += s.name === 'almaty' ? ALMATY_CAMERA_FACTS.totalCameras : ASTANA_CAMERA_FACTS.newCameras + ((s as { includeOlder?: boolean }).includeOlder ? ASTANA_CAMERA_FACTS.olderCameras : 0);
    else if (s.from === 'list') cameras += s.cameras.length;
    else unknown.push(`cameras[${i}] (${s.from})`);
  });
  const area = preset ? PRESET_AREA_KM2[preset] : undefined;
  if (area === undefined) unknown.push('the imported city');
  const blockSize = preset && 'blockSize' in spec.city && spec.city.blockSize !== undefined ? spec.city.blockSize : 150;
  const blocks = area === undefined ? 0 : (area * 1e6) / (blockSize * blockSize);
  const raster = spec.analyses.raster;
  const rasterCells = area === undefined || !raster ? 0 : (area * 1e6) / (raster.cellSize * raster.cellSize);
  const residentDays = spec.analyses.exposure && spec.residents ? spec.residents.count * (spec.trips?.days ?? 1) : 0;
  const ex = spec.analyses.exposure;
  const kept = ex && spec.residents && ex.unicity ? Math.min(spec.residents.count, ex.sample ?? Math.min(spec.residents.count, UNICITY_KEEP_DEFAULT)) : 0;
  const keptResidentDays = kept * (spec.trips?.days ?? 1);
  const parts = {
    cameras: cameras * m.perCameraBytes,
    'resident-days': residentDays * m.perResidentDayBytes + keptResidentDays * m.perKeptResidentDayBytes,
    'street blocks': blocks * m.perBlockBytes,
    'raster cells': rasterCells * m.perRasterCellBytes,
  } as const;
  const bytes = m.baseBytes + parts.cameras + parts['resident-days'] + parts['street blocks'] + parts['raster cells'];
  const driver = (Object.keys(parts) as (keyof typeof parts)[]).reduce((a, b) => (parts[b] > parts[a] ? b : a));
  const seconds = 5 + m.secondsAt128k * (cameras / 128_000) ** m.cameraExponent + residentDays * m.secondsPerResidentDay;
  const timeClass = seconds < 60 ? 'under a minute' : seconds < 600 ? 'minutes' : seconds < 3600 ? 'tens of minutes' : 'hours';
  return { bytes, seconds, timeClass, cameras, residentDays, blocks: Math.round(blocks), rasterCells: Math.round(rasterCells), driver, unknown };
}

/** A run refused because it would not fit in memory (exit 3). */
export class ResourceLimitError extends SightlineError {
  readonly estimate: ResourceEstimate;
  constructor(origin: string, message: string, estimate: ResourceEstimate) {
    super(origin, message);
    this.name = 'ResourceLimitError';
    this.estimate = estimate;
  }
}

const gb = (b: number) => (b >= 10 * 2 ** 30 ? `${Math.round(b / 2 ** 30)} GB` : b >= 2 ** 30 ? `${(b / 2 ** 30).toFixed(1)} GB` : `${Math.round(b / 2 ** 20)} MB`);
const int = (x: number) => Math.round(x).toLocaleString('en-US');

/** The largest value of the driving count that fits the budget, the others fixed. */
function mostThatFit(e: ResourceEstimate, budget: number): number {
  const m = RESOURCE_MODEL;
  const per = { cameras: m.perCameraBytes, 'resident-days': m.perResidentDayBytes, 'street blocks': m.perBlockBytes, 'raster cells': m.perRasterCellBytes }[e.driver];
  const count = { cameras: e.cameras, 'resident-days': e.residentDays, 'street blocks': e.blocks, 'raster cells': e.rasterCells }[e.driver];
  return Math.max(0, Math.floor((budget - (e.bytes - count * per)) / per));
}

/**
 * Refuses a run whose estimate exceeds the memory budget (unless `force`),
 * and warns about long runs.
 *
 * @param spec - the validated scenario
 * @param options - `force`: warn and go on; `warn`: where warnings go
 * @returns the estimate
 * @throws {ResourceLimitError} when the estimate exceeds the budget and force is not set
 */
export function guardResources(spec: ScenarioSpec, options: { force: boolean; warn: (text: string) => void; origin: string }): ResourceEstimate {
  const e = estimateResources(spec);
  const budget = memoryBudget();
  const what = e.driver === 'cameras' ? `${int(e.cameras)} cameras` : e.driver === 'resident-days' ? `${int(e.residentDays)} resident-days` : e.driver === 'street blocks' ? `${int(e.blocks)} street blocks` : `${int(e.rasterCells)} raster cells`;
  const limit = budget.heapLimit <= 0.75 * budget.totalMem ? `the ${gb(budget.heapLimit)} heap (raise it with NODE_OPTIONS=--max-old-space-size=MB)` : `75 % of the machine's ${gb(budget.totalMem)}`;
  if (e.bytes > budget.bytes) {
    const message = `about ${gb(e.bytes)} needed for ${what}; at most ~${int(mostThatFit(e, budget.bytes))} ${e.driver} fit in ${limit}. Use fewer, or pass --force to run anyway`;
    if (!options.force) throw new ResourceLimitError(options.origin, message, e);
    options.warn(`warning (--force): ${message.replace(/\. Use fewer.*$/, '')}; running anyway\n`);
  }
  if (e.timeClass === 'tens of minutes' || e.timeClass === 'hours') options.warn(`note: ${what} may take ${e.timeClass} (estimate ~${int(e.seconds / 60)} min on 2 cores); Ctrl-C stops between steps\n`);
  return e;
}
