/**
 * Exact, per-capture history for a sample of residents: at a moment `now`,
 * which of their captures are still on file under a policy (legal holds
 * included), how many of their recent trips can be reconstructed from it,
 * and how far back each kind of data reaches.
 *
 * The retention layer sits below the exposure layer, so sightings come in
 * through the structural type {@link RetentionSightingsInput}: the exposure
 * layer's `SightingSet` fits it (its `pSeen` column weights captures), and a
 * `CameraSet` fits `options.cameras`.
 *
 * Unlike the population steady state (history.ts), sightings here carry real
 * days (0 … numDays − 1, no cycling): a capture on day d at s seconds after
 * midnight happens at t = d + s / 86,400 (s may exceed 86,400 for trips that
 * cross midnight), and its age at `now` is now − t.
 */
import { InvalidInputError } from '../core/index.js';
import { requireInteger, requireNonNegative, requireObject, checkOptions, optionKeys } from '../core/internal.js';
import { camerasInHold } from './hold-area.js';
import { readerReach } from './access-graph.js';
import { HISTORY_DEFAULTS, requireReader, type OnFileColumns } from './history.js';
import { RETENTION_MODE_CAR, RETENTION_MODE_WALK } from './person-channels.js';
import { CHANNEL_KINDS, DATA_KINDS, RETENTION_TIERS, effectiveDays, longestKept, type DataKind, type RetentionPolicy } from './policy.js';

/** Per-sighting columns reconstructHistory reads (the exposure layer's SightingSet fits). All columns have length numSightings. */
export interface RetentionSightingsInput {
  readonly numSightings: number;
  readonly person: Uint32Array;
  /** Trip id: indexes `options.tripMode` (and tripPerson / tripDay), or matches `options.trips.planId`. */
  readonly trip: Uint32Array;
  readonly camera: Uint32Array;
  /** The trip's day (real days, no cycling). */
  readonly day: Uint16Array;
  /** Seconds since midnight of the day (may exceed 86,400). */
  readonly time: Float64Array;
  /** Probability the capture identifies the person (already including pSeen). */
  readonly pIdentify: Float64Array;
  /** Probability the capture happens at all (optional; default 1): weights capture counts. */
  readonly pSeen?: Float64Array;
}

/** Per-trip rows (TripMetrics & { planId } fits): mode, person and day of each trip; `planId` (optional) is its trip id, else the row index. */
export interface RetentionTripRowsInput {
  readonly numTrips: number;
  readonly person: Uint32Array;
  readonly day: Uint16Array;
  /** 0 walk, 1 car. */
  readonly mode: Uint8Array;
  readonly planId?: Uint32Array;
}

/** Options of {@link reconstructHistory}. */
export interface ReconstructHistoryOptions {
  /** Camera positions in local metres (a CameraSet fits): captures are placed at their camera. */
  cameras: { readonly x: Float64Array; readonly y: Float64Array };
  /** Per trip id: 0 walk (face channel), 1 car (plate channel). Required unless `trips` is given. */
  tripMode?: Uint8Array;
  /**
   * Optional, per trip id (same length as tripMode, given together): every
   * trip's person and day, so that trips no camera saw count in the window.
   * Without them only trips with at least one sighting are known.
   */
  tripPerson?: Uint32Array;
  tripDay?: Uint16Array;
  /**
   * Instead of tripMode / tripPerson / tripDay: per-trip rows (the exposure
   * layer's `PopulationExposure.trips` fits; its `planId` is the sightings'
   * trip id). Every trip of a person < numPersons counts, seen or not; rows of
   * other persons are outside the sample and skipped.
   */
  trips?: RetentionTripRowsInput;
  /** The moment history is looked at, days on the timeline. */
  now: number;
  /** How long the system has run, days (bounds `'forever'`). */
  operatingDays: number;
  /** Days of trips looked back on: trips whose day d has now − lookbackDays ≤ d < now (default 30). */
  lookbackDays?: number;
  /** Persons (ids 0 … numPersons − 1) the per-person columns cover. */
  numPersons: number;
  /** Only copies (and holds) this principal can read, directly or through `via` chains (as analyseAccess counts them). */
  reader?: string;
}

