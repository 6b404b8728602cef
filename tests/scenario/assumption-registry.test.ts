/**
 * The registry of uncertain defaults (ASSUMPTION_REGISTRY): every entry is a
 * consistent range around the default in force, lives at a path of the
 * scenario schema, and the scenario's `assumptions` section writes it there
 * (and changes a run's output in the expected direction).
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { ASSUMPTION_REGISTRY, assumptionEntry, applyAssumptions, parseScenario, scenarioJsonSchema, scenarioPreset, ScenarioError, runScenario } from '../../src/scenario/index.js';
import { MOUNT_ON_STREET_DEFAULTS, OSM_IMPORT_DEFAULTS } from '../../src/cameras/index.js';
import { TRIP_DEFAULTS, TRAVEL_SPEEDS } from '../../src/mobility/index.js';
import { FULL_VIEW_COVERAGE_DEFAULTS } from '../../src/coverage/index.js';
import { EXPOSURE_PROFILE_DEFAULTS, MET_LFR_2025, RECOGNITION_PRESETS, SIGHTING_DEFAULTS, EXPOSURE_BY_HOUR_DEFAULTS, NIGHT_CAMERA_SET_DEFAULTS } from '../../src/exposure/index.js';
import { ANALYSE_NETWORK_DEFAULTS, NETWORK_BUILD_DEFAULTS, OUTAGE_SIMULATION_DEFAULTS, STREAM_DEFAULTS, UPTIME_DEFAULTS } from '../../src/network/index.js';
import { ANALYSE_RETENTION_DEFAULTS, DEFAULT_PRICE_PER_TB_MONTH, RETENTION_PRESETS } from '../../src/retention/index.js';
import { SOURCES } from '../../src/core/index.js';

const recognition = RECOGNITION_PRESETS[SIGHTING_DEFAULTS.recognition as keyof typeof RECOGNITION_PRESETS];
const almaty = RETENTION_PRESETS['almaty-assumed'].rules;
const scale = (p: 'work' | 'study' | 'errand') => (TRIP_DEFAULTS.deterrence[p] as { scale: number }).scale;

/** The default in force for each entry, from the library's own constants. */
const DEFAULT_IN_FORCE: Record<string, number> = {
  faceKerbOffset: MOUNT_ON_STREET_DEFAULTS.kerbOffset,
  faceAimDistance: MOUNT_ON_STREET_DEFAULTS.aimDistance,
  osmFov: OSM_IMPORT_DEFAULTS.fov,
  osmResolutionPx: OSM_IMPORT_DEFAULTS.resolutionPx,
  aggregationAvailability: NETWORK_BUILD_DEFAULTS.nodeAvailability.aggregation,
  hubAvailability: NETWORK_BUILD_DEFAULTS.nodeAvailability['district-hub'],
  centreAvailability: NETWORK_BUILD_DEFAULTS.nodeAvailability['city-centre'],
  nationalAvailability: NETWORK_BUILD_DEFAULTS.nodeAvailability.national,
  fibreAvailability: NETWORK_BUILD_DEFAULTS.linkAvailability.fibre,
  lteAvailability: NETWORK_BUILD_DEFAULTS.linkAvailability.lte,
  radioAvailability: NETWORK_BUILD_DEFAULTS.linkAvailability.radio,
  streamFps: STREAM_DEFAULTS.fps,
  aggregationStorageDays: NETWORK_BUILD_DEFAULTS.aggregationStorageDays,
  centreStorageDays: NETWORK_BUILD_DEFAULTS.centreStorageDays,
  networkRetentionDays: ANALYSE_NETWORK_DEFAULTS.retentionDays,
  districtBlackout: OUTAGE_SIMULATION_DEFAULTS.districtBlackout,
  cameraAvailability: OUTAGE_SIMULATION_DEFAULTS.cameraAvailability,
  cameraMtbfHours: UPTIME_DEFAULTS.cameraMtbfHours,
  cameraRepairHours: UPTIME_DEFAULTS.cameraRepairHours,
  powerFailuresPerYear: UPTIME_DEFAULTS.powerFailuresPerYear,
  powerRepairHours: UPTIME_DEFAULTS.powerRepairHours,
  aggregationRepairHours: UPTIME_DEFAULTS.nodeRepairHours.aggregation,
  fibreRepairHours: UPTIME_DEFAULTS.linkRepairHours.fibre,
  recognitionTruePositiveRate: recognition.truePositiveRate,
  recognitionFalsePositivePerEntry: recognition.falsePositivePerEntry,
  faceAngle: EXPOSURE_PROFILE_DEFAULTS.faceAngle,
  fullViewAngle: FULL_VIEW_COVERAGE_DEFAULTS.effectiveAngle,
  plateReadRate: SIGHTING_DEFAULTS.plateReadRate,
  watchlistSize: MET_LFR_2025.watchlistSize,
  nightFaceFactor: EXPOSURE_BY_HOUR_DEFAULTS.nightFaceFactor,
  nightRangeFixed: NIGHT_CAMERA_SET_DEFAULTS.nightRangeByKind.fixed,
  walkMidpoint: TRIP_DEFAULTS.walkMidpoint,
  walkSpread: TRIP_DEFAULTS.walkSpread,
  walkingSpeed: TRAVEL_SPEEDS.walk,
  carSpeed: TRAVEL_SPEEDS.car,
  deterrenceWork: scale('work'),
  deterrenceStudy: scale('study'),
  deterrenceErrand: scale('errand'),
  retentionVideoDays: almaty.city!.video!.days as number,
  retentionFaceTemplateDays: almaty.city!.faceTemplates!.days as number,
  retentionSightingDays: almaty.city!.sightings!.days as number,
  retentionNationalDays: almaty.national!.faceTemplates!.days as number,
  retentionPlateReadDays: almaty.city!.plateReads!.days as number,
  retentionAlertDays: almaty.city!.alerts!.days as number,
  operatingDays: ANALYSE_RETENTION_DEFAULTS.operatingDays,
  storagePricePerTBMonth: DEFAULT_PRICE_PER_TB_MONTH,
};

