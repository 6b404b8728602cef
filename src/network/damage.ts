/**
 * Targeted damage: named or random units (aggregation points, the model's
 * counterpart of Sergek's roadside units) and cameras destroyed, as a
 * {@link FaultScenario}.
 *
 * Reference event: in January 2022, 766 Sergek units were damaged
 * (SOURCES['kgnews-2022-01-17']) and 493 cameras shot down
 * (SOURCES['kazinform-2022-01-12']) in Almaty; Sergek runs 1,341 units
 * carrying 7,894 cameras (SOURCES['kazlenta-2024']). {@link JANUARY_2022_DAMAGE} holds those
 * counts. The Almaty preset network has 2,048 aggregation points of about 60
 * cameras each, so its "units" are larger than Sergek's (about 6 cameras
 * each): damaging 766 of them darkens far more cameras than in 2022. Pass
 * `randomUnits: Math.round(766 / 1341 * numUnits)` to damage the same SHARE.
 */
import { InvalidInputError, type Rng, type Seed } from '../core/index.js';
import { toRng, checkOptions, optionKeys, pickOptions } from '../core/internal.js';
import { pointInPolygon, type PolygonM } from '../geo/index.js';
import { NODE_KINDS, type CommandNetwork, type NodeKind } from './command-network.js';
import { allUpScenario, checkNetwork, destroyUnit, evaluateFaultScenario, resolveLiveOptions, resolveNode, type FaultLiveOptions, type FaultScenario } from './faults-scenario.js';
import { resolveSummaryOptions, summariseResolved, type ConfidenceMethod, type TrialSummary, type TrialSummaryOptions } from './faults-stats.js';
import type { AnalyticsDemand } from './routing.js';

/** Damage in Almaty, January 2022 (SOURCES['kgnews-2022-01-17'], SOURCES['kazinform-2022-01-12']; Sergek counts: SOURCES['kazlenta-2024']). */
export const JANUARY_2022_DAMAGE = {
  /** "766 Sergek units … were damaged". */
  units: 766,
  /** "… and 493 cameras were damaged". */
  cameras: 493,
  /** "Sergek runs 1,341 units carrying 7,894 cameras". */
  sergekUnits: 1341,
  sergekCameras: 7894,
} as const;

/**
 * A target area of {@link applyTargetedDamage}: a circle or a polygon (metres,
 * the network's plane), and the share of the units and of the cameras inside
 * it that are hit.
 */
export interface DamageArea {
  /** Label kept in the provenance (e.g. `Republic Square`). */
  name?: string;
  /** A circle: centre (x, y) and radius, metres. Give exactly one of circle and polygon. */
  circle?: { x: number; y: number; radius: number };
  /** A polygon in metres (outer ring and holes as flat [x0, y0, x1, y1, …] rings). */
  polygon?: PolygonM;
  /**
   * Share of the units (nodes of `unitKinds`) inside the area, not already
   * hit, that are destroyed: exactly round(share × their number), a seeded
   * sample. [0, 1], default 0. A node is inside when its position is.
   */
  unitShare?: number;
  /**
   * Share of the cameras inside the area, not already dark (after the unit
   * damage), that are destroyed: exactly round(share × their number), a
   * seeded sample. [0, 1], default 0.
   */
  cameraShare?: number;
}

/** What {@link applyTargetedDamage} hit in each target area. */
export interface DamageAreaHits {
  name: string | null;
  /** Units of `unitKinds` inside the area (hit or not). */
  unitsInside: number;
  unitsHit: number;
  /** Cameras inside the area (dark or not). */
  camerasInside: number;
  /** Cameras destroyed directly in the area (not counting those darkened with their unit). */
  camerasHit: number;
  /** Cameras inside the area dark after the whole damage (units, named, area and random). */
  camerasDarkInside: number;
}