/** What one legal hold keeps at `now`, in {@link ReconstructedHistory}. */
export interface HoldHistory {
  id: string;
  /** Whether the reader (when given) may read the held copies; per-hold counts below ignore the reader. */
  readable: boolean;
  /** Sightings of the sample the hold keeps on file now (in its area and window, younger than keepDays, a kind of their channel held). */
  sightings: number;
  /** Expected captures among them (Σ pSeen). */
  captures: number;
  /** Of those, expected captures the policy alone would no longer keep (any reader): what the hold adds. */
  capturesBeyondPolicy: number;
  /** Distinct persons with at least one held sighting. */
  persons: number;
}

/** Result of {@link reconstructHistory} (plain data). */
export interface ReconstructedHistory extends OnFileColumns {
  // OnFileColumns, exactly per capture: captures on video (own retention or held); identifying captures on file
  // through a kind carrying their channel; trips in [now − lookbackDays, now) by trip day; reconstructable
  // trips Σ 1 − Π(1 − pIdentify on file); P(history on file) = 1 − Π over identifiable captures on file (1 − pIdentify).
  holds: HoldHistory[];
  /**
   * Per kind, the age (days) of the oldest capture of the sample whose data
   * of that kind is on file at `now`, holds included (0 when none). Video:
   * every capture; faceTemplates and sightings: face captures; plateReads:
   * plate captures; alerts: captures with pIdentify > 0 (an alert needs an
   * identification).
   */
  reachBack: Record<DataKind, number>;
  totals: { capturesOnFile: number; identifiableOnFile: number; tripsInWindow: number; reconstructableTrips: number };
  /** Sightings at or after `now` (not yet captured): left out of everything. */
  futureSightings: number;
  params: {
    policy: string;
    now: number;
    operatingDays: number;
    lookbackDays: number;
    reader: string | null;
    /** Days on file per channel and of video for the reader, without holds. */
    keptDays: { face: number; plate: number; captures: number };
    numSightings: number;
    /** 'all' when tripPerson/tripDay or trips were given, else 'sighted' (trips with at least one sighting). */
    trips: 'all' | 'sighted';
    holdBoundary: 'inside';
  };
}

const ORIGIN = 'reconstructHistory';
/** Marks a trip id without a mode (options.trips given, no row for it). */
const NO_MODE = 255;
const NK = DATA_KINDS.length;

function kindBit(kind: DataKind): number {
  return 1 << DATA_KINDS.indexOf(kind);
}
function kindsMask(kinds: readonly DataKind[]): number {
  let m = 0;
  for (const k of kinds) m |= kindBit(k);
  return m;
}

function requireColumn(field: string, col: unknown, ctor: typeof Float64Array | typeof Uint32Array | typeof Uint16Array | typeof Uint8Array, length: number, lengthName: string): void {
  if (!(col instanceof ctor) || col.length !== length) {
    throw new InvalidInputError(ORIGIN, field, `must be a ${ctor.name} of length ${lengthName} (${length})`, col);
  }
}

/** The options reconstructHistory knows (its unknown options are refused). */
const RECONSTRUCT_HISTORY_OPTION_KEYS = optionKeys<ReconstructHistoryOptions>()({}, ['cameras', 'tripMode', 'tripPerson', 'tripDay', 'trips', 'now', 'operatingDays', 'lookbackDays', 'numPersons', 'reader']);

/**
 * Exact history at `now` for a sample of sightings. Each capture is on file
 * while some kind carrying its channel is kept at a tier the reader reads
 * (age < days), or while a legal hold keeps that kind: the camera stands in
 * the hold's ring (the boundary counts as inside), the capture time t lies in
 * [from, to), and age < keepDays (holds readable by the reader only, when a
 * reader is given). Captures at or after `now` have not happened yet and are
 * ignored. Trips belong to the window when their day d satisfies
 * now − lookbackDays ≤ d < now (trips are placed at the start of their day:
 * the exposure layer gives days, not departure times); a trip counts as
 * reconstructable with probability 1 − Π(1 − pIdentify) over its captures
 * on file.
 *
 * @param policy - a resolved policy
 * @param sightings - per-sighting columns (SightingSet fits)
 * @param options - cameras, tripMode (or trips), now, operatingDays, lookbackDays, numPersons, reader; optional tripPerson/tripDay
 * @returns a {@link ReconstructedHistory}
 * @throws {InvalidInputError} negative or non-finite now, lookbackDays or operatingDays; an unknown reader;
 *   a column of the wrong type or length; a sighting whose person ≥ numPersons, camera without a position,
 *   trip without a mode (or mode other than 0/1), pIdentify/pSeen outside [0, 1], negative or non-finite
 *   time; sightings of one trip naming different persons or days; `trips` together with tripMode, or a
 *   trip id repeated in `trips`
 * @example
 * // Sightings kept for the sample (residents 0 … sample − 1) of a population run:
 * const h = reconstructHistory(policy, exposure.sightings, {
 *   cameras, trips: exposure.trips, now: 1, operatingDays: 365, lookbackDays: 1, numPersons: exposure.params.sample,
 * });
 * h.reconstructableShare[0]; h.reachBack.video; h.holds[0].persons;
 * @remarks O(sightings · holds + trips + numPersons + cameras · holds).
 */