/** A scenario with every part an entry needs (parsed only: the OSM file is never read). */
const BASE = {
  city: { preset: 'almaty' },
  cameras: [{ from: 'preset', name: 'almaty', numCameras: 2000 }, { from: 'osm', file: 'cameras.geojson' }],
  network: { from: 'preset' },
  residents: { count: 100 },
  retention: { preset: 'almaty-assumed' },
  analyses: { network: {}, outages: { trials: 5 }, uptime: { days: 2 }, exposure: {}, fullView: {}, exposureByHour: { date: '2026-12-21' } },
};

/** The value at a dotted path, `*` taken as the first camera source of the entry's kind. */
function at(root: unknown, path: string, from?: string): unknown {
  let v = root as Record<string, unknown> | unknown[] | undefined;
  for (const k of path.split('.')) {
    if (v === undefined || v === null) return undefined;
    if (k === '*') v = (v as { from: string }[]).find((s) => s.from === from) as unknown as Record<string, unknown>;
    else v = (v as Record<string, unknown>)[k] as Record<string, unknown>;
  }
  return v;
}

/** Whether a dotted path is a property path of the JSON Schema (through anyOf / oneOf / allOf, items, $ref). */
function inJsonSchema(schema: Record<string, unknown>, path: string): boolean {
  const defs = (schema.$defs ?? schema.definitions ?? {}) as Record<string, Record<string, unknown>>;
  const resolve = (s: Record<string, unknown>): Record<string, unknown> => (typeof s.$ref === 'string' ? resolve(defs[s.$ref.split('/').pop()!]) : s);
  const branches = (s: Record<string, unknown>): Record<string, unknown>[] => {
    const r = resolve(s);
    const subs = [...((r.anyOf ?? []) as Record<string, unknown>[]), ...((r.oneOf ?? []) as Record<string, unknown>[]), ...((r.allOf ?? []) as Record<string, unknown>[])];
    return [r, ...subs.flatMap(branches)];
  };
  let level: Record<string, unknown>[] = [schema];
  for (const k of path.split('.')) {
    const next: Record<string, unknown>[] = [];
    for (const s of level.flatMap(branches)) {
      if (k === '*' && s.items) next.push(s.items as Record<string, unknown>);
      const props = s.properties as Record<string, Record<string, unknown>> | undefined;
      if (props && Object.hasOwn(props, k)) next.push(props[k]);
    }
    if (next.length === 0) return false;
    level = next;
  }
  return true;
}

/** A value other than central for the entry, inside its range. */
function other(e: (typeof ASSUMPTION_REGISTRY)[number]): number {
  const mid = e.distribution === 'log-uniform' && e.low > 0 ? Math.sqrt(e.low * e.high) : (e.low + e.high) / 2;
  return mid !== e.central ? mid : e.high !== e.central ? e.high : e.low;
}