/** Options of {@link applyTargetedDamage}. */
export interface TargetedDamageOptions {
  /**
   * Target areas, hit after the named units and cameras and before the
   * random ones (which are drawn among what is left). Default none.
   */
  areas?: readonly DamageArea[];
  /**
   * Random units top the damage up to this many units destroyed in all
   * (named + areas + random; none when that many are already hit). Instead of `randomUnits`.
   */
  totalUnits?: number;
  /**
   * Random cameras top the cameras destroyed directly up to this many in all
   * (named + areas + random; darkened with a unit not counted). Instead of `randomCameras`.
   */
  totalCameras?: number;
  /** Units destroyed by name: node keys or indices. */
  units?: readonly (string | number)[];
  /** Cameras destroyed by id. */
  cameras?: ArrayLike<number>;
  /** Further units destroyed at random among the nodes of `unitKinds` not named (integer ≥ 0). */
  randomUnits?: number;
  /** Further cameras destroyed at random among the cameras not already dark (integer ≥ 0). */
  randomCameras?: number;
  /** Node kinds that count as units for `randomUnits` (default `['aggregation']`). */
  unitKinds?: readonly NodeKind[];
  /** A destroyed unit darkens the cameras attached to it (default true: assumption, a unit carries or powers them). */
  darkenUnitCameras?: boolean;
  /** Seed (or stream) of the random choices (default 1). */
  seed?: Seed | Rng;
}

/** Defaults of {@link applyTargetedDamage} and {@link simulateTargetedDamage}. */
export const TARGETED_DAMAGE_DEFAULTS = {
  /** No units destroyed at random unless asked: the damage is what the options name. */
  randomUnits: 0,
  /** No cameras destroyed at random unless asked. */
  randomCameras: 0,
  /** Random unit damage hits aggregation nodes, the model's roadside units (the January 2022 damage hit Sergek units, {@link JANUARY_2022_DAMAGE}). */
  unitKinds: ['aggregation'] as readonly NodeKind[],
  /** Assumption: physical damage to a unit (a roadside Sergek unit carries its cameras) destroys what it carries. */
  darkenUnitCameras: true,
  /** Assumption: a fixed seed, so that a call without one gives the same damage every time. */
  seed: 1 as Seed,
  /** simulateTargetedDamage: number of trials. Assumption (no source): 100 draws; the result gives a confidence interval on the mean. */
  trials: 100,
  /** simulateTargetedDamage: keep the per-trial columns in the result. */
  keepTrials: true,
} as const;

/** The options simulateTargetedDamage knows (its unknown options are refused). */
const SIMULATE_TARGETED_DAMAGE_OPTION_KEYS = optionKeys<DamageSimulationOptions>()(TARGETED_DAMAGE_DEFAULTS, ['areas', 'totalUnits', 'totalCameras', 'units', 'cameras', 'centreKinds', 'analyticsDemand', 'confidence', 'ci', 'resamples']);

/** The options applyTargetedDamage knows (its unknown options are refused). */
export const APPLY_TARGETED_DAMAGE_OPTION_KEYS = optionKeys<TargetedDamageOptions>()(TARGETED_DAMAGE_DEFAULTS, ['areas', 'totalUnits', 'totalCameras', 'units', 'cameras'], ['trials', 'keepTrials']);

/** A damage scenario: a {@link FaultScenario} with the damaged items listed. */
export interface DamageScenario extends FaultScenario {
  /** Node indices of the destroyed units, named first (in the given order) then random (in draw order). */
  damagedUnits: Uint32Array;
  damagedUnitKeys: string[];
  /** Camera ids destroyed directly (named, then random), not counting those darkened with their unit. */
  damagedCameras: Uint32Array;
  /** Cameras dark in total. */
  camerasDark: number;
  /** Per target area (`options.areas`, in order): what was inside and what was hit. Empty without areas. */
  areas: DamageAreaHits[];
}

/** Validated target areas: membership tests in metres. */
/** @internal */
export interface ResolvedArea {
  name: string | null;
  inside: (x: number, y: number) => boolean;
  unitShare: number;
  cameraShare: number;
}

