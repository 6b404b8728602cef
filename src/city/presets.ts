/**
 * City presets: Almaty (the real OpenStreetMap boundary with a synthetic
 * street grid, buildings, districts and population) and Astana (entirely
 * synthetic geometry with the city's published size and population).
 */
import { InvalidInputError } from '../core/index.js';
import { type MultiPolygonM, multiPolygonArea, createLocalProjection, projectCoordinates } from '../geo/index.js';
import { multiPolygonFromCoordinates } from '../geo/internal.js';
import type { City } from './city.js';
import { ALMATY_BOUNDARY, ALMATY_BOUNDARY_ATTRIBUTION, ALMATY_BOUNDARY_OSM_RELATION } from './data/almaty-boundary.js';
import { generateGridCity, GRID_CITY_OPTION_KEYS, type GridCityOptions } from './generate-grid-city.js';
import { checkOptions } from '../core/internal.js';

/** Overrides accepted by the presets: any grid-city option except the boundary and projection. */
export type PresetCityOptions = Omit<GridCityOptions, 'boundary' | 'projection'>;

/** Facts behind the Almaty preset, each with its source. */
export const ALMATY_FACTS = {
  /**
   * Residents. Assumption: about 2.25 million, the order of official estimates for 2024–2025
   * (no statistics bulletin bundled; plausible 2.2–2.3 million;
   * does not name the statistical publication).
   */
  population: 2_250_000,
  /**
   * Centre of the density law: near Republic Square and the Abay–Dostyk
   * avenues, the historic centre (lon 76.945, lat 43.238). A location chosen
   * for this preset, not a measured density peak.
   */
  centreLonLat: [76.945, 43.238] as const,
  /** Block size, metres. Assumption: a grid aligned north–south / east–west with blocks of about 150 m, like central Almaty (not surveyed; plausible 100–250 m). */
  blockSize: 150,
  /**
   * Almaty's eight administrative districts (audany). The names are real;
   * the district geometry in the preset is a synthetic equal-area split.
   */
  districts: ['Alatau', 'Almaly', 'Auezov', 'Bostandyk', 'Zhetysu', 'Medeu', 'Nauryzbay', 'Turksib'] as const,
} as const;

/** Facts behind the Astana preset, each with its source. */
export const ASTANA_FACTS = {
  /** Residents. Assumption: about 1.42 million, the order of official estimates for 2024–2025 (plausible 1.3–1.5 million). */
  population: 1_420_000,
  /** City area in km². Assumption: about 810 km² within the city limits (no source bundled). The preset's boundary is a synthetic shape of this area. */
  areaKm2: 810,
  /** Centre of the synthetic boundary (lon 71.43, lat 51.13), in central Astana. */
  centreLonLat: [71.43, 51.13] as const,
  /** Astana's districts (names real, geometry synthetic). */
  districts: ['Almaty', 'Baikonyr', 'Yesil', 'Saryarka', 'Nura'] as const,
  /** Block size, metres. Assumption: 150 m as for Almaty (no sourced figure for Astana). */
  blockSize: 150,
} as const;

let almatyBoundaryCache: { lon0: number; lat0: number; coords: MultiPolygonM } | null = null;

/** The Almaty boundary projected to metres around its bounding-box centre (computed once, then copied). */
function almatyBoundary(): { lon0: number; lat0: number; boundary: MultiPolygonM } {
  if (almatyBoundaryCache === null) {
    let minLon = Infinity;
    let minLat = Infinity;
    let maxLon = -Infinity;
    let maxLat = -Infinity;
    for (const poly of ALMATY_BOUNDARY.coordinates) {
      for (const ring of poly) {
        for (const [lon, lat] of ring) {
          if (lon < minLon) minLon = lon;
          if (lon > maxLon) maxLon = lon;
          if (lat < minLat) minLat = lat;
          if (lat > maxLat) maxLat = lat;
        }
      }
    }
    const lon0 = (minLon + maxLon) / 2;
    const lat0 = (minLat + maxLat) / 2;
    const projection = createLocalProjection(lon0, lat0);
    const coords = multiPolygonFromCoordinates(projectCoordinates(ALMATY_BOUNDARY.coordinates, projection), 'almatyCity', 'boundary');
    almatyBoundaryCache = { lon0, lat0, coords };
  }
  const c = almatyBoundaryCache;
  return { lon0: c.lon0, lat0: c.lat0, boundary: c.coords.map((p) => ({ outer: p.outer.slice(), holes: p.holes.map((h) => h.slice()) })) };
}

function checkPresetOptions(options: unknown, origin: string): PresetCityOptions {
  if (typeof options !== 'object' || options === null) throw new InvalidInputError(origin, 'options', 'must be an object', options);
  const o = options as GridCityOptions;
  if (o.boundary !== undefined) throw new InvalidInputError(origin, 'options.boundary', 'cannot be overridden in a preset (use generateGridCity)', '[boundary]');
  if (o.projection !== undefined) throw new InvalidInputError(origin, 'options.projection', 'cannot be overridden in a preset (use generateGridCity)', '[projection]');
  return o;
}

/**
 * The options almatyCity and astanaCity know (their unknown options are refused): generateGridCity's
 * (`boundary` and `projection` are known, and refused with their own message).
 */
export const PRESET_CITY_OPTION_KEYS = GRID_CITY_OPTION_KEYS;