describe('ASSUMPTION_REGISTRY', () => {
  test('every entry: low ≤ central ≤ high, a basis, a known stage, cited ids in the bibliography, unique names', () => {
    const names = new Set<string>();
    for (const e of ASSUMPTION_REGISTRY) {
      expect(names.has(e.name), e.name).toBe(false);
      names.add(e.name);
      expect(e.low, e.name).toBeLessThanOrEqual(e.central);
      expect(e.central, e.name).toBeLessThanOrEqual(e.high);
      expect(e.low, e.name).toBeLessThan(e.high);
      expect(e.basis.length, e.name).toBeGreaterThan(20);
      expect(['cameras', 'network', 'network-metrics', 'outages', 'uptime', 'fullView', 'exposure', 'retention']).toContain(e.stage);
      for (const id of e.sources ?? []) expect(id in SOURCES, `${e.name}: ${id}`).toBe(true);
      if (e.distribution === 'log-uniform') expect(e.low, e.name).toBeGreaterThan(0);
    }
  });

  test('central equals the default the library uses', () => {
    expect(Object.keys(DEFAULT_IN_FORCE).sort()).toEqual(ASSUMPTION_REGISTRY.map((e) => e.name).sort());
    for (const e of ASSUMPTION_REGISTRY) expect(e.central, e.name).toBe(DEFAULT_IN_FORCE[e.name]);
    // Where the schema fills the default itself, it is central too.
    const spec = parseScenario(BASE);
    for (const e of ASSUMPTION_REGISTRY) {
      const v = at(spec, e.path, e.from);
      if (v !== undefined) expect(v, e.name).toBe(e.central);
    }
  });

  test('every path is in the JSON Schema, and the section lists every name', () => {
    const schema = scenarioJsonSchema();
    for (const e of ASSUMPTION_REGISTRY) expect(inJsonSchema(schema, e.path), e.path).toBe(true);
    for (const e of ASSUMPTION_REGISTRY) expect(inJsonSchema(schema, `assumptions.${e.name}`), e.name).toBe(true);
  });

  test('overriding each entry through assumptions writes its value at its path (parseScenario)', () => {
    for (const e of ASSUMPTION_REGISTRY) {
      const v = other(e);
      const spec = parseScenario({ ...BASE, assumptions: { [e.name]: v } });
      expect(at(spec, e.path, e.from), e.name).toBe(v);
      expect(spec.assumptions).toEqual({ [e.name]: v });
    }
  });

  test('presets are written out: default recognition model, retention preset, the preset city cameras', () => {
    const spec = parseScenario({ ...BASE, cameras: undefined, assumptions: { recognitionTruePositiveRate: 0.8, retentionVideoDays: 60, faceAimDistance: 12 } });
    expect(spec.recognition).toEqual({ name: recognition.name, truePositiveRate: 0.8, falsePositivePerEntry: recognition.falsePositivePerEntry, source: recognition.source });
    expect(spec.retention!.preset).toBeUndefined();
    expect(spec.retention!.policy!.rules.city!.video!.days).toBe(60);
    expect(spec.retention!.policy!.rules.city!.faceTemplates!.days).toBe(almaty.city!.faceTemplates!.days);
    expect(spec.retention!.policy!.description).toContain('retentionVideoDays 60');
    expect(spec.cameras).toEqual([{ from: 'preset', name: 'almaty', groups: { face: { aimDistance: 12 } } }]);
    // Applying twice changes nothing; the input is not changed.
    const input = { ...BASE, assumptions: { plateReadRate: 0.9 } };
    const once = applyAssumptions(input);
    expect(applyAssumptions(once)).toEqual(once);
    expect((input.analyses.exposure as Record<string, unknown>).plateReadRate).toBeUndefined();
    // Deterrence: the missing purpose is created exponential.
    expect(parseScenario({ ...BASE, assumptions: { deterrenceStudy: 4000 } }).trips!.deterrence!.study).toEqual({ kind: 'exponential', scale: 4000 });
  });

  test('values outside the range are allowed, but not outside the field\'s validation (reported as the assumption\'s value)', () => {
    expect(parseScenario({ ...BASE, assumptions: { plateReadRate: 0.5 } }).analyses.exposure!.plateReadRate).toBe(0.5);
    expect(() => parseScenario({ ...BASE, assumptions: { plateReadRate: 1.5 } })).toThrow(/analyses\.exposure\.plateReadRate must be <= 1 \(the value of assumptions\.plateReadRate\)/);
  });

  test('an unknown name is an error with the closest name', () => {
    expect(() => parseScenario({ ...BASE, assumptions: { plateReadrate: 0.9 } })).toThrow(/assumptions\.plateReadrate is not a known assumption \(did you mean "plateReadRate"\?\)/);
    expect(() => parseScenario({ ...BASE, assumptions: { zzzzzzzzzzzzzzzz: 1 } })).toThrow(ScenarioError);
    expect(() => assumptionEntry('faceAimDistanc')).toThrow(/did you mean "faceAimDistance"/);
    expect(assumptionEntry('plateReadRate').path).toBe('analyses.exposure.plateReadRate');
  });

  test('the section and the path with different values is an error naming both; the same value is not', () => {
    const both = { ...BASE, analyses: { ...BASE.analyses, exposure: { plateReadRate: 0.9 } } };
    expect(() => parseScenario({ ...both, assumptions: { plateReadRate: 0.8 } })).toThrow(/assumptions\.plateReadRate conflicts with analyses\.exposure\.plateReadRate = 0\.9/);
    expect(parseScenario({ ...both, assumptions: { plateReadRate: 0.9 } }).analyses.exposure!.plateReadRate).toBe(0.9);
    expect(() => parseScenario({ ...BASE, recognition: 'london-met-lfr', assumptions: { recognitionTruePositiveRate: 0.7 } })).not.toThrow();
    expect(() => parseScenario({ ...BASE, recognition: { name: 'mine', truePositiveRate: 0.9, falsePositivePerEntry: 1e-8 }, assumptions: { recognitionTruePositiveRate: 0.7 } })).toThrow(/conflicts with recognition\.truePositiveRate = 0\.9/);
  });

  test('an assumption the scenario has nothing to apply to is refused', () => {
    const { analyses: _a, ...noAnalyses } = BASE;
    expect(() => parseScenario({ ...noAnalyses, assumptions: { plateReadRate: 0.9 } })).toThrow(/assumptions\.plateReadRate applies to analyses\.exposure, which the scenario does not have/);
    expect(() => parseScenario({ ...BASE, cameras: [{ from: 'preset', name: 'almaty' }], assumptions: { osmFov: 70 } })).toThrow(/applies to cameras of from "osm"/);
  });

  test('docs/guide/scenarios.md lists every entry with its range', () => {
    const doc = readFileSync(new URL('../../docs/guide/scenarios.md', import.meta.url), 'utf8');
    for (const e of ASSUMPTION_REGISTRY) {
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${e.name}\``));
      expect(row, e.name).toBeDefined();
      expect(row, e.name).toContain(`\`${e.path}\``);
    }
  });
});

