/**
 * Coverage rasters for maps: the number of cameras that see the centre of
 * each grid cell. For drawing, not for headline numbers (those come exact
 * from computeCoverage).
 */
import { InvalidInputError, type Bounds } from '../core/index.js';
import { CameraSet } from '../cameras/index.js';
import { type BuildingSet, type City } from '../city/index.js';
import { validateBuildingSet } from '../city/internal.js';
import { COMPUTE_COVERAGE_DEFAULTS } from './compute-coverage.js';
import { checkLevel, type CoverageLevel } from './footprints.js';
import { prepareFootprints } from './prepare.js';
import { resolveStudyArea, relativeLocator, type StudyAreaInput } from './study-area.js';
import { footprintContains } from './union-engine.js';
import { checkOptions, optionKeys } from '../core/internal.js';

export interface CoverageRasterOptions {
  bounds?: Bounds;
  area?: StudyAreaInput;
  city?: City;
  /** Cell side in metres (default 100). */
  cellSize?: number;
  level?: CoverageLevel;
  occlusion?: boolean;
  buildings?: BuildingSet;
}

/** A raster: `depth[row * cols + col]` cameras see the centre of that cell; row 0 is the southern row. */
export interface CoverageRaster {
  originX: number;
  originY: number;
  cellSize: number;
  cols: number;
  rows: number;
  depth: Uint16Array;
  /** 1 where the cell centre lies in the study area, else 0. */
  inArea: Uint8Array;
  params: { level: CoverageLevel; occlusion: boolean };
}

/** Largest raster accepted (cells). */
export const MAX_RASTER_CELLS = 50_000_000;

/** Defaults of {@link coverageRaster}. */
export const COVERAGE_RASTER_DEFAULTS = {
  /** Cell side, metres. Assumption: 100 m, a city-block scale for drawing maps (the raster is for maps, not headline numbers). */
  cellSize: 100,
  /** As {@link computeCoverage}: each footprint reaches the camera's own range. */
  level: COMPUTE_COVERAGE_DEFAULTS.level,
  /** As {@link computeCoverage}: no clipping by buildings unless asked. */
  occlusion: COMPUTE_COVERAGE_DEFAULTS.occlusion,
} as const;

/** The options coverageRaster knows (its unknown options are refused). */
const COVERAGE_RASTER_OPTION_KEYS = optionKeys<CoverageRasterOptions>()(COVERAGE_RASTER_DEFAULTS, ['bounds', 'area', 'city', 'buildings']);

/**
 * Counts, for each cell of a regular grid over the study area, the cameras
 * that see its centre.
 *
 * @param cameras - the camera set
 * @param options - study area (`bounds`, `area` or `city`), `cellSize` (m, default 100), `level`, `occlusion`;
 *   defaults: {@link COVERAGE_RASTER_DEFAULTS}
 * @returns the raster (plain data)
 * @throws {InvalidInputError} on a bad cell size, a raster above 50 million cells, or invalid options
 * @example
 * const r = coverageRaster(cameras, { city, cellSize: 50 });
 */
export function coverageRaster(cameras: CameraSet, options: CoverageRasterOptions): CoverageRaster {
  checkOptions('coverageRaster', options, COVERAGE_RASTER_OPTION_KEYS);
  const origin = 'coverageRaster';
  if (!(cameras instanceof CameraSet)) throw new InvalidInputError(origin, 'cameras', 'must be a CameraSet (use createCameraSet)', cameras);
  const level = checkLevel(origin, options.level ?? COVERAGE_RASTER_DEFAULTS.level);
  const cellSize = options.cellSize ?? COVERAGE_RASTER_DEFAULTS.cellSize;
  if (typeof cellSize !== 'number' || !(cellSize > 0) || !Number.isFinite(cellSize)) throw new InvalidInputError(origin, 'options.cellSize', 'must be a finite number > 0', cellSize);
  const occlusion = options.occlusion ?? COVERAGE_RASTER_DEFAULTS.occlusion;
  const buildings = options.buildings ?? options.city?.buildings;
  if (occlusion && !buildings) throw new InvalidInputError(origin, 'options.occlusion', 'needs options.city or options.buildings', occlusion);
  if (occlusion && buildings) validateBuildingSet(buildings, origin, options.buildings ? 'options.buildings' : 'city.buildings');
  const areaInput = options.bounds === undefined && options.area === undefined && options.city ? options.city.boundary : options.area;
  const resolved = resolveStudyArea(origin, options.bounds, areaInput);
  const [x0, y0, x1, y1] = resolved.bbox;
  const cols = Math.max(1, Math.ceil((x1 - x0) / cellSize));
  const rows = Math.max(1, Math.ceil((y1 - y0) / cellSize));
  if (cols * rows > MAX_RASTER_CELLS) throw new InvalidInputError(origin, 'options.cellSize', `gives ${cols * rows} cells, more than ${MAX_RASTER_CELLS}`, cellSize);
  const ox = (x0 + x1) / 2;
  const oy = (y0 + y1) / 2;
  const { fp } = prepareFootprints(cameras, level, resolved.bbox, ox, oy, occlusion && buildings ? buildings : null, null);
  const depth = new Uint16Array(cols * rows);
  const inArea = new Uint8Array(cols * rows);
  const locator = relativeLocator(resolved, ox, oy);
  const gx = x0 - ox;
  const gy = y0 - oy;
  for (let r = 0; r < rows; r++) {
    const cy = gy + (r + 0.5) * cellSize;
    for (let c = 0; c < cols; c++) inArea[r * cols + c] = locator.contains(gx + (c + 0.5) * cellSize, cy) ? 1 : 0;
  }
  for (let j = 0; j < fp.n; j++) {
    const c0 = Math.max(0, Math.ceil((fp.minX[j] - gx) / cellSize - 0.5));
    const c1 = Math.min(cols - 1, Math.floor((fp.maxX[j] - gx) / cellSize - 0.5));
    const r0 = Math.max(0, Math.ceil((fp.minY[j] - gy) / cellSize - 0.5));
    const r1 = Math.min(rows - 1, Math.floor((fp.maxY[j] - gy) / cellSize - 0.5));
    for (let r = r0; r <= r1; r++) {
      const cy = gy + (r + 0.5) * cellSize;
      for (let c = c0; c <= c1; c++) {
        const k = r * cols + c;
        if (inArea[k] === 1 && depth[k] < 65535 && footprintContains(fp, j, gx + (c + 0.5) * cellSize, cy)) depth[k]++;
      }
    }
  }
  return { originX: x0, originY: y0, cellSize, cols, rows, depth, inArea, params: { level, occlusion } };
}
