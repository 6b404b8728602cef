/**
 * Trip plans: who goes where, why, how and when — before any routing.
 * Destinations come from a gravity model over zones, trips from daily chains
 * that start and end at home, modes from a distance-dependent probability and
 * departure times from replaceable distributions.
 */
import { InvalidInputError, UsageError, type Rng, type Seed } from '../core/index.js';
import { toRng, requireInteger, requireObject, requirePositive, requireProbability, checkOptions, optionKeys } from '../core/internal.js';
import { type City } from '../city/index.js';
import type { StreetNetwork } from './street-network.js';
import { MODE_CAR, MODE_WALK, type Residents, type TripPurpose } from './trip-set.js';
import { buildZonesFor, type Zones } from './zones.js';

/** Index of each purpose in TRIP_PURPOSES. */
export const PURPOSE_HOME = 0;
export const PURPOSE_WORK = 1;
export const PURPOSE_STUDY = 2;
export const PURPOSE_ERRAND = 3;

/** A purpose that has a destination chosen by the gravity model. */
export type ActivityPurpose = Exclude<TripPurpose, 'home'>;
const ACTIVITIES: readonly ActivityPurpose[] = ['work', 'study', 'errand'];

/**
 * How attraction falls with distance d (metres, between zone centres):
 * `exponential` f(d) = exp(−d / scale); `power` f(d) = max(d, minDistance)^(−exponent);
 * or any function returning a finite weight ≥ 0.
 */
export type Deterrence =
  | { kind: 'exponential'; scale: number }
  | { kind: 'power'; exponent: number; minDistance?: number }
  | ((distance: number) => number);

/**
 * A distribution of times in seconds:
 * - `{ histogram: weights[], binSeconds?, offset? }`: bin b (weight ≥ 0) covers
 *   `offset + b·binSeconds` … `offset + (b+1)·binSeconds` (binSeconds default 3600, offset 0), uniform within the bin;
 * - `{ mean, sd, min?, max? }`: a normal deviate clamped to [min, max];
 * - a function of a seeded stream returning seconds (use only that stream for randomness).
 */
export type TimeDistribution =
  | { histogram: readonly number[]; binSeconds?: number; offset?: number }
  | { mean: number; sd: number; min?: number; max?: number }
  | ((rng: Rng) => number);

/**
 * Defaults of {@link planTrips}. Travel behaviour differs between cities and
 * no Almaty travel survey is bundled, so every value below is an assumption,
 * chosen to be plausible and easy to replace; none is a measured fact.
 */