/** Validates target areas (damage or outage trials) once. @internal */
export function resolveAreas(origin: string, areas: unknown): ResolvedArea[] {
  if (areas === undefined) return [];
  if (!Array.isArray(areas)) throw new InvalidInputError(origin, 'options.areas', 'must be an array of { circle | polygon, unitShare, cameraShare }', areas);
  return areas.map((a: DamageArea, i): ResolvedArea => {
    const f = `options.areas[${i}]`;
    if (typeof a !== 'object' || a === null) throw new InvalidInputError(origin, f, 'must be an object { circle | polygon, unitShare, cameraShare }', a);
    for (const k of Object.keys(a)) if (!['name', 'circle', 'polygon', 'unitShare', 'cameraShare'].includes(k)) throw new InvalidInputError(origin, `${f}.${k}`, 'is not an option (name, circle, polygon, unitShare, cameraShare)', (a as unknown as Record<string, unknown>)[k]);
    const share = (k: 'unitShare' | 'cameraShare'): number => {
      const v = a[k] ?? 0;
      if (typeof v !== 'number' || !(v >= 0 && v <= 1)) throw new InvalidInputError(origin, `${f}.${k}`, 'must be a share in [0, 1]', v);
      return v;
    };
    if ((a.circle === undefined) === (a.polygon === undefined)) throw new InvalidInputError(origin, f, 'must give exactly one of circle and polygon', a);
    let inside: ResolvedArea['inside'];
    if (a.circle !== undefined) {
      const { x, y, radius } = a.circle;
      if (![x, y].every((v) => typeof v === 'number' && Number.isFinite(v))) throw new InvalidInputError(origin, `${f}.circle`, 'must have finite x and y (metres)', a.circle);
      if (typeof radius !== 'number' || !(radius >= 0) || !Number.isFinite(radius)) throw new InvalidInputError(origin, `${f}.circle.radius`, 'must be a finite number of metres >= 0', radius);
      const r2 = radius * radius;
      inside = (px, py) => (px - x) * (px - x) + (py - y) * (py - y) <= r2;
    } else {
      const p = a.polygon!;
      if (typeof p !== 'object' || p === null || !(p.outer instanceof Float64Array) || p.outer.length < 6 || !Array.isArray(p.holes)) {
        throw new InvalidInputError(origin, `${f}.polygon`, 'must be a polygon { outer: Float64Array (at least 3 points), holes: Float64Array[] } in metres', p);
      }
      inside = (px, py) => pointInPolygon(px, py, p);
    }
    if (a.name !== undefined && typeof a.name !== 'string') throw new InvalidInputError(origin, `${f}.name`, 'must be a string', a.name);
    return { name: a.name ?? null, inside, unitShare: share('unitShare'), cameraShare: share('cameraShare') };
  });
}

/** Moves a seeded sample of `k` of `cand[0 … n)` to its front (partial Fisher–Yates). */
function sampleFront(cand: Uint32Array | number[], n: number, k: number, r: Rng): void {
  for (let i = 0; i < k; i++) {
    const j = i + r.int(n - i);
    const t = cand[i];
    cand[i] = cand[j];
    cand[j] = t;
  }
}

/**
 * Destroys named and/or random units and cameras.
 *
 * A destroyed unit is down (the live paths through it break) and, by
 * default, its attached cameras go dark (they see nothing: out of area
 * coverage too). A destroyed camera is dark. Random units are drawn without
 * replacement among the nodes of `unitKinds` not named (stream `units`);
 * random cameras among the cameras not yet dark (stream `cameras`).
 *
 * @param network - the network
 * @param options - units, cameras, areas (aimed damage), randomUnits, randomCameras (or totalUnits,
 *   totalCameras: random draws top the damage up to a total), unitKinds, darkenUnitCameras, seed
 * @returns the scenario, with the damaged units and cameras and the seed in its provenance
 * @throws {NotFoundError} for a unit key the network does not have
 * @throws {InvalidInputError} for a bad index, camera id, count (more than there
 *   are candidates) or option
 * @example
 * const s = applyTargetedDamage(net, { randomUnits: 766, randomCameras: 493, seed: 2022 });
 * evaluateFaultScenario(net, s).live.liveShare
 * // Aimed: every unit and camera within 1 km of (x, y), the rest of 766 / 493 at random.
 * applyTargetedDamage(net, { areas: [{ circle: { x, y, radius: 1000 }, unitShare: 1, cameraShare: 1 }], totalUnits: 766, totalCameras: 493 });
 *
 * Complexity: O(nodes + cameras).
 */