/**
 * The Almaty preset: the real city boundary (OpenStreetMap relation
 * 2465058, about 703 km², ODbL), projected around its bounding-box centre; a
 * synthetic N–S / E–W street grid of 150 m blocks with one building per
 * block; 2,250,000 residents, denser towards Republic Square (Clark's law);
 * Almaty's 8 district names on a synthetic equal-area split. Every part's
 * provenance says which is real and which is synthetic.
 *
 * @param options - overrides (block size, seed, population, densityDecay, districts, …) of {@link generateGridCity};
 *   defaults: the sourced {@link ALMATY_FACTS} (block size, population, districts), else `GRID_CITY_DEFAULTS`
 * @returns the city
 * @throws {InvalidInputError} on a bad override, or an attempt to override the boundary or projection
 * @example
 * const almaty = almatyCity();
 * almaty.streets.size // ≈ 60,000 street segments
 * @remarks Graphology edge insertion dominates the build time (figures in benchmarks/README.md).
 */
export function almatyCity(options: PresetCityOptions = {}): City {
  checkOptions('almatyCity', options, PRESET_CITY_OPTION_KEYS);
  const origin = 'almatyCity';
  const o = checkPresetOptions(options, origin);
  const { lon0, lat0, boundary } = almatyBoundary();
  const projection = createLocalProjection(lon0, lat0);
  const centre = projection.forward(ALMATY_FACTS.centreLonLat[0], ALMATY_FACTS.centreLonLat[1]);
  const city = generateGridCity({
    name: 'Almaty',
    blockSize: ALMATY_FACTS.blockSize,
    population: ALMATY_FACTS.population,
    centre,
    districts: ALMATY_FACTS.districts,
    ...o,
    boundary,
    projection,
  });
  city.provenance.boundary = {
    kind: 'real',
    description: `Almaty city boundary, OpenStreetMap relation ${ALMATY_BOUNDARY_OSM_RELATION} (Nominatim export), ${(multiPolygonArea(boundary) / 1e6).toFixed(1)} km²`,
    licence: `ODbL-1.0 (${ALMATY_BOUNDARY_ATTRIBUTION})`,
  };
  city.provenance.districts = {
    kind: 'synthetic',
    description: `${city.districts.length} districts${o.districts === undefined ? " named after Almaty's 8 real districts" : ''}, with synthetic equal-area geometry (not the real district borders)`,
  };
  city.provenance.population = {
    kind: 'synthetic',
    description: `${city.population.total.toFixed(0)} residents (assumption: about 2.25 million) spread by Clark's law exp(−r / b) (Clark 1951) around Republic Square; synthetic distribution`,
  };
  return city;
}

/**
 * The Astana preset. No real boundary data ships with sightline, so the
 * boundary is a synthetic ellipse (east–west axis 1.25 × the north–south)
 * of 810 km² centred on lon 71.43, lat 51.13; a synthetic 150 m street grid
 * and buildings; 1,420,000 residents (Clark's law around the centre); the
 * five district names (Almaty, Baikonyr, Yesil, Saryarka, Nura) on a
 * synthetic equal-area split. All geometry is labelled synthetic.
 *
 * @param options - overrides of {@link generateGridCity}; defaults: {@link ASTANA_FACTS} (block size, population,
 *   districts), else `GRID_CITY_DEFAULTS`
 * @returns the city
 * @throws {InvalidInputError} on a bad override, or an attempt to override the boundary or projection
 * @example
 * astanaCity({ seed: 7 }).population.total // 1,420,000
 */
export function astanaCity(options: PresetCityOptions = {}): City {
  checkOptions('astanaCity', options, PRESET_CITY_OPTION_KEYS);
  const origin = 'astanaCity';
  const o = checkPresetOptions(options, origin);
  const projection = createLocalProjection(ASTANA_FACTS.centreLonLat[0], ASTANA_FACTS.centreLonLat[1]);
  // A 128-gon inscribed in an ellipse with semi-axes a = 1.25 b, scaled so the polygon's area is exactly 810 km².
  const n = 128;
  const target = ASTANA_FACTS.areaKm2 * 1e6;
  const polyAreaUnit = 0.5 * n * Math.sin((2 * Math.PI) / n) * 1.25; // area of the polygon for b = 1
  const b = Math.sqrt(target / polyAreaUnit);
  const a = 1.25 * b;
  const ring = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const t = (2 * Math.PI * i) / n;
    ring[2 * i] = a * Math.cos(t);
    ring[2 * i + 1] = b * Math.sin(t);
  }
  const boundary: MultiPolygonM = [{ outer: ring, holes: [] }];
  const city = generateGridCity({
    name: 'Astana',
    blockSize: ASTANA_FACTS.blockSize,
    population: ASTANA_FACTS.population,
    centre: [0, 0],
    districts: ASTANA_FACTS.districts,
    ...o,
    boundary,
    projection,
  });
  city.provenance.boundary = {
    kind: 'synthetic',
    description: `synthetic elliptical boundary of ${ASTANA_FACTS.areaKm2} km² (assumption: about 810 km²) centred on lon 71.43, lat 51.13; not the real city limits`,
  };
  city.provenance.districts = {
    kind: 'synthetic',
    description: `${city.districts.length} districts${o.districts === undefined ? " named after Astana's districts" : ''}, with synthetic equal-area geometry (not the real district borders)`,
  };
  city.provenance.population = {
    kind: 'synthetic',
    description: `${city.population.total.toFixed(0)} residents (assumption: about 1.42 million) spread by Clark's law exp(−r / b) (Clark 1951) around the centre; synthetic distribution`,
  };
  return city;
}