export const TRIP_DEFAULTS = {
  /** Number of simulated days. */
  days: 1,
  /**
   * Share of residents by daily role: workers commute home→work→home, students
   * home→study→home, others make no primary trip. Assumption (roughly: half
   * the population employed, a fifth in education).
   */
  roleShares: { worker: 0.45, student: 0.2, other: 0.35 },
  /**
   * Probability, per resident and day, of an errand chain home→errand→home,
   * by role. Assumption. With the role shares this gives about 2.1 trips per
   * resident and day; travel surveys find more (the US NHTS 2001: about 4
   * one-way trips per person per day, BTS "Highlights of the 2001 NHTS"),
   * because they count every stop — a conservative choice for exposure.
   */
  errandProbability: { worker: 0.3, student: 0.2, other: 0.6 },
  /**
   * Gravity deterrence by purpose: exp(−d / scale). The exponential form is
   * a standard gravity-model choice (Wilson 1967, "A statistical theory of
   * spatial distribution models", Transportation Research 1); the scales
   * (5 km work, 2.5 km study, 1.5 km errands) are assumptions.
   */
  deterrence: {
    work: { kind: 'exponential', scale: 5000 },
    study: { kind: 'exponential', scale: 2500 },
    errand: { kind: 'exponential', scale: 1500 },
  } as Record<ActivityPurpose, Deterrence>,
  /**
   * Probability of walking (otherwise car) for a trip of crow-fly distance d:
   * 1 / (1 + exp((d − 1200 m) / 300 m)) — about 91% at 500 m, 50% at 1.2 km,
   * 0.25% at 3 km. Assumption. "Car" stands for every motor vehicle.
   */
  walkMidpoint: 1200,
  walkSpread: 300,
  /**
   * Departure from home by purpose, hourly weights from midnight. Assumption,
   * shaped like the morning peak of travel surveys (work 7–9 h, school 7–8 h)
   * and daytime errands.
   */
  departure: {
    work: { histogram: [0, 0, 0, 0, 0, 1, 4, 12, 14, 6, 2, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0] },
    study: { histogram: [0, 0, 0, 0, 0, 0, 1, 10, 8, 2, 1, 1, 2, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
    errand: { histogram: [0, 0, 0, 0, 0, 0, 0, 1, 2, 4, 5, 5, 5, 5, 5, 5, 5, 6, 6, 5, 3, 1, 0, 0] },
  } as Record<ActivityPurpose, TimeDistribution>,
  /** Time from leaving home to leaving the activity, seconds (normal, clamped). Assumption. */
  duration: {
    work: { mean: 9 * 3600, sd: 3600, min: 3600, max: 14 * 3600 },
    study: { mean: 6 * 3600, sd: 3600, min: 3600, max: 10 * 3600 },
    errand: { mean: 5400, sd: 2700, min: 900, max: 4 * 3600 },
  } as Record<ActivityPurpose, TimeDistribution>,
  /** For residents with a primary chain: an errand leaves home this long after the primary return trip (plus up to `errandGapSpread`). Assumption. */
  errandGapMin: 1800,
  errandGapSpread: 7200,
} as const;

/** The options planTrips knows (its unknown options are refused). */
export const PLAN_TRIPS_OPTION_KEYS = optionKeys<PlanTripsOptions>()(TRIP_DEFAULTS, ['seed', 'zones', 'attraction', 'walkProbability'], ['walkMidpoint', 'walkSpread', 'errandGapMin', 'errandGapSpread']);

/** Options of {@link planTrips}. */
export interface PlanTripsOptions {
  /** Seed or stream; sub-streams `roles`, `errands`, `destinations`, `modes`, `times`. */
  seed: Seed | Rng;
  /** Number of days (integer 1 … 65535). Roles and work/study places stay fixed across days; errands, modes and times are drawn per day. */
  days?: number;
  /** Zones that residents.homeZone indexes (default: the residents' own `zones`, else buildZones with the default size). */
  zones?: Zones;
  roleShares?: { worker: number; student: number; other: number };
  errandProbability?: { worker: number; student: number; other: number };
  /** Attraction per zone by purpose (length numZones, finite ≥ 0). Default: zone population for every purpose (no jobs data; assumption). */
  attraction?: Partial<Record<ActivityPurpose, ArrayLike<number>>>;
  deterrence?: Partial<Record<ActivityPurpose, Deterrence>>;
  /** Probability of walking given crow-fly distance (m) and purpose; must return a value in [0, 1]. */
  walkProbability?: (distance: number, purpose: ActivityPurpose) => number;
  departure?: Partial<Record<ActivityPurpose, TimeDistribution>>;
  duration?: Partial<Record<ActivityPurpose, TimeDistribution>>;
}

/**
 * Trips planned but not yet routed (struct of arrays), ordered by person,
 * day, then departure. Origins and destinations are zone representative
 * nodes, so all plans leaving one zone share one shortest-path search.
 */
export interface TripPlans {
  readonly numPlans: number;
  readonly person: Uint32Array;
  readonly day: Uint16Array;
  /** Index into TRIP_PURPOSES (the activity at the destination; `home` for return trips). */
  readonly purpose: Uint8Array;
  /** Index into TRAVEL_MODES. */
  readonly mode: Uint8Array;
  /** Seconds since midnight of the day, in [0, 86400). */
  readonly departure: Float64Array;
  readonly originZone: Uint32Array;
  readonly destZone: Uint32Array;
  readonly originNode: Uint32Array;
  readonly destNode: Uint32Array;
  /** Crow-fly distance between the zones' centres, metres (used for the mode). */
  readonly distance: Float64Array;
  readonly seed: string;
  /** Options that produced the plans (functions recorded as "custom function"). */
  readonly params: Record<string, unknown>;
}

const ORIGIN = 'planTrips';
const DAY = 86400;

/** A validated time distribution, ready to draw from. */
interface TimeSampler {
  kind: 0 | 1 | 2;
  cum: Float64Array;
  total: number;
  bin: number;
  offset: number;
  mean: number;
  sd: number;
  min: number;
  max: number;
  fn: ((rng: Rng) => number) | null;
  field: string;
}

function timeSampler(value: unknown, field: string): TimeSampler {
  const s: TimeSampler = { kind: 0, cum: new Float64Array(0), total: 0, bin: 3600, offset: 0, mean: 0, sd: 0, min: -Infinity, max: Infinity, fn: null, field };
  if (typeof value === 'function') {
    s.kind = 2;
    s.fn = value as (rng: Rng) => number;
    return s;
  }
  const o = requireObject(ORIGIN, field, value);
  if ('histogram' in o) {
    const h = o.histogram;
    if (!Array.isArray(h) || h.length === 0) throw new InvalidInputError(ORIGIN, `${field}.histogram`, 'must be a non-empty array of weights', h);
    s.cum = new Float64Array(h.length);
    let t = 0;
    for (let i = 0; i < h.length; i++) {
      const w = h[i];
      if (typeof w !== 'number' || !(w >= 0) || w === Infinity) throw new InvalidInputError(ORIGIN, `${field}.histogram[${i}]`, 'must be a finite number >= 0', w);
      t += w;
      s.cum[i] = t;
    }
    if (!(t > 0)) throw new InvalidInputError(ORIGIN, `${field}.histogram`, 'must have weights that sum to more than zero', t);
    s.total = t;
    if (o.binSeconds !== undefined) s.bin = requirePositive(ORIGIN, `${field}.binSeconds`, o.binSeconds);
    if (o.offset !== undefined) {
      if (typeof o.offset !== 'number' || !Number.isFinite(o.offset)) throw new InvalidInputError(ORIGIN, `${field}.offset`, 'must be a finite number', o.offset);
      s.offset = o.offset;
    }
    return s;
  }
  if ('mean' in o) {
    s.kind = 1;
    if (typeof o.mean !== 'number' || !Number.isFinite(o.mean)) throw new InvalidInputError(ORIGIN, `${field}.mean`, 'must be a finite number', o.mean);
    s.mean = o.mean;
    if (typeof o.sd !== 'number' || !(o.sd >= 0) || o.sd === Infinity) throw new InvalidInputError(ORIGIN, `${field}.sd`, 'must be a finite number >= 0', o.sd);
    s.sd = o.sd;
    if (o.min !== undefined) {
      if (typeof o.min !== 'number' || !Number.isFinite(o.min)) throw new InvalidInputError(ORIGIN, `${field}.min`, 'must be a finite number', o.min);
      s.min = o.min;
    }
    if (o.max !== undefined) {
      if (typeof o.max !== 'number' || !Number.isFinite(o.max) || o.max < s.min) throw new InvalidInputError(ORIGIN, `${field}.max`, `must be a finite number >= min`, o.max);
      s.max = o.max;
    }
    return s;
  }
  throw new InvalidInputError(ORIGIN, field, 'must be { histogram }, { mean, sd } or a function of an Rng', value);
}

function drawTime(s: TimeSampler, rng: Rng): number {
  let t: number;
  if (s.kind === 0) {
    const u = rng.next() * s.total;
    const cum = s.cum;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    t = s.offset + (lo + rng.next()) * s.bin;
  } else if (s.kind === 1) {
    t = s.mean + s.sd * rng.normal();
    if (t < s.min) t = s.min;
    if (t > s.max) t = s.max;
  } else {
    t = (s.fn as (rng: Rng) => number)(rng);
    if (typeof t !== 'number' || !Number.isFinite(t)) throw new InvalidInputError(ORIGIN, s.field, 'must return a finite number of seconds', t);
  }
  return t;
}

/** A validated deterrence: kind 0 exponential (a = scale), 1 power (a = exponent, b = min distance), 2 custom function. */
export interface DeterrenceSpec {
  kind: 0 | 1 | 2;
  a: number;
  b: number;
  fn: ((d: number) => number) | null;
  field: string;
}

function deterrenceSpec(value: unknown, field: string, origin = ORIGIN): DeterrenceSpec {
  if (typeof value === 'function') return { kind: 2, a: 0, b: 0, fn: value as (d: number) => number, field };
  const o = requireObject(origin, field, value);
  if (o.kind === 'exponential') return { kind: 0, a: requirePositive(origin, `${field}.scale`, o.scale), b: 0, fn: null, field };
  if (o.kind === 'power') {
    const e = o.exponent;
    if (typeof e !== 'number' || !(e >= 0) || e === Infinity) throw new InvalidInputError(origin, `${field}.exponent`, 'must be a finite number >= 0', e);
    const d0 = o.minDistance === undefined ? 1 : requirePositive(origin, `${field}.minDistance`, o.minDistance);
    return { kind: 1, a: e, b: d0, fn: null, field };
  }
  throw new InvalidInputError(origin, `${field}.kind`, 'must be "exponential" or "power" (or give a function)', o.kind);
}

/** Distances from zone `from` to every zone (between population-weighted centres), into `out`. */
function distanceRow(xs: Float64Array, ys: Float64Array, from: number, out: Float64Array): void {
  const fx = xs[from];
  const fy = ys[from];
  for (let j = 0; j < out.length; j++) out[j] = Math.hypot(xs[j] - fx, ys[j] - fy);
}

/**
 * Fills `out` with gravity weights from zone `from`: attraction[j] × f(d[j]),
 * 0 for j = from and for every zone whose street node is from's (a trip
 * there would have an empty path). Closed-form kinds are computed relative to the nearest
 * candidate (log domain) so that they never all underflow; the result is
 * proportional to the formula. Returns the sum.
 */
function gravityWeights(from: number, node: Uint32Array, d: Float64Array, attraction: ArrayLike<number>, det: DeterrenceSpec, out: Float64Array, origin = ORIGIN): number {
  const n = d.length;
  const own = node[from];
  let sum = 0;
  if (det.kind === 2) {
    const fn = det.fn as (d: number) => number;
    for (let j = 0; j < n; j++) {
      let w = 0;
      if (node[j] !== own && attraction[j] > 0) {
        const f = fn(d[j]);
        if (typeof f !== 'number' || !(f >= 0) || f === Infinity) throw new InvalidInputError(origin, det.field, `must return a finite weight >= 0 (for distance ${d[j]} m)`, f);
        w = attraction[j] * f;
      }
      out[j] = w;
      sum += w;
    }
    return sum;
  }
  // Log of the largest deterrence among candidates: the nearest one (f decreases with d).
  let dMin = Infinity;
  for (let j = 0; j < n; j++) if (node[j] !== own && attraction[j] > 0 && d[j] < dMin) dMin = d[j];
  if (dMin === Infinity) {
    out.fill(0);
    return 0;
  }
  if (det.kind === 0) {
    const inv = 1 / det.a;
    for (let j = 0; j < n; j++) {
      const w = node[j] === own || !(attraction[j] > 0) ? 0 : attraction[j] * Math.exp((dMin - d[j]) * inv);
      out[j] = w;
      sum += w;
    }
  } else {
    const e = det.a;
    const ref = Math.max(dMin, det.b);
    for (let j = 0; j < n; j++) {
      const w = node[j] === own || !(attraction[j] > 0) ? 0 : attraction[j] * Math.pow(Math.max(d[j], det.b) / ref, -e);
      out[j] = w;
      sum += w;
    }
  }
  return sum;
}

/** The options gravityProbabilities knows (its unknown options are refused). */
const GRAVITY_PROBABILITIES_OPTION_KEYS = optionKeys<NonNullable<Parameters<typeof gravityProbabilities>[2]>>()({}, ['attraction', 'deterrence']);

/**
 * The gravity model's destination probabilities from one zone:
 * P(j | i) = A_j f(d_ij) / Σ_{k ≠ i} A_k f(d_ik) for j ≠ i, and 0 for j = i
 * (a trip always leaves its zone), with d the distance between the zones'
 * population-weighted centres. Zones that share i's representative street
 * node count as i (probability 0), so that no planned trip has an empty path.
 *
 * @param zones - zones from buildZones
 * @param from - origin zone index
 * @param options - `attraction` per zone (default zone population) and `deterrence` (default exponential, 5 km)
 * @returns probability per zone (sums to 1)
 * @throws {InvalidInputError} on a bad zone index, attraction or deterrence, or when no other zone has a positive weight
 * @example
 * const p = gravityProbabilities(zones, 0, { deterrence: { kind: 'exponential', scale: 2000 } });
 * @remarks O(zones).
 */
export function gravityProbabilities(zones: Zones, from: number, options: { attraction?: ArrayLike<number>; deterrence?: Deterrence } = {}): Float64Array {
  checkOptions('gravityProbabilities', options, GRAVITY_PROBABILITIES_OPTION_KEYS);
  requireInteger('gravityProbabilities', 'from', from, 0, zones.numZones - 1);
  const origin = 'gravityProbabilities';
  const attraction = checkAttraction(zones, options.attraction ?? zones.population, 'options.attraction', origin);
  const det = deterrenceSpec(options.deterrence ?? TRIP_DEFAULTS.deterrence.work, 'options.deterrence', origin);
  const d = new Float64Array(zones.numZones);
  distanceRow(zones.x, zones.y, from, d);
  const out = new Float64Array(zones.numZones);
  const sum = gravityWeights(from, zones.node, d, attraction, det, out, origin);
  if (!(sum > 0)) throw new InvalidInputError('gravityProbabilities', 'options.attraction', `must give some zone other than ${from} (and not sharing its street node) a positive weight`, sum);
  for (let j = 0; j < out.length; j++) out[j] /= sum;
  return out;
}

/**
 * @internal Everything needed to draw the destinations of the residents of
 * any range of zones (plain data: typed arrays, and deterrence specs whose
 * `fn` is null unless a custom function was given).
 */
export interface DestinationTask {
  /** Plans that will be made (for choosing a thread count). */
  numPlans: number;
  numZones: number;
  days: number;
  /** Zone centres and representative street nodes. */
  x: Float64Array;
  y: Float64Array;
  node: Uint32Array;
  /** Attraction per zone, by activity (work, study, errand). */
  attraction: Float64Array[];
  det: DeterrenceSpec[];
  /** Residents grouped by home zone: zone z's are byZone[byZoneStart[z]] … byZone[byZoneStart[z + 1] − 1]. */
  byZoneStart: Uint32Array;
  byZone: Uint32Array;
  /** Role per resident (0 worker, 1 student, 2 other) and errand flag per resident and day. */
  role: Uint8Array;
  errand: Uint8Array;
  /** Uniform draws of the `destinations` stream; zone z's are draws[drawStart[z]] … (in consumption order). */
  draws: Float64Array;
  drawStart: Uint32Array;
  /** Outputs: primary place per resident, errand destination per resident and day. */
  primaryDest: Uint32Array;
  errandDest: Uint32Array;
}

/**
 * @internal Draws the destinations of the residents of zones z0 … z1 − 1
 * into `task.primaryDest` / `task.errandDest` (each zone writes only its own
 * residents' entries, so ranges can run on different threads).
 *
 * @throws {InvalidInputError} when a needed purpose has no destination of positive weight from a zone
 */
export function solveDestinations(task: DestinationTask, z0: number, z1: number): void {
  const nz = task.numZones;
  const days = task.days;
  const { byZoneStart, byZone, role, errand, draws, drawStart, primaryDest, errandDest } = task;
  const cum: Float64Array[] = [new Float64Array(nz), new Float64Array(nz), new Float64Array(nz)];
  const total = [0, 0, 0];
  const needed = new Uint8Array(3);
  const drow = new Float64Array(nz);
  for (let z = z0; z < z1; z++) {
    const s = byZoneStart[z];
    const e = byZoneStart[z + 1];
    if (s === e) continue;
    needed.fill(0);
    for (let k = s; k < e; k++) {
      const i = byZone[k];
      if (role[i] < 2) needed[role[i]] = 1;
      for (let d = 0; d < days; d++) if (errand[i * days + d]) needed[2] = 1;
    }
    distanceRow(task.x, task.y, z, drow);
    for (let a = 0; a < 3; a++) {
      if (!needed[a]) continue;
      total[a] = gravityWeights(z, task.node, drow, task.attraction[a], task.det[a], cum[a]);
      if (!(total[a] > 0)) {
        throw new InvalidInputError(ORIGIN, `options.attraction.${ACTIVITIES[a]}`, `must give some zone other than zone ${z} a positive weight after deterrence (no ${ACTIVITIES[a]} destination can be drawn from it)`, total[a]);
      }
      const c = cum[a];
      let t = 0;
      for (let j = 0; j < nz; j++) {
        t += c[j];
        c[j] = t;
      }
      total[a] = t;
    }
    let u = drawStart[z];
    for (let k = s; k < e; k++) {
      const i = byZone[k];
      if (role[i] < 2) primaryDest[i] = drawZone(cum[role[i]], total[role[i]], draws[u++]);
      for (let d = 0; d < days; d++) if (errand[i * days + d]) errandDest[i * days + d] = drawZone(cum[2], total[2], draws[u++]);
    }
  }
}

function checkAttraction(zones: Zones, a: unknown, field: string, origin = ORIGIN): ArrayLike<number> {
  const arr = a as ArrayLike<number>;
  if (typeof a !== 'object' || a === null || typeof arr.length !== 'number' || arr.length !== zones.numZones) {
    throw new InvalidInputError(origin, field, `must be an array of length numZones = ${zones.numZones}`, a);
  }
  for (let j = 0; j < arr.length; j++) {
    const v = arr[j];
    if (typeof v !== 'number' || !(v >= 0) || v === Infinity) throw new InvalidInputError(origin, `${field}[${j}]`, 'must be a finite number >= 0', v);
  }
  return arr;
}

function checkShares(value: unknown, field: string, sumToOne: boolean): { worker: number; student: number; other: number } {
  const o = requireObject(ORIGIN, field, value);
  const worker = requireProbability(ORIGIN, `${field}.worker`, o.worker);
  const student = requireProbability(ORIGIN, `${field}.student`, o.student);
  const other = requireProbability(ORIGIN, `${field}.other`, o.other);
  if (sumToOne && Math.abs(worker + student + other - 1) > 1e-9) {
    throw new InvalidInputError(ORIGIN, field, 'must have worker + student + other = 1', worker + student + other);
  }
  return { worker, student, other };
}

function describe(v: unknown): unknown {
  return typeof v === 'function' ? 'custom function' : v;
}

/**
 * Plans every resident's trips for one or more days. Each resident gets a
 * role (worker, student, other; `roleShares`). Workers and students travel
 * home → work/study → home every day to a place drawn once by the gravity
 * model; on each day anyone may also make an errand chain home → errand →
 * home (`errandProbability`), to a destination drawn afresh. Destinations
 * are other zones, chosen with probability attraction × f(distance)
 * (see {@link gravityProbabilities}). Both trips of a chain use one mode,
 * walking with probability `walkProbability(distance)`. The outbound trip
 * leaves at a time drawn from `departure`, the return trip `duration` later
 * (clamped to the day, at most 86,399 s); a worker's or student's errand
 * starts after the primary return trip.
 *
 * Plans are ordered by person, day and chain, and are byte-identical for the
 * same inputs and seed.
 *
 * @param city - the City (for zones when the residents carry none)
 * @param network - its street network
 * @param residents - residents (createResidents, or your own with homeZone indexing `zones`)
 * @param options - seed, days, zones, role shares, errand probability, attraction, deterrence, walkProbability, departure, duration (see {@link TRIP_DEFAULTS})
 * @returns the plans, with seed and parameters
 * @throws {InvalidInputError} naming the field on a bad option (shares or probabilities outside [0, 1], a histogram without weight, a deterrence giving no destination, a function returning an invalid value), or a homeZone outside the zones
 * @throws {UsageError} when the city has a single zone (no destination can be drawn)
 * @example
 * const plans = planTrips(city, network, residents, { seed: 1 });
 * plans.numPlans // about 2.1 per resident and day with the defaults
 * @remarks O(zones² per purpose + trips); zones² only for zones with residents.
 */
export function planTrips(city: City, network: StreetNetwork, residents: Residents, options: PlanTripsOptions): TripPlans {
  checkOptions('planTrips', options, PLAN_TRIPS_OPTION_KEYS);
  return planTripsWith(city, network, residents, options);
}

/**
 * @internal planTrips, with the destinations of the zones optionally drawn by
 * `solve` (e.g. on several threads): it must fill `task.primaryDest` and
 * `task.errandDest` exactly as `solveDestinations(task, 0, task.numZones)`
 * does (and throw its first error, in zone order). Only called when no
 * deterrence is a custom function (those cannot leave this thread). With
 * `shared`, the plans' columns are allocated on SharedArrayBuffers (for
 * worker threads to read without a copy).
 */
export function planTripsWith(
  city: City,
  network: StreetNetwork,
  residents: Residents,
  options: PlanTripsOptions,
  solve?: (task: DestinationTask) => void,
  shared = false,
): TripPlans {
  requireObject(ORIGIN, 'options', options);
  const rng = toRng(options.seed, ORIGIN);
  const days = options.days === undefined ? TRIP_DEFAULTS.days : requireInteger(ORIGIN, 'options.days', options.days, 1, 65535);
  const zones: Zones = options.zones ?? (residents as { zones?: Zones }).zones ?? buildZonesFor(city, network, {}, ORIGIN);
  const nz = zones.numZones;
  const n = residents.numResidents;
  requireInteger(ORIGIN, 'residents.numResidents', n, 0);
  for (let i = 0; i < n; i++) {
    const z = residents.homeZone[i];
    if (!(z < nz)) throw new InvalidInputError(ORIGIN, `residents.homeZone[${i}]`, `must be a zone index in [0, ${nz - 1}]`, z);
  }
  if (n > 0 && nz < 2) throw new UsageError(ORIGIN, `the zones hold ${nz} zone(s); trips need at least two (use a smaller zoneSize)`);
  const roles = checkShares(options.roleShares ?? TRIP_DEFAULTS.roleShares, 'options.roleShares', true);
  const errandP = checkShares(options.errandProbability ?? TRIP_DEFAULTS.errandProbability, 'options.errandProbability', false);
  const attraction: ArrayLike<number>[] = [];
  const det: DeterrenceSpec[] = [];
  const dep: TimeSampler[] = [];
  const dur: TimeSampler[] = [];
  for (const p of ACTIVITIES) {
    const a = options.attraction?.[p];
    attraction.push(a === undefined ? zones.population : checkAttraction(zones, a, `options.attraction.${p}`));
    det.push(deterrenceSpec(options.deterrence?.[p] ?? TRIP_DEFAULTS.deterrence[p], `options.deterrence.${p}`));
    dep.push(timeSampler(options.departure?.[p] ?? TRIP_DEFAULTS.departure[p], `options.departure.${p}`));
    dur.push(timeSampler(options.duration?.[p] ?? TRIP_DEFAULTS.duration[p], `options.duration.${p}`));
  }
  const walkFn = options.walkProbability;
  if (walkFn !== undefined && typeof walkFn !== 'function') throw new InvalidInputError(ORIGIN, 'options.walkProbability', 'must be a function (distance, purpose) => probability', walkFn);

  // A. Roles (person order) and errand days (person, day order).
  const roleRng = rng.stream('roles');
  const errRng = rng.stream('errands');
  const role = new Uint8Array(n); // 0 worker, 1 student, 2 other
  const errand = new Uint8Array(n * days);
  const pOf = [errandP.worker, errandP.student, errandP.other];
  let numPlans = 0;
  for (let i = 0; i < n; i++) {
    const u = roleRng.next();
    const r = u < roles.worker ? 0 : u < roles.worker + roles.student ? 1 : 2;
    role[i] = r;
    if (r < 2) numPlans += 2 * days;
    for (let d = 0; d < days; d++) {
      if (errRng.next() < pOf[r]) {
        errand[i * days + d] = 1;
        numPlans += 2;
      }
    }
  }
  if (numPlans > 0xffffffff) throw new InvalidInputError(ORIGIN, 'residents.numResidents', 'gives more than 2^32 − 1 trips', numPlans);

  // B. Destinations, residents grouped by home zone (zone order, then person order).
  const byZoneStart = new Uint32Array(nz + 1);
  for (let i = 0; i < n; i++) byZoneStart[residents.homeZone[i] + 1]++;
  for (let z = 0; z < nz; z++) byZoneStart[z + 1] += byZoneStart[z];
  const byZone = new Uint32Array(n);
  const fillAt = byZoneStart.slice(0, nz);
  for (let i = 0; i < n; i++) byZone[fillAt[residents.homeZone[i]]++] = i;
  // The uniform draws of the `destinations` stream, in the order the zones consume them (zone order,
  // then person, primary place before the errand days): drawn up front so that zones can be solved in any
  // order, or on other threads, with the same draws.
  const drawStart = new Uint32Array(nz + 1);
  for (let z = 0; z < nz; z++) {
    let k = 0;
    for (let j = byZoneStart[z]; j < byZoneStart[z + 1]; j++) {
      const i = byZone[j];
      if (role[i] < 2) k++;
      for (let d = 0; d < days; d++) k += errand[i * days + d];
    }
    drawStart[z + 1] = drawStart[z] + k;
  }
  const destRng = rng.stream('destinations');
  const draws = new Float64Array(drawStart[nz]);
  for (let k = 0; k < draws.length; k++) draws[k] = destRng.next();
  const task: DestinationTask = {
    numPlans, numZones: nz, days, x: zones.x, y: zones.y, node: zones.node,
    attraction: attraction.map((a) => Float64Array.from(a)), det,
    byZoneStart, byZone, role, errand, draws, drawStart,
    primaryDest: new Uint32Array(n), errandDest: new Uint32Array(n * days),
  };
  if (solve !== undefined && det.every((x) => x.kind !== 2) && n > 0) solve(task);
  else solveDestinations(task, 0, nz);
  const { primaryDest, errandDest } = task;

  // C. Modes and times, person order.
  const modeRng = rng.stream('modes');
  const timeRng = rng.stream('times');
  const person = column(Uint32Array, 4, numPlans, shared);
  const day = column(Uint16Array, 2, numPlans, shared);
  const purpose = column(Uint8Array, 1, numPlans, shared);
  const mode = column(Uint8Array, 1, numPlans, shared);
  const departure = column(Float64Array, 8, numPlans, shared);
  const originZone = column(Uint32Array, 4, numPlans, shared);
  const destZone = column(Uint32Array, 4, numPlans, shared);
  const distance = column(Float64Array, 8, numPlans, shared);
  const walkMid = TRIP_DEFAULTS.walkMidpoint;
  const walkSpread = TRIP_DEFAULTS.walkSpread;
  let t = 0;
  for (let i = 0; i < n; i++) {
    const home = residents.homeZone[i];
    for (let d = 0; d < days; d++) {
      let lastReturn = -1;
      for (let chain = 0; chain < 2; chain++) {
        let a: number;
        let dest: number;
        if (chain === 0) {
          if (role[i] === 2) continue;
          a = role[i];
          dest = primaryDest[i];
        } else {
          if (!errand[i * days + d]) continue;
          a = 2;
          dest = errandDest[i * days + d];
        }
        const dist = Math.hypot(zones.x[dest] - zones.x[home], zones.y[dest] - zones.y[home]);
        let pw: number;
        if (walkFn === undefined) pw = 1 / (1 + Math.exp((dist - walkMid) / walkSpread));
        else {
          pw = walkFn(dist, ACTIVITIES[a]);
          if (typeof pw !== 'number' || !(pw >= 0 && pw <= 1)) throw new InvalidInputError(ORIGIN, 'options.walkProbability', `must return a probability in [0, 1] (for distance ${dist.toFixed(1)} m, purpose ${ACTIVITIES[a]})`, pw);
        }
        const m = modeRng.next() < pw ? MODE_WALK : MODE_CAR;
        let out: number;
        if (lastReturn >= 0) out = lastReturn + TRIP_DEFAULTS.errandGapMin + timeRng.next() * TRIP_DEFAULTS.errandGapSpread;
        else out = drawTime(dep[a], timeRng);
        const back = out + drawTime(dur[a], timeRng);
        out = clampDay(out);
        const ret = Math.max(out, clampDay(back));
        lastReturn = ret;
        // outbound
        person[t] = i;
        day[t] = d;
        purpose[t] = a + 1;
        mode[t] = m;
        departure[t] = out;
        originZone[t] = home;
        destZone[t] = dest;
        distance[t] = dist;
        t++;
        // return
        person[t] = i;
        day[t] = d;
        purpose[t] = 0;
        mode[t] = m;
        departure[t] = ret;
        originZone[t] = dest;
        destZone[t] = home;
        distance[t] = dist;
        t++;
      }
    }
  }
  const originNode = column(Uint32Array, 4, numPlans, shared);
  const destNode = column(Uint32Array, 4, numPlans, shared);
  for (let k = 0; k < numPlans; k++) {
    originNode[k] = zones.node[originZone[k]];
    destNode[k] = zones.node[destZone[k]];
  }
  return {
    numPlans, person, day, purpose, mode, departure, originZone, destZone, originNode, destNode, distance,
    seed: rng.seed,
    params: {
      days,
      numResidents: n,
      zoneSize: zones.zoneSize,
      numZones: nz,
      roleShares: roles,
      errandProbability: errandP,
      attraction: Object.fromEntries(ACTIVITIES.map((p) => [p, options.attraction?.[p] === undefined ? 'zone population' : 'custom'])),
      deterrence: Object.fromEntries(ACTIVITIES.map((p) => [p, describe(options.deterrence?.[p] ?? TRIP_DEFAULTS.deterrence[p])])),
      walkProbability: walkFn === undefined ? `1 / (1 + exp((d − ${walkMid}) / ${walkSpread}))` : 'custom function',
      departure: Object.fromEntries(ACTIVITIES.map((p) => [p, describe(options.departure?.[p] ?? TRIP_DEFAULTS.departure[p])])),
      duration: Object.fromEntries(ACTIVITIES.map((p) => [p, describe(options.duration?.[p] ?? TRIP_DEFAULTS.duration[p])])),
    },
  };
}

/** A zeroed column of `n` elements, on a SharedArrayBuffer when `shared`. */
function column<T>(C: new (b: ArrayBufferLike | number) => T, bytesPerElement: number, n: number, shared: boolean): T {
  return shared ? new C(new SharedArrayBuffer(bytesPerElement * n)) : new C(n);
}

function clampDay(t: number): number {
  return t < 0 ? 0 : t >= DAY ? DAY - 1 : t;
}

/** The zone whose cumulative weight first exceeds `uniform · total` (uniform: a draw in [0, 1)). */
function drawZone(cum: Float64Array, total: number, uniform: number): number {
  const u = uniform * total;
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