export function applyTargetedDamage(network: CommandNetwork, options: TargetedDamageOptions = {}): DamageScenario {
  checkOptions('applyTargetedDamage', options, APPLY_TARGETED_DAMAGE_OPTION_KEYS);
  const origin = 'applyTargetedDamage';
  checkNetwork(origin, network);
  if (typeof options !== 'object' || options === null) throw new InvalidInputError(origin, 'options', 'must be an object', options);
  const D = TARGETED_DAMAGE_DEFAULTS;
  const rng = toRng(options.seed ?? D.seed, origin);
  const unitKinds = options.unitKinds ?? D.unitKinds;
  if (!Array.isArray(unitKinds) || unitKinds.length === 0) throw new InvalidInputError(origin, 'options.unitKinds', 'must be a non-empty array of node kinds', unitKinds);
  unitKinds.forEach((k, i) => {
    if (!NODE_KINDS.includes(k)) throw new InvalidInputError(origin, `options.unitKinds[${i}]`, `must be one of ${NODE_KINDS.map((x) => JSON.stringify(x)).join(', ')}`, k);
  });
  const darken = options.darkenUnitCameras ?? D.darkenUnitCameras;
  if (typeof darken !== 'boolean') throw new InvalidInputError(origin, 'options.darkenUnitCameras', 'must be a boolean', darken);
  const count = (name: 'randomUnits' | 'randomCameras' | 'totalUnits' | 'totalCameras', v: unknown): number => {
    if (v === undefined) return 0;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new InvalidInputError(origin, `options.${name}`, 'must be an integer >= 0', v);
    return v;
  };
  if (options.totalUnits !== undefined && options.randomUnits !== undefined) throw new InvalidInputError(origin, 'options.totalUnits', 'cannot be combined with options.randomUnits (give one)', options.totalUnits);
  if (options.totalCameras !== undefined && options.randomCameras !== undefined) throw new InvalidInputError(origin, 'options.totalCameras', 'cannot be combined with options.randomCameras (give one)', options.totalCameras);
  const totalUnits = options.totalUnits === undefined ? -1 : count('totalUnits', options.totalUnits);
  const totalCameras = options.totalCameras === undefined ? -1 : count('totalCameras', options.totalCameras);
  const areas = resolveAreas(origin, options.areas);
  const named = options.units ?? [];
  if (!Array.isArray(named)) throw new InvalidInputError(origin, 'options.units', 'must be an array of node keys or indices', named);
  const namedCams = options.cameras ?? [];
  if (typeof namedCams !== 'object' || namedCams === null || typeof namedCams.length !== 'number') throw new InvalidInputError(origin, 'options.cameras', 'must be an array of camera ids', namedCams);

  const s = allUpScenario(network, origin, {}, rng.seed);
  const units: number[] = [];
  const isUnit = new Uint8Array(network.numNodes);
  named.forEach((u, i) => {
    const v = resolveNode(origin, network, `options.units[${i}]`, u);
    if (isUnit[v] === 0) units.push(v);
    isUnit[v] = 1;
  });
  let mask = 0;
  for (const k of unitKinds) mask |= 1 << NODE_KINDS.indexOf(k);
  // Units in the target areas: a seeded share of those inside not already hit.
  const hits: DamageAreaHits[] = areas.map((a) => ({ name: a.name, unitsInside: 0, unitsHit: 0, camerasInside: 0, camerasHit: 0, camerasDarkInside: 0 }));
  areas.forEach((a, i) => {
    const cand: number[] = [];
    for (let v = 0; v < network.numNodes; v++) {
      if (!(mask & (1 << network.nodeKind[v])) || !a.inside(network.nodeX[v], network.nodeY[v])) continue;
      hits[i].unitsInside++;
      if (isUnit[v] === 0) cand.push(v);
    }
    const k = Math.round(a.unitShare * cand.length);
    sampleFront(cand, cand.length, k, rng.stream(`area/${i}/units`));
    for (let q = 0; q < k; q++) {
      units.push(cand[q]);
      isUnit[cand[q]] = 1;
    }
    hits[i].unitsHit = k;
  });
  const randomUnits = totalUnits >= 0 ? Math.max(0, totalUnits - units.length) : count('randomUnits', options.randomUnits);
  // Random units: partial Fisher–Yates over the candidates (node index order).
  if (randomUnits > 0) {
    const cand: number[] = [];
    for (let v = 0; v < network.numNodes; v++) if (isUnit[v] === 0 && mask & (1 << network.nodeKind[v])) cand.push(v);
    if (randomUnits > cand.length) throw new InvalidInputError(origin, totalUnits >= 0 ? 'options.totalUnits' : 'options.randomUnits', `${totalUnits >= 0 ? `needs ${randomUnits} random units, ` : ''}must be at most the ${cand.length} units of kind ${unitKinds.join('/')} not named${areas.length ? ' or hit in an area' : ''}`, totalUnits >= 0 ? totalUnits : randomUnits);
    sampleFront(cand, cand.length, randomUnits, rng.stream('units'));
    for (let k = 0; k < randomUnits; k++) {
      units.push(cand[k]);
      isUnit[cand[k]] = 1;
    }
  }
  for (const v of units) {
    if (darken) destroyUnit(network, s, v);
    else s.nodeUp[v] = 0;
  }
  const cams: number[] = [];
  for (let i = 0; i < namedCams.length; i++) {
    const c = namedCams[i];
    if (!Number.isInteger(c) || c < 0 || c >= network.numCameras) throw new InvalidInputError(origin, `options.cameras[${i}]`, `must be a camera id in [0, ${network.numCameras - 1}]`, c);
    if (s.cameraUp[c] === 1) cams.push(c);
    s.cameraUp[c] = 0;
  }
  // Cameras in the target areas: a seeded share of those inside still up.
  const cx = network.cameras.x;
  const cy = network.cameras.y;
  areas.forEach((a, i) => {
    const cand: number[] = [];
    for (let c = 0; c < network.numCameras; c++) {
      if (!a.inside(cx[c], cy[c])) continue;
      hits[i].camerasInside++;
      if (s.cameraUp[c] === 1) cand.push(c);
    }
    const k = Math.round(a.cameraShare * cand.length);
    sampleFront(cand, cand.length, k, rng.stream(`area/${i}/cameras`));
    for (let q = 0; q < k; q++) {
      cams.push(cand[q]);
      s.cameraUp[cand[q]] = 0;
    }
    hits[i].camerasHit = k;
  });
  const randomCameras = totalCameras >= 0 ? Math.max(0, totalCameras - cams.length) : count('randomCameras', options.randomCameras);
  if (randomCameras > 0) {
    const cand = new Uint32Array(network.numCameras);
    let n = 0;
    for (let c = 0; c < network.numCameras; c++) if (s.cameraUp[c] === 1) cand[n++] = c;
    if (randomCameras > n) throw new InvalidInputError(origin, totalCameras >= 0 ? 'options.totalCameras' : 'options.randomCameras', `must be at most the ${n} cameras not already dark`, totalCameras >= 0 ? totalCameras : randomCameras);
    sampleFront(cand, n, randomCameras, rng.stream('cameras'));
    for (let k = 0; k < randomCameras; k++) {
      cams.push(cand[k]);
      s.cameraUp[cand[k]] = 0;
    }
  }
  let camerasDark = 0;
  for (let c = 0; c < network.numCameras; c++) camerasDark += 1 - s.cameraUp[c];
  areas.forEach((a, i) => {
    for (let c = 0; c < network.numCameras; c++) if (s.cameraUp[c] === 0 && a.inside(cx[c], cy[c])) hits[i].camerasDarkInside++;
  });
  s.provenance.params = {
    units: [...named],
    cameras: Array.from(namedCams),
    randomUnits,
    randomCameras,
    unitKinds: [...unitKinds],
    darkenUnitCameras: darken,
    // Recorded only when given, so that a damage without them keeps its provenance.
    ...(areas.length ? { areas: (options.areas ?? []).map((a) => ({ name: a.name ?? null, ...(a.circle ? { circle: { ...a.circle } } : { polygon: { vertices: a.polygon!.outer.length / 2, holes: a.polygon!.holes.length } }), unitShare: a.unitShare ?? 0, cameraShare: a.cameraShare ?? 0 })) } : {}),
    ...(totalUnits >= 0 ? { totalUnits } : {}),
    ...(totalCameras >= 0 ? { totalCameras } : {}),
  };
  return {
    ...s,
    damagedUnits: Uint32Array.from(units),
    damagedUnitKeys: units.map((v) => network.nodeKeys[v]),
    damagedCameras: Uint32Array.from(cams),
    camerasDark,
    areas: hits,
  };
}