export function reconstructHistory(policy: RetentionPolicy, sightings: RetentionSightingsInput, options: ReconstructHistoryOptions): ReconstructedHistory {
  checkOptions('reconstructHistory', options, RECONSTRUCT_HISTORY_OPTION_KEYS);
  const pol = requireObject(ORIGIN, 'policy', policy);
  if (!Array.isArray(pol.rules) || pol.rules.length !== RETENTION_TIERS.length * NK || !Array.isArray(pol.legalHolds) || !Array.isArray(pol.principals)) {
    throw new InvalidInputError(ORIGIN, 'policy', 'must be a resolved policy (from createRetentionPolicy)', policy);
  }
  const o = requireObject(ORIGIN, 'options', options);
  const now = requireNonNegative(ORIGIN, 'options.now', o.now);
  const operatingDays = requireNonNegative(ORIGIN, 'options.operatingDays', o.operatingDays);
  const lookbackDays = o.lookbackDays === undefined ? HISTORY_DEFAULTS.lookbackDays : requireNonNegative(ORIGIN, 'options.lookbackDays', o.lookbackDays);
  const numPersons = requireInteger(ORIGIN, 'options.numPersons', o.numPersons, 0);
  const reader = requireReader(ORIGIN, policy, o.reader);
  const cams = requireObject(ORIGIN, 'options.cameras', o.cameras) as unknown as ReconstructHistoryOptions['cameras'];
  if (!(cams.x instanceof Float64Array)) throw new InvalidInputError(ORIGIN, 'options.cameras.x', 'must be a Float64Array', cams.x);
  requireColumn('options.cameras.y', cams.y, Float64Array, cams.x.length, 'cameras.x.length');
  const trips = o.trips !== undefined ? tripsFromRows(o, numPersons) : tripsFromColumns(o, numPersons);
  const s = readSightings(sightings);
  assignTripOwners(s, trips, numPersons, cams.x.length);
  const onFile = daysOnFile(policy, reader, operatingDays);
  const holds = holdState(policy, onFile.readable, cams, operatingDays, numPersons);
  const acc = accumulateSightings(s, trips, onFile, policy.legalHolds, holds, now, numPersons);
  const persons = personTotals(trips, acc, now, lookbackDays, numPersons);

  const reachBack = {} as Record<DataKind, number>;
  for (let k = 0; k < NK; k++) reachBack[DATA_KINDS[k]] = acc.reach[k];
  return {
    numPersons,
    capturesOnFile: acc.capturesOnFile,
    identifiableOnFile: acc.identifiableOnFile,
    tripsInWindow: persons.tripsInWindow,
    reconstructableTrips: persons.reconstructableTrips,
    reconstructableShare: persons.reconstructableShare,
    pHistoryOnFile: persons.pHistoryOnFile,
    numWithoutTrips: persons.numWithoutTrips,
    holds: policy.legalHolds.map((h, j) => ({
      id: h.id,
      readable: holds.readable[j] === 1,
      sightings: holds.sightings[j],
      captures: holds.captures[j],
      capturesBeyondPolicy: holds.beyond[j],
      persons: holds.persons[j],
    })),
    reachBack,
    totals: persons.totals,
    futureSightings: acc.futureSightings,
    params: {
      policy: policy.name,
      now,
      operatingDays,
      lookbackDays,
      reader: reader ?? null,
      keptDays: { face: onFile.channelDays[0], plate: onFile.channelDays[1], captures: onFile.videoDays },
      numSightings: s.numSightings,
      trips: trips.allTrips ? 'all' : 'sighted',
      holdBoundary: 'inside',
    },
  };
}