describe('assumptions change a run in the expected direction', () => {
  // A small Almaty run: network, residents, retention (almaty-assumed) and exposure.
  const small = () => scenarioPreset('almaty', { numCameras: 6000, numResidents: 400, outageTrials: 5 }) as Record<string, unknown>;
  let base: Awaited<ReturnType<typeof runScenario>>;

  test('baseline', async () => {
    base = await runScenario(small());
    const row = base.assumptions.find((a) => a.name === 'plateReadRate')!;
    expect(row.range).toEqual({ low: 0.8, central: 0.95, high: 0.99, unit: 'probability', distribution: 'uniform' });
  }, 120_000);

  test('a lower plate read rate identifies fewer people by plate', async () => {
    const r = await runScenario({ ...small(), assumptions: { plateReadRate: 0.5 } });
    expect(r.headline.exposurePIdentifiedPlateMean).toBeLessThan(base.headline.exposurePIdentifiedPlateMean);
    expect(r.assumptions.find((a) => a.name === 'plateReadRate')!.range!.used).toBe(0.5);
  }, 120_000);

  test('keeping video 30 days instead of 90 stores less', async () => {
    const r = await runScenario({ ...small(), assumptions: { retentionVideoDays: 30 } });
    expect(r.headline.retentionStorageTB).toBeLessThan(base.headline.retentionStorageTB);
    expect(r.headline.retentionVideoDays).toBeLessThan(base.headline.retentionVideoDays);
    expect(r.assumptions.find((a) => a.name === 'retentionVideoDays')!.range!.used).toBe(30);
  }, 120_000);

  test('face cameras aimed almost across the street (1 m ahead) identify fewer walkers by face', async () => {
    // More face cameras than the small preset's share, so that faces are identified at all.
    const faces = () => {
      const s = small();
      s.cameras = (s.cameras as Record<string, unknown>[]).map((c) => ({ ...c, groups: { face: { numCameras: 3000 } } }));
      return s;
    };
    const aimed = await runScenario(faces());
    const across = await runScenario({ ...faces(), assumptions: { faceAimDistance: 1 } });
    expect(aimed.headline.exposurePIdentifiedFaceMean).toBeGreaterThan(0);
    expect(across.headline.exposurePIdentifiedFaceMean).toBeLessThan(aimed.headline.exposurePIdentifiedFaceMean);
    expect(across.inputs.cameras![0]).toMatchObject({ groups: { face: { numCameras: 3000, aimDistance: 1 } } });
  }, 240_000);
});
