/**
 * Scenario presets: ready-made scenarios for the reference cities.
 * `almaty` (the default): the Almaty preset city and its 128,000 cameras;
 * `astana`: 22,000 new cameras with the older ~6,000 still in service
 * (createPreset('astana', { includeOlder: true })); `astana-older`: the older
 * ~6,000 alone, to compare with `astana`.
 */
import { InvalidInputError } from '../core/errors.js';
import { ASTANA_CAMERA_FACTS, PRESET_CAMERA_PROFILES } from '../cameras/presets.js';
import type { ScenarioInput } from './schema.js';

/** Names of the scenario presets. */
export const SCENARIO_PRESET_NAMES = ['almaty', 'astana', 'astana-older'] as const;
export type ScenarioPresetName = (typeof SCENARIO_PRESET_NAMES)[number];

/** Options of {@link scenarioPreset}. */
export interface ScenarioPresetOptions {
  /** Seed (default 1). */
  seed?: string | number;
  /**
   * Total cameras, for reduced-size runs: every preset camera source is
   * scaled by numCameras / (full count), keeping the mix (default: full scale).
   */
  numCameras?: number;
}

/**
 * A preset scenario, as a scenario document (JSON-ready, before defaults).
 *
 * - `almaty`: Almaty, 128,000 cameras; area coverage at the camera range and
 *   at the DORI identify level, with buildings as occluders; streets; districts; raster.
 * - `astana`: Astana's 22,000 new cameras plus the ~6,000 older ones
 *   (the Astana camera preset with `includeOlder`), with the same analyses.
 * - `astana-older`: the ~6,000 older cameras only (the network being replaced),
 *   to compare with `astana` (`sightline compare`).
 *
 * @param name - one of {@link SCENARIO_PRESET_NAMES}
 * @param options - `seed`, `numCameras` (scale for quick runs)
 * @returns the scenario (validate and run it with runScenario)
 * @throws {InvalidInputError} on an unknown name or a bad option
 * @example
 * const r = await runScenario(scenarioPreset('almaty', { numCameras: 5000 }));
 */
export function scenarioPreset(name: ScenarioPresetName, options: ScenarioPresetOptions = {}): ScenarioInput {
  const origin = 'scenarioPreset';
  if (!(SCENARIO_PRESET_NAMES as readonly string[]).includes(name)) {
    throw new InvalidInputError(origin, 'name', `must be one of ${SCENARIO_PRESET_NAMES.map((n) => JSON.stringify(n)).join(', ')}`, name);
  }
  if (typeof options !== 'object' || options === null) throw new InvalidInputError(origin, 'options', 'must be an object', options);
  const seed = options.seed ?? 1;
  const n = options.numCameras;
  if (n !== undefined && (typeof n !== 'number' || !Number.isInteger(n) || n < 1)) throw new InvalidInputError(origin, 'options.numCameras', 'must be an integer >= 1', n);
  const analyses = {
    coverage: { levels: ['range', 'identify'] as ('range' | 'identify')[], occlusion: true },
    streetCoverage: { occlusion: true },
    districts: { occlusion: true },
    raster: { cellSize: 250 },
  };
  if (name === 'almaty') {
    return {
      name: 'Almaty',
      description: "Almaty's camera network at full scale: 128,000 cameras on the real city boundary (synthetic street grid and camera positions).",
      seed,
      city: { preset: 'almaty' },
      cameras: [{ from: 'preset', name: 'almaty', ...(n !== undefined ? { count: n } : {}) }],
      analyses,
    };
  }
  const newer = ASTANA_CAMERA_FACTS.newCameras;
  const older = ASTANA_CAMERA_FACTS.olderCameras;
  // Scale both sources by the same factor so their ratio stays 22,000 : 6,000.
  const O = PRESET_CAMERA_PROFILES.older;
  const scale = (count: number) => (n === undefined ? count : Math.max(1, Math.round((count * n) / (newer + older))));
  if (name === 'astana-older') {
    return {
      name: 'Astana, older cameras only',
      description: `The older Astana network of about ${older.toLocaleString('en-US')} record-only street cameras, before the new system.`,
      seed,
      city: { preset: 'astana' },
      // As astanaCameras places its older group: along streets, facing across, public, record-only.
      cameras: [{ from: 'streets', count: scale(older), fov: O.fov, resolutionPx: O.resolutionPx, height: O.height, kind: O.kind, heading: 'across', operator: 'public', live: false }],
      analyses,
    };
  }
  return {
    name: 'Astana',
    description: `Astana: ${newer.toLocaleString('en-US')} new cameras with the ~${older.toLocaleString('en-US')} older ones still in service.`,
    seed,
    city: { preset: 'astana' },
    cameras: [{ from: 'preset', name: 'astana', includeOlder: true, ...(n !== undefined ? { count: n } : {}) }],
    analyses,
  };
}