/** Per trip id: mode (NO_MODE = none), owner (−1 = unknown, taken from the sightings) and day; whether every trip is listed. */
interface TripColumns {
  tripMode: Uint8Array;
  tripOwner: Int32Array;
  tripDay: Int32Array;
  allTrips: boolean;
  /** How a valid trip id is described in the error for a sighting's trip. */
  modeField: string;
}

/** Trips from `options.trips` (trip rows, as the exposure layer gives them): every trip of the sample is listed. */
function tripsFromRows(o: Record<string, unknown>, numPersons: number): TripColumns {
  if (o.tripMode !== undefined || o.tripPerson !== undefined || o.tripDay !== undefined) {
    throw new InvalidInputError(ORIGIN, 'options.trips', 'must not be given together with tripMode, tripPerson or tripDay', 'both');
  }
  const t = requireObject(ORIGIN, 'options.trips', o.trips) as unknown as RetentionTripRowsInput;
  const nt = requireInteger(ORIGIN, 'options.trips.numTrips', t.numTrips, 0);
  requireColumn('options.trips.person', t.person, Uint32Array, nt, 'trips.numTrips');
  requireColumn('options.trips.day', t.day, Uint16Array, nt, 'trips.numTrips');
  requireColumn('options.trips.mode', t.mode, Uint8Array, nt, 'trips.numTrips');
  if (t.planId !== undefined) requireColumn('options.trips.planId', t.planId, Uint32Array, nt, 'trips.numTrips');
  let size = nt;
  if (t.planId !== undefined) {
    size = 0;
    for (let r = 0; r < nt; r++) if (t.planId[r] + 1 > size) size = t.planId[r] + 1;
    // Trip ids index dense per-trip arrays: ids far beyond the number of rows would allocate gigabytes.
    if (size > Math.max(4 * nt, 1 << 24)) {
      let r = 0;
      while (t.planId[r] + 1 !== size) r++;
      throw new InvalidInputError(ORIGIN, `options.trips.planId[${r}]`, `must be below ${Math.max(4 * nt, 1 << 24)} (trip ids index dense arrays; renumber the trips)`, t.planId[r]);
    }
  }
  const tripMode = new Uint8Array(size).fill(NO_MODE);
  const tripOwner = new Int32Array(size).fill(-1);
  const tripDay = new Int32Array(size);
  for (let r = 0; r < nt; r++) {
    const m = t.mode[r];
    if (m !== RETENTION_MODE_WALK && m !== RETENTION_MODE_CAR) throw new InvalidInputError(ORIGIN, `options.trips.mode[${r}]`, 'must be 0 (walk) or 1 (car)', m);
    if (t.person[r] >= numPersons) continue; // outside the sample
    const id = t.planId === undefined ? r : t.planId[r];
    if (tripOwner[id] !== -1) throw new InvalidInputError(ORIGIN, `options.trips.planId[${r}]`, 'must not repeat a trip id', id);
    tripMode[id] = m;
    tripOwner[id] = t.person[r];
    tripDay[id] = t.day[r];
  }
  return { tripMode, tripOwner, tripDay, allTrips: true, modeField: 'a row in options.trips' };
}

/** Trips from `options.tripMode` (and, when given, tripPerson and tripDay: then every trip is listed). */
function tripsFromColumns(o: Record<string, unknown>, numPersons: number): TripColumns {
  const tripMode = o.tripMode as Uint8Array;
  if (!(tripMode instanceof Uint8Array)) throw new InvalidInputError(ORIGIN, 'options.tripMode', 'must be a Uint8Array indexed by trip id (or give options.trips)', tripMode);
  const nt = tripMode.length;
  for (let t = 0; t < nt; t++) {
    const m = tripMode[t];
    if (m !== RETENTION_MODE_WALK && m !== RETENTION_MODE_CAR) throw new InvalidInputError(ORIGIN, `options.tripMode[${t}]`, 'must be 0 (walk) or 1 (car)', m);
  }
  const allTrips = o.tripPerson !== undefined || o.tripDay !== undefined;
  const tripOwner = new Int32Array(nt).fill(-1);
  const tripDay = new Int32Array(nt);
  if (allTrips) {
    const tp = o.tripPerson as Uint32Array | undefined;
    const td = o.tripDay as Uint16Array | undefined;
    requireColumn('options.tripPerson', tp, Uint32Array, nt, 'tripMode.length');
    requireColumn('options.tripDay', td, Uint16Array, nt, 'tripMode.length');
    for (let t = 0; t < nt; t++) {
      if ((tp as Uint32Array)[t] >= numPersons) throw new InvalidInputError(ORIGIN, `options.tripPerson[${t}]`, `must be < numPersons (${numPersons})`, (tp as Uint32Array)[t]);
      tripOwner[t] = (tp as Uint32Array)[t];
      tripDay[t] = (td as Uint16Array)[t];
    }
  }
  return { tripMode, tripOwner, tripDay, allTrips, modeField: `< tripMode.length ${nt}` };
}