/** Options of {@link simulateTargetedDamage}. */
export interface DamageSimulationOptions extends Omit<TargetedDamageOptions, 'seed'>, FaultLiveOptions, Omit<TrialSummaryOptions, 'seed'> {
  /** Number of damage draws (integer in [1, 100000]; default 100). */
  trials?: number;
  /** Seed (or stream): trial t damages with the stream `damage/<t>` of it (default 1). */
  seed?: Seed | Rng;
  /** Keep the per-trial columns (default true). */
  keepTrials?: boolean;
}

/** Result of {@link simulateTargetedDamage} (plain data). */
export interface DamageSimulation {
  params: {
    trials: number;
    seed: string;
    units: (string | number)[];
    randomUnits: number;
    randomCameras: number;
    unitKinds: NodeKind[];
    darkenUnitCameras: boolean;
    /** The target areas and totals, when given (as in the damage's provenance). */
    areas?: { name: string | null; circle?: { x: number; y: number; radius: number }; polygon?: { vertices: number; holes: number }; unitShare: number; cameraShare: number }[];
    totalUnits?: number;
    totalCameras?: number;
    centreKinds: NodeKind[];
    analyticsDemand: AnalyticsDemand;
    confidence: number;
    ci: ConfidenceMethod;
  };
  liveShare: TrialSummary;
  reachedShare: TrialSummary;
  camerasDark: TrialSummary;
  trials: { liveShare: Float64Array; reachedShare: Float64Array; camerasDark: Uint32Array } | null;
}