/** Checks the sighting columns' types and lengths. */
function readSightings(sightings: RetentionSightingsInput): RetentionSightingsInput {
  const s = requireObject(ORIGIN, 'sightings', sightings) as unknown as RetentionSightingsInput;
  const n = requireInteger(ORIGIN, 'sightings.numSightings', s.numSightings, 0);
  requireColumn('sightings.person', s.person, Uint32Array, n, 'numSightings');
  requireColumn('sightings.trip', s.trip, Uint32Array, n, 'numSightings');
  requireColumn('sightings.camera', s.camera, Uint32Array, n, 'numSightings');
  requireColumn('sightings.day', s.day, Uint16Array, n, 'numSightings');
  requireColumn('sightings.time', s.time, Float64Array, n, 'numSightings');
  requireColumn('sightings.pIdentify', s.pIdentify, Float64Array, n, 'numSightings');
  if (s.pSeen !== undefined) requireColumn('sightings.pSeen', s.pSeen, Float64Array, n, 'numSightings');
  return s;
}

/** Checks every sighting's values; trip owners and days not given are taken from the sightings (first seen) and checked for consistency. */
function assignTripOwners(s: RetentionSightingsInput, trips: TripColumns, numPersons: number, numCameras: number): void {
  const { person, trip, camera, day, time, pIdentify, pSeen } = s;
  const { tripMode, tripOwner, tripDay, modeField } = trips;
  const numTrips = tripMode.length;
  for (let i = 0; i < s.numSightings; i++) {
    const p = person[i];
    if (p >= numPersons) throw new InvalidInputError(ORIGIN, `sightings.person[${i}]`, `must be < numPersons (${numPersons})`, p);
    if (camera[i] >= numCameras) throw new InvalidInputError(ORIGIN, `sightings.camera[${i}]`, `must be a camera with a position (< ${numCameras})`, camera[i]);
    const tr = trip[i];
    if (tr >= numTrips || tripMode[tr] === NO_MODE) throw new InvalidInputError(ORIGIN, `sightings.trip[${i}]`, `must be a trip with a mode (${modeField})`, tr);
    const pi = pIdentify[i];
    if (!(pi >= 0 && pi <= 1)) throw new InvalidInputError(ORIGIN, `sightings.pIdentify[${i}]`, 'must be a probability in [0, 1]', pi);
    if (pSeen !== undefined && !(pSeen[i] >= 0 && pSeen[i] <= 1)) throw new InvalidInputError(ORIGIN, `sightings.pSeen[${i}]`, 'must be a probability in [0, 1]', pSeen[i]);
    if (!(time[i] >= 0) || time[i] === Infinity) throw new InvalidInputError(ORIGIN, `sightings.time[${i}]`, 'must be a finite number of seconds >= 0', time[i]);
    if (tripOwner[tr] === -1) {
      tripOwner[tr] = p;
      tripDay[tr] = day[i];
    } else if (tripOwner[tr] !== p) {
      throw new InvalidInputError(ORIGIN, `sightings.person[${i}]`, `must be the person of trip ${tr} (${tripOwner[tr]})`, p);
    } else if (tripDay[tr] !== day[i]) {
      throw new InvalidInputError(ORIGIN, `sightings.day[${i}]`, `must be the day of trip ${tr} (${tripDay[tr]})`, day[i]);
    }
  }
}

/** Days on file per kind and per channel, for the reader and without reader (for what holds add). */
interface DaysOnFile {
  readable: ReturnType<typeof readerReach> | null;
  kindDays: Float64Array;
  /** Kinds carrying each channel (0 face, 1 plate), as bit masks. */
  channelMask: number[];
  channelDays: number[];
  channelDaysAll: number[];
  videoDays: number;
}

function daysOnFile(policy: RetentionPolicy, reader: string | undefined, operatingDays: number): DaysOnFile {
  const kindDays = new Float64Array(NK);
  const kindDaysAll = new Float64Array(NK);
  const readable = reader === undefined ? null : readerReach(policy, reader, operatingDays);
  for (let k = 0; k < NK; k++) {
    kindDaysAll[k] = longestKept(policy, DATA_KINDS[k], operatingDays);
    kindDays[k] = readable === null ? kindDaysAll[k] : readable.days[DATA_KINDS[k]];
  }
  const channelMask = [kindsMask(CHANNEL_KINDS.face), kindsMask(CHANNEL_KINDS.plate)];
  const channelDays = [0, 0];
  const channelDaysAll = [0, 0];
  for (let c = 0; c < 2; c++) {
    for (let k = 0; k < NK; k++) {
      if (channelMask[c] & (1 << k)) {
        channelDays[c] = Math.max(channelDays[c], kindDays[k]);
        channelDaysAll[c] = Math.max(channelDaysAll[c], kindDaysAll[k]);
      }
    }
  }
  return { readable, kindDays, channelMask, channelDays, channelDaysAll, videoDays: kindDays[DATA_KINDS.indexOf('video')] };
}

/** Per legal hold: its cameras, days kept, kinds (all, and those the reader reaches), and its counters. */
interface HoldState {
  cams: Uint8Array[];
  keep: Float64Array;
  mask: Int32Array;
  readable: Uint8Array;
  readMask: Int32Array;
  sightings: Float64Array;
  captures: Float64Array;
  beyond: Float64Array;
  personSeen: Uint8Array[];
  persons: Float64Array;
}

function holdState(policy: RetentionPolicy, readable: DaysOnFile['readable'], cams: ReconstructHistoryOptions['cameras'], operatingDays: number, numPersons: number): HoldState {
  const holds = policy.legalHolds;
  const nh = holds.length;
  const st: HoldState = {
    cams: [],
    keep: new Float64Array(nh),
    mask: new Int32Array(nh),
    readable: new Uint8Array(nh),
    readMask: new Int32Array(nh),
    sightings: new Float64Array(nh),
    captures: new Float64Array(nh),
    beyond: new Float64Array(nh),
    personSeen: [],
    persons: new Float64Array(nh),
  };
  for (let h = 0; h < nh; h++) {
    st.cams.push(camerasInHold(holds[h], cams.x, cams.y));
    st.keep[h] = effectiveDays(holds[h].keepDays, operatingDays);
    st.mask[h] = kindsMask(holds[h].kinds);
    // Kinds of this hold the reader reaches (via chains included); all of them without a reader.
    st.readMask[h] = readable === null ? st.mask[h] : kindsMask([...(readable.holdKinds.get(holds[h].id) ?? [])]);
    st.readable[h] = st.readMask[h] !== 0 ? 1 : 0;
    st.personSeen.push(new Uint8Array(numPersons));
  }
  return st;
}

/**
 * One pass over the sightings: per person, captures and identifiable
 * captures on file and the log-probability of no identification (also per
 * trip); per kind, how far back the files reach; per hold, its counters.
 * Captures at or after `now` are only counted.
 */