/**
 * Repeats a random targeted-damage draw: the live share (and reach, cameras
 * dark) as a distribution with a confidence interval on the mean. Named units
 * and cameras are damaged in every trial; the random ones are drawn afresh.
 * Trial t is `applyTargetedDamage(network, { ...options, seed: toRng(seed).stream('damage/' + t) })`
 * (use that to replay it, e.g. for coverage: `simulateDamageCoverage`).
 *
 * @param network - the network
 * @param options - the {@link applyTargetedDamage} options, trials (100), seed (1), centreKinds,
 *   analyticsDemand, confidence, ci, resamples, keepTrials
 * @returns summaries of liveShare, reachedShare and camerasDark, per-trial columns, params with the seed
 * @throws {InvalidInputError} on bad options (as applyTargetedDamage, plus trials)
 * @example
 * const d = simulateTargetedDamage(net, { randomUnits: 766, randomCameras: 493, trials: 200, seed: 2022 });
 * d.liveShare.mean; d.liveShare.ci
 *
 * Complexity: O(trials · (nodes + links + cameras)).
 */
export function simulateTargetedDamage(network: CommandNetwork, options: DamageSimulationOptions = {}): DamageSimulation {
  checkOptions('simulateTargetedDamage', options, SIMULATE_TARGETED_DAMAGE_OPTION_KEYS);
  const origin = 'simulateTargetedDamage';
  checkNetwork(origin, network);
  if (typeof options !== 'object' || options === null) throw new InvalidInputError(origin, 'options', 'must be an object', options);
  const trials = options.trials ?? TARGETED_DAMAGE_DEFAULTS.trials;
  if (!Number.isInteger(trials) || trials < 1 || trials > 100_000) throw new InvalidInputError(origin, 'options.trials', 'must be an integer in [1, 100000]', trials);
  const keepTrials = options.keepTrials ?? TARGETED_DAMAGE_DEFAULTS.keepTrials;
  if (typeof keepTrials !== 'boolean') throw new InvalidInputError(origin, 'options.keepTrials', 'must be a boolean', keepTrials);
  const rng = toRng(options.seed ?? TARGETED_DAMAGE_DEFAULTS.seed, origin);
  const live = resolveLiveOptions(origin, options);
  const summary = resolveSummaryOptions(origin, { ...options, seed: rng });
  const liveShare = new Float64Array(trials);
  const reachedShare = new Float64Array(trials);
  const camerasDark = new Uint32Array(trials);
  let first: DamageScenario | null = null;
  for (let t = 0; t < trials; t++) {
    const s = applyTargetedDamage(network, { ...pickOptions(options, APPLY_TARGETED_DAMAGE_OPTION_KEYS), seed: rng.stream(`damage/${t}`) });
    if (first === null) first = s;
    const e = evaluateFaultScenario(network, s, live);
    liveShare[t] = e.live.liveShare;
    reachedShare[t] = e.reachedShare;
    camerasDark[t] = s.camerasDark;
  }
  const p = first!.provenance.params as { units: (string | number)[]; randomUnits: number; randomCameras: number; unitKinds: NodeKind[]; darkenUnitCameras: boolean };
  return {
    params: { trials, seed: rng.seed, ...p, centreKinds: live.centreKinds, analyticsDemand: live.analyticsDemand, confidence: summary.confidence, ci: summary.ci },
    liveShare: summariseResolved(liveShare, summary, 'liveShare'),
    reachedShare: summariseResolved(reachedShare, summary, 'reachedShare'),
    camerasDark: summariseResolved(camerasDark, summary, 'camerasDark'),
    trials: keepTrials ? { liveShare, reachedShare, camerasDark } : null,
  };
}