function accumulateSightings(
  s: RetentionSightingsInput,
  trips: TripColumns,
  onFile: DaysOnFile,
  holds: RetentionPolicy['legalHolds'],
  hs: HoldState,
  now: number,
  numPersons: number,
): { capturesOnFile: Float64Array; identifiableOnFile: Float64Array; personLogMiss: Float64Array; tripLogMiss: Float64Array; reach: Float64Array; futureSightings: number } {
  const { person, trip, camera, day, time, pIdentify, pSeen } = s;
  const tripMode = trips.tripMode;
  const { kindDays, channelMask, channelDays, channelDaysAll, videoDays } = onFile;
  const { cams: holdCams, keep: holdKeep, mask: holdMask, readMask: holdReadMask, sightings: holdSightings, captures: holdCaptures, beyond: holdBeyond, personSeen: holdPersonSeen, persons: holdPersons } = hs;
  const nh = holds.length;
  const VIDEO = 1 << DATA_KINDS.indexOf('video');
  const iAlerts = DATA_KINDS.indexOf('alerts');
  const capturesOnFile = new Float64Array(numPersons);
  const identifiableOnFile = new Float64Array(numPersons);
  const personLogMiss = new Float64Array(numPersons);
  const tripLogMiss = new Float64Array(tripMode.length);
  const reach = new Float64Array(NK);
  let futureSightings = 0;
  for (let i = 0; i < s.numSightings; i++) {
    const t = day[i] + time[i] / 86400;
    if (t >= now) {
      futureSightings++;
      continue;
    }
    const age = now - t;
    const p = person[i];
    const tr = trip[i];
    const ch = tripMode[tr] === RETENTION_MODE_WALK ? 0 : 1;
    const relevant = channelMask[ch];
    const w = pSeen === undefined ? 1 : pSeen[i];
    // Holds: which kinds are held for the reader; per-hold counts regardless of reader.
    let held = 0;
    for (let h = 0; h < nh; h++) {
      if (holdCams[h][camera[i]] === 0 || t < holds[h].from || t >= holds[h].to || !(age < holdKeep[h])) continue;
      if ((holdMask[h] & relevant) !== 0) {
        holdSightings[h]++;
        holdCaptures[h] += w;
        if (!(age < channelDaysAll[ch])) holdBeyond[h] += w;
        if (holdPersonSeen[h][p] === 0) {
          holdPersonSeen[h][p] = 1;
          holdPersons[h]++;
        }
      }
      held |= holdReadMask[h];
    }
    if (age < videoDays || (held & VIDEO) !== 0) capturesOnFile[p] += w;
    const pi = pIdentify[i];
    if (age < channelDays[ch] || (held & relevant) !== 0) {
      identifiableOnFile[p] += pi;
      const lm = Math.log1p(-pi);
      personLogMiss[p] += lm;
      tripLogMiss[tr] += lm;
    }
    // Reach back per kind.
    for (let k = 0; k < NK; k++) {
      const bit = 1 << k;
      const carries = k === iAlerts ? pi > 0 : (relevant & bit) !== 0;
      if (carries && (age < kindDays[k] || (held & bit) !== 0) && age > reach[k]) reach[k] = age;
    }
  }
  return { capturesOnFile, identifiableOnFile, personLogMiss, tripLogMiss, reach, futureSightings };
}

/** Per person: trips in the window and expected reconstructable trips, their share, the probability of a history on file; and the totals. */
function personTotals(trips: TripColumns, acc: ReturnType<typeof accumulateSightings>, now: number, lookbackDays: number, numPersons: number) {
  const { tripOwner, tripDay } = trips;
  const { capturesOnFile, identifiableOnFile, personLogMiss, tripLogMiss } = acc;
  const tripsInWindow = new Float64Array(numPersons);
  const reconstructableTrips = new Float64Array(numPersons);
  const from = now - lookbackDays;
  for (let t = 0; t < trips.tripMode.length; t++) {
    const p = tripOwner[t];
    if (p < 0) continue;
    const d = tripDay[t];
    if (d < from || d >= now) continue;
    tripsInWindow[p]++;
    reconstructableTrips[p] += -Math.expm1(tripLogMiss[t]);
  }
  const reconstructableShare = new Float64Array(numPersons);
  const pHistoryOnFile = new Float64Array(numPersons);
  let numWithoutTrips = 0;
  const totals = { capturesOnFile: 0, identifiableOnFile: 0, tripsInWindow: 0, reconstructableTrips: 0 };
  for (let p = 0; p < numPersons; p++) {
    if (tripsInWindow[p] > 0) reconstructableShare[p] = reconstructableTrips[p] / tripsInWindow[p];
    else numWithoutTrips++;
    pHistoryOnFile[p] = -Math.expm1(personLogMiss[p]) + 0;
    totals.capturesOnFile += capturesOnFile[p];
    totals.identifiableOnFile += identifiableOnFile[p];
    totals.tripsInWindow += tripsInWindow[p];
    totals.reconstructableTrips += reconstructableTrips[p];
  }
  return { tripsInWindow, reconstructableTrips, reconstructableShare, pHistoryOnFile, numWithoutTrips, totals };
}
