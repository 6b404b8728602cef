/**
 * Storage a retention policy needs on a command network, at steady state:
 * volume per tier and kind of data, replication, cost, and per node the
 * demand against its storage capacity.
 *
 * Model (documented once here):
 * - **Video** is the camera's stream (the network's bitrate model,
 *   `network.cameraMbps` from `cameraBitrates`; stored bytes per day from
 *   `streamStorageTB`). A copy kept D days at a tier holds D days of the
 *   streams of the cameras it serves.
 * - **Other kinds** come from city-wide daily event counts
 *   (`options.events`, e.g. from {@link dailyEventRates}) × a record size per
 *   kind ({@link RECORD_SIZES}): `faceTemplates` ← faceCaptures,
 *   `sightings` ← matchEvents, `plateReads` ← plateReads, `alerts` ← alerts.
 * - **Which cameras' video is copied**: by default (`recordOnlyOnSite`) only
 *   the cameras that stream live send video up the network, so a copy of
 *   video at an upper tier holds the live cameras' streams; a record-only
 *   camera keeps its video on its own recorder (tier `camera`) for the
 *   longest video retention the policy gives any tier (its video can go
 *   nowhere else), in a camera-tier row marked `cameras: 'record-only'`.
 *   The same rule as `analyseNetwork`'s storage (every node keeps its own
 *   cameras' video; a centre archives the live streams routed to it).
 *   With `recordOnlyOnSite: false`, copies carry every camera's video, live
 *   or record-only (the archive fetched even from record-only cameras).
 *   Record kinds come from the live analytics and are unaffected.
 * - **Which node holds what.** Tier `camera` is every camera's own recorder
 *   (not a network node; with `cameraTierOnNodes` it is charged to the
 *   camera's node, as `analyseNetwork` does). For a tier above the camera,
 *   each camera's data goes to the nearest node of that tier's kind
 *   (TIER_NODE_KIND) on its upstream path: fewest hops from the camera's
 *   node, ties by node index then link index (the routing rules of
 *   `routeToCentres`, with the tier's nodes as the centres; every node and
 *   link up). Video follows each camera's bitrate; face kinds are split in
 *   proportion to the face-capable cameras (CAPABILITY_FACE) below each node,
 *   plate reads to the plate-capable ones (CAPABILITY_PLATE), alerts to the
 *   cameras with either capability. A camera with no node of the tier on its
 *   upstream path has its share counted in the tier's total but on no node
 *   (`unassignedTB`, and a note).
 * - **Steady state**: a copy kept D days holds D × (bytes per day); `'forever'`
 *   and any D > `operatingDays` hold `operatingDays` days — there is no steady
 *   state then: the volume is what has piled up after that long, and it keeps
 *   growing (the row says `steadyState: false`; a note says so).
 * - **Replication**: stored = volume × replication factor of the tier; node
 *   demand includes the replicas (they are taken to sit on the node's storage).
 * - **Cost** = stored TB × price per TB-month of the tier.
 * - Legal holds are transient and left out (params say so).
 *
 * Units: TB = 10^12 bytes, days, the price's currency per TB-month.
 */
import { CAPABILITY_FACE, CAPABILITY_PLATE } from '../cameras/index.js';
import { InvalidInputError } from '../core/index.js';
import { requireObject, checkOptions, optionKeys } from '../core/internal.js';
import { NODE_KINDS, type CommandNetwork, type NetworkProvenance, createRouting, routeToCentres, streamStorageTB, type ResolvedStreamOptions } from '../network/index.js';
import { DATA_KINDS, effectiveDays, RETENTION_TIERS, TIER_NODE_KIND, type DataKind, type RetentionDays, type RetentionPolicy, type RetentionTier } from './policy.js';
import { DAILY_EVENT_FIELDS as EVENT_FIELDS, type DailyEvents } from './event-rates.js';

/** Kinds of data made of records (everything but video). */
export type RecordKind = Exclude<DataKind, 'video'>;
const RECORD_KINDS: readonly RecordKind[] = ['faceTemplates', 'sightings', 'plateReads', 'alerts'];

/** Which event count makes each record kind. */
const EVENT_OF_KIND: Readonly<Record<RecordKind, keyof DailyEvents>> = {
  faceTemplates: 'faceCaptures',
  sightings: 'matchEvents',
  plateReads: 'plateReads',
  alerts: 'alerts',
};

/**
 * Bytes stored per record, by kind.
 *
 * - `faceTemplates`: 2,048 bytes — one 512-dimension float32 embedding
 *   (512 × 4 bytes), the feature size of ArcFace-style recognisers (Deng et
 *   al., "ArcFace: Additive Angular Margin Loss for Deep Face Recognition",
 *   CVPR 2019, use 512-D embeddings). Assumption: the template alone; a face
 *   crop kept beside it is not counted.
 * - `sightings` (match events): 20,000 bytes — assumption: an event row
 *   (person, camera, time, score: under 100 bytes) plus a JPEG face crop of
 *   about 20 kB.
 * - `plateReads`: 210,000 bytes — a plate read stores a plate crop and an
 *   overview (vehicle) image with the plate number, time and place (Flock
 *   Safety, "License Plate Reader Usage and Privacy Policy": licence plate
 *   image, vehicle image, plate number and state, date, time, camera
 *   location). Sizes are an assumption: plate crop ~10 kB + 1080p overview
 *   JPEG ~200 kB.
 * - `alerts`: 50,000 bytes — assumption: the alert record with the probe face
 *   crop, the watchlist image and operator notes.
 */
export const RECORD_SIZES: Readonly<Record<RecordKind, number>> = {
  faceTemplates: 2_048,
  sightings: 20_000,
  plateReads: 210_000,
  alerts: 50_000,
};

/**
 * Replication factor per tier. ASSUMPTION: edge recorders (camera,
 * aggregation) and district hubs keep a single copy (RAID parity not
 * counted); the city operations centre and the national platform mirror
 * their archives to a second site (2 copies).
 */
export const DEFAULT_REPLICATION: Readonly<Record<RetentionTier, number>> = {
  camera: 1,
  aggregation: 1,
  district: 1,
  city: 2,
  national: 2,
};

/**
 * Default storage price, US dollars per TB-month (TB = 10^12 bytes): Google
 * Cloud Storage "Standard storage" in a single region (e.g. us-central1),
 * list price $0.000027397 per GiB-hour ≈ $0.020 per GiB-month (× 730 hours),
 * i.e. $0.02 × 10^12 / 2^30 ≈ $18.63 per TB-month (cloud.google.com/storage/pricing,
 * as transcribed 20 September 2026). A cloud list price stands in for the
 * cost of storage that an operator runs itself (assumption); set
 * `pricePerTBMonth` for your case.
 */
export const DEFAULT_PRICE_PER_TB_MONTH = (0.000027397 * 730 * 1e12) / 2 ** 30;

/** Defaults of {@link retentionStorage}. */
export const RETENTION_STORAGE_DEFAULTS = {
  /**
   * Days the system has been running, bounding `'forever'` (and any longer
   * retention). ASSUMPTION: ten years (3,650 days).
   */
  operatingDays: 3650,
  replication: DEFAULT_REPLICATION,
  pricePerTBMonth: DEFAULT_PRICE_PER_TB_MONTH,
  /** Currency of the price (label only). */
  currency: 'USD',
  recordSizes: RECORD_SIZES,
  /** The camera tier is each camera's own recorder, not a network node's storage. */
  cameraTierOnNodes: false,
  /**
   * Assumption: a camera that does not stream to the centre (record-only,
   * e.g. private building cameras) keeps its video on its own recorder;
   * the network carries only live streams upward, so only they are copied.
   */
  recordOnlyOnSite: true,
} as const;

/** The options retentionStorage knows (its unknown options are refused). */
export const RETENTION_STORAGE_OPTION_KEYS = optionKeys<RetentionStorageOptions>()(RETENTION_STORAGE_DEFAULTS, ['events']);

/** Options of {@link retentionStorage}. */
export interface RetentionStorageOptions {
  /**
   * City-wide events per day (each finite ≥ 0). Required for each kind the
   * policy keeps (faceCaptures for faceTemplates, matchEvents for sightings,
   * plateReads for plateReads, alerts for alerts); others default to 0.
   */
  events?: Partial<DailyEvents>;
  /** Days the system has run (> 0, finite): bounds `'forever'` (default 3,650). */
  operatingDays?: number;
  /** Replication factor per tier (each finite ≥ 1); missing tiers take {@link DEFAULT_REPLICATION}. */
  replication?: Partial<Record<RetentionTier, number>>;
  /** Price per TB-month (finite ≥ 0): one number, or per tier (missing tiers take the default). */
  pricePerTBMonth?: number | Partial<Record<RetentionTier, number>>;
  /** Currency label of the price (default `USD`). */
  currency?: string;
  /** Bytes per record (each finite > 0); missing kinds take {@link RECORD_SIZES}. */
  recordSizes?: Partial<Record<RecordKind, number>>;
  /** Charge the camera tier to each camera's network node (as analyseNetwork does). Default false. */
  cameraTierOnNodes?: boolean;
  /**
   * Record-only cameras keep their video on site; only live streams are
   * copied to upper tiers (default true; see the module notes). False:
   * every camera's video is copied.
   */
  recordOnlyOnSite?: boolean;
}

/** One (tier, kind) the policy has the kind at. */
export interface StorageRow {
  tier: RetentionTier;
  kind: DataKind;
  /** The policy's days for this copy. */
  policyDays: RetentionDays;
  /** Days of data on file: policyDays capped by operatingDays (`'forever'` = operatingDays). */
  days: number;
  /**
   * Video rows with `recordOnlyOnSite`: whose video the row holds — `live`
   * (the streamed cameras; at the camera tier and every upper tier) or
   * `record-only` (the camera tier's on-site copy of the other cameras,
   * kept for the policy's longest video retention). Absent on other rows.
   */
  cameras?: 'live' | 'record-only';
  /** False for `'forever'` or days > operatingDays: the volume still grows. */
  steadyState: boolean;
  /** New data arriving at this tier per day, TB (one copy). */
  dailyTB: number;
  /** Replication factor. */
  replication: number;
  /** dailyTB × days × replication, TB. */
  storedTB: number;
  /** Part of storedTB on no network node (cameras with no node of this tier upstream), TB; 0 at the camera tier. */
  unassignedTB: number;
  pricePerTBMonth: number;
  /** storedTB × pricePerTBMonth. */
  costPerMonth: number;
}

/** Totals of one tier. */
export interface StorageTierTotals {
  tier: RetentionTier;
  /** Network nodes of this tier's kind (camera tier: cameras). */
  units: number;
  storedTB: number;
  costPerMonth: number;
  unassignedTB: number;
  /** Sum of the storage capacity of this tier's nodes, TB (camera tier: 0, unknown). */
  capacityTB: number;
  /** Nodes of this tier over capacity. */
  overCapacityNodes: number;
}

/** Totals of one kind over the tiers. */
export interface StorageKindTotals {
  kind: DataKind;
  /** Data created per day, TB (one copy, before copies to other tiers). */
  dailyTB: number;
  storedTB: number;
  costPerMonth: number;
  /** Longest days on file at any tier. */
  longestDays: number;
}

/** A node over its storage capacity. */
export interface OverCapacityNode {
  node: number;
  key: string;
  /** The tier the node stands for (null when the policy lacks it: demand from the camera tier only). */
  tier: RetentionTier | null;
  demandTB: number;
  capacityTB: number;
  shortfallTB: number;
  utilisation: number;
}

/** Result of {@link retentionStorage}: plain data. */
export interface RetentionStorage {
  /** Rows for every (tier, kind) the kind is present at, tiers bottom-up, kinds in DATA_KINDS order. */
  byTierKind: StorageRow[];
  byTier: StorageTierTotals[];
  byKind: StorageKindTotals[];
  /** Per network node (node index order; every node stands for a tier above the camera). */
  perNode: {
    keys: string[];
    /** The tier each node stands for, null when the policy has no such tier. */
    tier: (RetentionTier | null)[];
    /** Stored TB per kind (with replication). */
    byKind: Record<DataKind, Float64Array>;
    /** Σ byKind, TB (with replication; plus the camera tier with cameraTierOnNodes). */
    demandTB: Float64Array;
    /** Camera-tier share charged to the node (0 unless cameraTierOnNodes). */
    cameraTierTB: Float64Array;
    capacityTB: Float64Array;
    /** demand / capacity; 0 when both are 0; Infinity when capacity is 0 and demand is not (JSON writes null). */
    utilisation: Float64Array;
    /** max(0, demand − capacity), TB. */
    shortfallTB: Float64Array;
  };
  /** Nodes with demand > capacity, largest shortfall first (ties by node index). */
  overCapacity: OverCapacityNode[];
  totals: {
    storedTB: number;
    costPerMonth: number;
    /** Data created per day over all kinds, TB (one copy). */
    dailyCreatedTB: number;
    unassignedTB: number;
    capacityTB: number;
    shortfallTB: number;
    overCapacityNodes: number;
    /** False when any row is not at steady state. */
    steadyState: boolean;
  };
  /** Plain-language remarks: no steady state, unassigned data, what is left out. */
  notes: string[];
  params: {
    policy: string;
    operatingDays: number;
    events: DailyEvents;
    recordSizes: Record<RecordKind, number>;
    replication: Record<RetentionTier, number>;
    pricePerTBMonth: Record<RetentionTier, number>;
    currency: string;
    cameraTierOnNodes: boolean;
    recordOnlyOnSite: boolean;
    stream: ResolvedStreamOptions;
    numCameras: number;
    numNodes: number;
    network: NetworkProvenance;
    legalHolds: string;
    model: string;
  };
}

const ORIGIN = 'retentionStorage';

function finite(origin: string, field: string, v: unknown, min: number, strict: boolean): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || (strict ? v <= min : v < min)) {
    throw new InvalidInputError(origin, field, `must be a finite number ${strict ? '>' : '>='} ${min}`, v);
  }
  return v;
}

function perKey<K extends string>(field: string, v: unknown, keys: readonly K[], defaults: Readonly<Record<K, number>>, min: number, strict: boolean): Record<K, number> {
  const out = { ...defaults } as Record<K, number>;
  if (v === undefined) return out;
  const o = requireObject(ORIGIN, field, v);
  for (const k of Object.keys(o)) {
    if (!(keys as readonly string[]).includes(k)) throw new InvalidInputError(ORIGIN, `${field}.${k}`, `is not a known key (${keys.join(', ')})`, o[k]);
    if (o[k] !== undefined) out[k as K] = finite(ORIGIN, `${field}.${k}`, o[k], min, strict);
  }
  return out;
}

function keeps(days: RetentionDays): boolean {
  return days === 'forever' || days > 0;
}

/**
 * Storage a retention policy needs on a command network at steady state.
 *
 * @param policy - a resolved policy (createRetentionPolicy / retentionPreset)
 * @param network - the command network (its cameras, bitrates, nodes and storage capacities)
 * @param options - events per day (required for the kinds the policy keeps besides video),
 *   operatingDays (default 3,650), replication per tier, pricePerTBMonth (number or per tier),
 *   currency, recordSizes, cameraTierOnNodes — see {@link RETENTION_STORAGE_DEFAULTS}
 * @returns plain data: rows per (tier, kind), totals per tier and kind, per-node demand and
 *   utilisation, nodes over capacity, notes and params (see {@link RetentionStorage})
 * @throws {InvalidInputError} naming the item: a policy or network that is not one; a tier the policy
 *   keeps data at but the network has no node for ("policy 'x' keeps video at national, but the
 *   network has no national node"); a missing event count for a kind the policy keeps; a bad option
 *   (non-finite or negative numbers, replication < 1, record size ≤ 0, unknown keys)
 * @example
 * const s = retentionStorage(retentionPreset('kazakhstan-90d'), network);
 * s.byTier.find((t) => t.tier === 'city')!.storedTB; s.overCapacity[0]?.key; s.totals.costPerMonth
 * @remarks O(cameras + tiers · (nodes + links)); cameras are visited once (capabilities per node).
 */
export function retentionStorage(policy: RetentionPolicy, network: CommandNetwork, options?: RetentionStorageOptions): RetentionStorage {
  checkOptions('retentionStorage', options, RETENTION_STORAGE_OPTION_KEYS);
  if (typeof policy !== 'object' || policy === null || !Array.isArray(policy.rules) || policy.rules.length !== RETENTION_TIERS.length * DATA_KINDS.length || !Array.isArray(policy.tiers)) {
    throw new InvalidInputError(ORIGIN, 'policy', 'must be a RetentionPolicy (createRetentionPolicy / retentionPreset)', policy);
  }
  if (typeof network !== 'object' || network === null || !(network.upStart instanceof Uint32Array) || !(network.cameraMbps instanceof Float64Array)) {
    throw new InvalidInputError(ORIGIN, 'network', 'must be a CommandNetwork (createCommandNetwork / buildHierarchicalNetwork)', network);
  }
  const opts = resolveStorageOptions(options);
  checkKeptDataHasSource(policy, network, opts.eventsIn);
  const N = network.numNodes;
  const volumes = dailyVolumes(network, opts.events, opts.recordSizes);
  const nodeTier = nodeTiers(policy, network);
  const placement = placeTiers(policy, network, opts, volumes);
  const nodes = nodeDemand(network, placement.perKind, placement.cameraTierTB, nodeTier);
  const { rows, notes } = placement;
  const { capacityTB, shortfallTB } = nodes;

  // Totals.
  const byTier = tierTotals(policy, network, rows, nodeTier, capacityTB, shortfallTB);
  const byKind: StorageKindTotals[] = DATA_KINDS.map((kind, k) => {
    const kr = rows.filter((r) => r.kind === kind);
    return {
      kind,
      dailyTB: volumes.dailyTB[k],
      storedTB: kr.reduce((s, r) => s + r.storedTB, 0),
      costPerMonth: kr.reduce((s, r) => s + r.costPerMonth, 0),
      longestDays: kr.reduce((m, r) => (r.days > m ? r.days : m), 0),
    };
  });
  let capacityTotal = 0;
  let shortfallTotal = 0;
  for (let v = 0; v < N; v++) {
    capacityTotal += capacityTB[v];
    shortfallTotal += shortfallTB[v];
  }
  if (opts.cameraTierOnNodes) notes.push('The camera tier is charged to each camera\'s network node (cameraTierOnNodes).');
  notes.push('Legal holds are left out (transient): steady-state volumes of the rules only.');

  return {
    byTierKind: rows,
    byTier,
    byKind,
    perNode: {
      keys: [...network.nodeKeys],
      tier: nodeTier,
      byKind: placement.perKind,
      demandTB: nodes.demandTB,
      cameraTierTB: placement.cameraTierTB,
      capacityTB,
      utilisation: nodes.utilisation,
      shortfallTB,
    },
    overCapacity: nodes.overCapacity,
    totals: {
      storedTB: rows.reduce((s, r) => s + r.storedTB, 0),
      costPerMonth: rows.reduce((s, r) => s + r.costPerMonth, 0),
      dailyCreatedTB: byKind.reduce((s, r) => s + r.dailyTB, 0),
      unassignedTB: rows.reduce((s, r) => s + r.unassignedTB, 0),
      capacityTB: capacityTotal,
      shortfallTB: shortfallTotal,
      overCapacityNodes: nodes.overCapacity.length,
      steadyState: rows.every((r) => r.steadyState || r.storedTB === 0),
    },
    notes,
    params: {
      policy: policy.name,
      operatingDays: opts.operatingDays,
      events: opts.events,
      recordSizes: opts.recordSizes,
      replication: opts.replication,
      pricePerTBMonth: opts.price,
      currency: opts.currency,
      cameraTierOnNodes: opts.cameraTierOnNodes,
      recordOnlyOnSite: opts.recordOnlyOnSite,
      stream: network.stream,
      numCameras: network.numCameras,
      numNodes: N,
      network: network.provenance,
      legalHolds: 'not included: holds are transient; steady-state figures cover the rules only',
      model: `video = camera bitrate (network.cameraMbps) × days; other kinds = events per day × record size × days; ${opts.recordOnlyOnSite ? 'only live cameras\' video is copied up, record-only cameras keep theirs on site for the longest video retention' : 'copies carry every camera\'s data'}; each camera\'s data at a tier goes to the nearest node of that tier upstream`,
    },
  };
}

/** The options of {@link retentionStorage}, validated, with {@link RETENTION_STORAGE_DEFAULTS} applied. */
interface ResolvedStorageOptions {
  operatingDays: number;
  replication: Record<RetentionTier, number>;
  price: Record<RetentionTier, number>;
  currency: string;
  recordSizes: Record<RecordKind, number>;
  cameraTierOnNodes: boolean;
  recordOnlyOnSite: boolean;
  /** The event counts as given (to tell a missing count from 0). */
  eventsIn: Record<string, unknown>;
  /** Event counts per day, 0 where not given. */
  events: DailyEvents;
}

function resolveStorageOptions(options: RetentionStorageOptions | undefined): ResolvedStorageOptions {
  const o = options === undefined ? {} : (requireObject(ORIGIN, 'options', options) as RetentionStorageOptions);
  const D = RETENTION_STORAGE_DEFAULTS;
  const operatingDays = o.operatingDays === undefined ? D.operatingDays : finite(ORIGIN, 'options.operatingDays', o.operatingDays, 0, true);
  const replication = perKey('options.replication', o.replication, RETENTION_TIERS, D.replication, 1, false);
  let price: Record<RetentionTier, number>;
  if (typeof o.pricePerTBMonth === 'number' || (o.pricePerTBMonth !== undefined && (typeof o.pricePerTBMonth !== 'object' || o.pricePerTBMonth === null))) {
    const p = finite(ORIGIN, 'options.pricePerTBMonth', o.pricePerTBMonth, 0, false);
    price = { camera: p, aggregation: p, district: p, city: p, national: p };
  } else {
    const d = D.pricePerTBMonth;
    price = perKey('options.pricePerTBMonth', o.pricePerTBMonth, RETENTION_TIERS, { camera: d, aggregation: d, district: d, city: d, national: d }, 0, false);
  }
  const currency = o.currency ?? D.currency;
  if (typeof currency !== 'string' || currency.length === 0) throw new InvalidInputError(ORIGIN, 'options.currency', 'must be a non-empty string', currency);
  const recordSizes = perKey('options.recordSizes', o.recordSizes, RECORD_KINDS, D.recordSizes, 0, true);
  const cameraTierOnNodes = o.cameraTierOnNodes ?? D.cameraTierOnNodes;
  if (typeof cameraTierOnNodes !== 'boolean') throw new InvalidInputError(ORIGIN, 'options.cameraTierOnNodes', 'must be a boolean', cameraTierOnNodes);
  const eventsIn = o.events === undefined ? {} : requireObject(ORIGIN, 'options.events', o.events);
  for (const k of Object.keys(eventsIn)) {
    if (!(EVENT_FIELDS as readonly string[]).includes(k)) throw new InvalidInputError(ORIGIN, `options.events.${k}`, `is not an event count (${EVENT_FIELDS.join(', ')})`, eventsIn[k]);
  }
  const events: DailyEvents = { faceCaptures: 0, matchEvents: 0, plateReads: 0, alerts: 0 };
  for (const f of EVENT_FIELDS) if (eventsIn[f] !== undefined) events[f] = finite(ORIGIN, `options.events.${f}`, eventsIn[f], 0, false);
  const recordOnlyOnSite = o.recordOnlyOnSite ?? D.recordOnlyOnSite;
  if (typeof recordOnlyOnSite !== 'boolean') throw new InvalidInputError(ORIGIN, 'options.recordOnlyOnSite', 'must be a boolean', recordOnlyOnSite);
  return { operatingDays, replication, price, currency, recordSizes, cameraTierOnNodes, recordOnlyOnSite, eventsIn, events };
}

/** Every kept record kind needs its event count; every kept upper tier needs a node. Throws naming the rule otherwise. */
function checkKeptDataHasSource(policy: RetentionPolicy, network: CommandNetwork, eventsIn: Record<string, unknown>): void {
  const nk = DATA_KINDS.length;
  const N = network.numNodes;
  const nodesOfKind = new Uint32Array(NODE_KINDS.length);
  for (let v = 0; v < N; v++) nodesOfKind[network.nodeKind[v]]++;
  for (let t = 0; t < RETENTION_TIERS.length; t++) {
    const tier = RETENTION_TIERS[t];
    for (let k = 0; k < nk; k++) {
      const r = policy.rules[t * nk + k];
      if (!r.tierExists || !r.present || !keeps(r.days)) continue;
      const kind = DATA_KINDS[k];
      if (tier !== 'camera') {
        const nodeKind = TIER_NODE_KIND[tier];
        if (nodesOfKind[NODE_KINDS.indexOf(nodeKind)] === 0) {
          throw new InvalidInputError(ORIGIN, `policy.rules.${tier}.${kind}`, `(policy '${policy.name}') keeps ${kind} at ${tier}, but the network has no ${nodeKind} node`, r.days);
        }
      }
      if (kind !== 'video') {
        const f = EVENT_OF_KIND[kind];
        if (eventsIn[f] === undefined) {
          throw new InvalidInputError(ORIGIN, `options.events.${f}`, `must be given: policy '${policy.name}' keeps ${kind} at ${tier} (events per day city-wide, e.g. from dailyEventRates)`, undefined);
        }
      }
    }
  }
}

/** Data created per day by kind (one copy), and how each kind splits over the nodes: a weight column per kind and its total. */
interface DailyVolumes {
  dailyTB: Float64Array;
  /** Video of the live cameras per day, TB, and its split over the nodes (network.nodeLiveMbps). */
  liveVideoTB: number;
  liveWeight: Float64Array;
  liveWeightTotal: number;
  weight: Float64Array[];
  weightTotal: number[];
}

/** Per-node camera aggregates (bitrate from network.nodeAllMbps, capability counts) and the daily volume of each kind. */
function dailyVolumes(network: CommandNetwork, events: DailyEvents, recordSizes: Record<RecordKind, number>): DailyVolumes {
  const N = network.numNodes;
  const C = network.numCameras;
  const nk = DATA_KINDS.length;
  const faceCams = new Float64Array(N);
  const plateCams = new Float64Array(N);
  const eitherCams = new Float64Array(N);
  const caps = network.cameras.capabilities;
  const camNode = network.cameraNode;
  // Branch-free counts (capabilities are mixed at random over the cameras).
  const faceShift = Math.log2(CAPABILITY_FACE);
  const plateShift = Math.log2(CAPABILITY_PLATE);
  for (let c = 0; c < C; c++) {
    const cap = caps[c];
    const v = camNode[c];
    const f = (cap >> faceShift) & 1;
    const p = (cap >> plateShift) & 1;
    faceCams[v] += f;
    plateCams[v] += p;
    eitherCams[v] += f | p;
  }
  const allMbps = network.nodeAllMbps;
  let totalMbps = 0;
  let totalFace = 0;
  let totalPlate = 0;
  let totalEither = 0;
  for (let v = 0; v < N; v++) {
    totalMbps += allMbps[v];
    totalFace += faceCams[v];
    totalPlate += plateCams[v];
    totalEither += eitherCams[v];
  }
  const tbPerMbpsDay = streamStorageTB(1, 1);
  const dailyTB = new Float64Array(nk);
  dailyTB[0] = totalMbps * tbPerMbpsDay;
  for (let k = 1; k < nk; k++) {
    const kind = DATA_KINDS[k] as RecordKind;
    dailyTB[k] = (events[EVENT_OF_KIND[kind]] * recordSizes[kind]) / 1e12;
  }
  let liveMbps = 0;
  for (let v = 0; v < N; v++) liveMbps += network.nodeLiveMbps[v];
  return {
    dailyTB,
    liveVideoTB: liveMbps * tbPerMbpsDay,
    liveWeight: network.nodeLiveMbps,
    liveWeightTotal: liveMbps,
    weight: [allMbps, faceCams, faceCams, plateCams, eitherCams],
    weightTotal: [totalMbps, totalFace, totalFace, totalPlate, totalEither],
  };
}

/** The tier of the policy each node serves (null for a node of no kept tier). */
function nodeTiers(policy: RetentionPolicy, network: CommandNetwork): (RetentionTier | null)[] {
  const N = network.numNodes;
  const nodeTier: (RetentionTier | null)[] = new Array(N).fill(null);
  for (let v = 0; v < N; v++) {
    const kindName = NODE_KINDS[network.nodeKind[v]];
    for (const tier of policy.tiers) if (tier !== 'camera' && TIER_NODE_KIND[tier] === kindName) nodeTier[v] = tier;
  }
  return nodeTier;
}

/**
 * Places each tier's data: the camera tier on the cameras' nodes (with
 * cameraTierOnNodes), an upper tier on the nearest node of that tier
 * upstream of each camera. Returns the rows per (tier, kind) with their
 * notes, and the volume per node and kind.
 */
function placeTiers(
  policy: RetentionPolicy,
  network: CommandNetwork,
  opts: ResolvedStorageOptions,
  volumes: DailyVolumes,
): { rows: StorageRow[]; notes: string[]; perKind: Record<DataKind, Float64Array>; cameraTierTB: Float64Array } {
  const { operatingDays, replication, cameraTierOnNodes, recordOnlyOnSite } = opts;
  const { dailyTB, weight, weightTotal } = volumes;
  const nk = DATA_KINDS.length;
  const N = network.numNodes;
  const rule = (t: number, k: number) => policy.rules[t * nk + k];
  const perKind = {} as Record<DataKind, Float64Array>;
  for (const kind of DATA_KINDS) perKind[kind] = new Float64Array(N);
  const cameraTierTB = new Float64Array(N);
  const rows: StorageRow[] = [];
  const notes: string[] = [];
  const routing = createRouting(network);
  const flags = new Uint8Array(N);
  const assigned = new Float64Array(nk);
  // With recordOnlyOnSite, upper tiers get the live cameras' video only, and the record-only
  // cameras keep theirs at the camera tier for the longest video retention of any tier.
  const liveVideo = recordOnlyOnSite ? volumes.liveVideoTB : dailyTB[0];
  const liveWeight = recordOnlyOnSite ? volumes.liveWeight : weight[0];
  const liveTotal = recordOnlyOnSite ? volumes.liveWeightTotal : weightTotal[0];
  const recordOnlyMbps = weightTotal[0] - volumes.liveWeightTotal;
  const recordOnlyVideo = recordOnlyOnSite && recordOnlyMbps > 0 ? recordOnlyMbps * streamStorageTB(1, 1) : 0;
  let longestVideo = 0;
  let videoSteady = true;
  for (let t = 0; t < RETENTION_TIERS.length; t++) {
    const r = rule(t, 0);
    if (!policy.tiers.includes(RETENTION_TIERS[t]) || !r.present) continue;
    longestVideo = Math.max(longestVideo, effectiveDays(r.days, operatingDays));
    if (keeps(r.days) && !(r.days !== 'forever' && r.days <= operatingDays)) videoSteady = false;
  }
  const tierDaily = new Float64Array(nk);
  for (let t = 0; t < RETENTION_TIERS.length; t++) {
    const tier = RETENTION_TIERS[t];
    if (!policy.tiers.includes(tier)) continue;
    tierDaily.set(dailyTB);
    tierDaily[0] = liveVideo;
    // Rows present at this tier, their effective days.
    let anyStored = false;
    const days = new Float64Array(nk);
    for (let k = 0; k < nk; k++) {
      const r = rule(t, k);
      if (!r.present) continue;
      days[k] = effectiveDays(r.days, operatingDays);
      if (days[k] > 0 && tierDaily[k] > 0) anyStored = true;
    }
    assigned.fill(0);
    if (tier === 'camera') {
      if (cameraTierOnNodes && (anyStored || (recordOnlyVideo > 0 && longestVideo > 0))) {
        const recordOnlyWeight = network.nodeAllMbps;
        for (let v = 0; v < N; v++) {
          let sum = 0;
          for (let k = 0; k < nk; k++) {
            if (days[k] === 0) continue;
            const w = k === 0 ? liveWeight : weight[k];
            const total = k === 0 ? liveTotal : weightTotal[k];
            if (total === 0) continue;
            sum += (tierDaily[k] * w[v]) / total * days[k] * replication.camera;
          }
          if (recordOnlyVideo > 0 && longestVideo > 0) {
            const rec = recordOnlyWeight[v] - network.nodeLiveMbps[v];
            sum += (recordOnlyVideo * rec) / recordOnlyMbps * longestVideo * replication.camera;
          }
          cameraTierTB[v] = sum;
        }
      }
      for (let k = 0; k < nk; k++) assigned[k] = tierDaily[k];
    } else if (anyStored) {
      const nodeKindIdx = NODE_KINDS.indexOf(TIER_NODE_KIND[tier]);
      for (let v = 0; v < N; v++) flags[v] = network.nodeKind[v] === nodeKindIdx ? 1 : 0;
      routeToCentres(network, flags, null, null, routing);
      const centre = routing.centre;
      const rep = replication[tier];
      for (let k = 0; k < nk; k++) {
        const w = k === 0 ? liveWeight : weight[k];
        const total = k === 0 ? liveTotal : weightTotal[k];
        if (days[k] === 0 || tierDaily[k] === 0 || total === 0) continue;
        const out = perKind[DATA_KINDS[k]];
        const scale = (tierDaily[k] / total) * days[k] * rep;
        let got = 0;
        for (let v = 0; v < N; v++) {
          const u = centre[v];
          if (u < 0 || w[v] === 0) continue;
          out[u] += w[v] * scale;
          got += w[v];
        }
        assigned[k] = (tierDaily[k] * got) / total;
      }
    }
    tierRows(policy, t, days, tierDaily, assigned, opts, volumes, rows, notes, recordOnlyOnSite ? 'live' : undefined);
    if (tier === 'camera' && recordOnlyVideo > 0) {
      // The record-only cameras' on-site video: one row, kept as long as the longest video copy.
      const storedTB = recordOnlyVideo * longestVideo * replication.camera;
      rows.push({
        tier,
        kind: 'video',
        policyDays: videoSteady ? longestVideo : 'forever',
        days: longestVideo,
        cameras: 'record-only',
        steadyState: videoSteady,
        dailyTB: recordOnlyVideo,
        replication: replication.camera,
        storedTB,
        unassignedTB: 0,
        pricePerTBMonth: opts.price.camera,
        costPerMonth: storedTB * opts.price.camera,
      });
      if (!videoSteady && storedTB > 0) {
        notes.push(`video of the record-only cameras, kept on site as long as the longest video copy, has no steady state: the volume is what has piled up after ${operatingDays} days and keeps growing.`);
      }
    }
  }
  if (recordOnlyOnSite && !policy.tiers.includes('camera') && recordOnlyVideo > 0 && longestVideo > 0) {
    notes.push(`Record-only cameras keep their video on site for ${longestVideo} days, but the policy has no camera tier: that video (${(recordOnlyVideo * longestVideo).toPrecision(4)} TB) is not counted.`);
  }
  return { rows, notes, perKind, cameraTierTB };
}

/** Appends the rows of tier t (one per kind present) and their notes: no steady state, volume on no node. */
function tierRows(
  policy: RetentionPolicy,
  t: number,
  days: Float64Array,
  dailyTB: Float64Array,
  assigned: Float64Array,
  opts: ResolvedStorageOptions,
  volumes: DailyVolumes,
  rows: StorageRow[],
  notes: string[],
  videoCameras: 'live' | undefined,
): void {
  const { operatingDays, replication, price } = opts;
  const { weightTotal } = volumes;
  const nk = DATA_KINDS.length;
  const tier = RETENTION_TIERS[t];
  for (let k = 0; k < nk; k++) {
    const r = policy.rules[t * nk + k];
    if (!r.present) continue;
    const kind = DATA_KINDS[k];
    const d = days[k];
    const storedTB = dailyTB[k] * d * replication[tier];
    const unplaced = tier === 'camera' || d === 0 || dailyTB[k] === 0 ? 0 : Math.max(0, dailyTB[k] - assigned[k]) * d * replication[tier];
    const steadyState = r.days !== 'forever' && r.days <= operatingDays;
    rows.push({
      tier,
      kind,
      policyDays: r.days,
      days: d,
      ...(kind === 'video' && videoCameras !== undefined ? { cameras: videoCameras } : {}),
      steadyState,
      dailyTB: dailyTB[k],
      replication: replication[tier],
      storedTB,
      unassignedTB: unplaced,
      pricePerTBMonth: price[tier],
      costPerMonth: storedTB * price[tier],
    });
    if (!steadyState && storedTB > 0) {
      notes.push(`${kind} at ${tier} is kept ${r.days === 'forever' ? 'forever' : `${r.days} days`}, longer than operatingDays (${operatingDays}): no steady state; the volume is what has piled up after ${operatingDays} days and keeps growing.`);
    }
    if (unplaced > 0) {
      notes.push(`${kind} at ${tier}: ${unplaced.toPrecision(4)} TB belong to cameras with no ${TIER_NODE_KIND[tier as Exclude<RetentionTier, 'camera'>]} node on their upstream path; counted in the tier's total, on no node.`);
    }
    if (kind !== 'video' && d > 0 && dailyTB[k] > 0 && tier !== 'camera' && weightTotal[k] === 0) {
      notes.push(`${kind} at ${tier}: no camera has the capability that makes it; its volume is on no node.`);
    }
  }
}

/** Per node: demand, capacity, utilisation and shortfall, and the nodes over capacity (largest shortfall first). */
function nodeDemand(
  network: CommandNetwork,
  perKind: Record<DataKind, Float64Array>,
  cameraTierTB: Float64Array,
  nodeTier: (RetentionTier | null)[],
): { demandTB: Float64Array; capacityTB: Float64Array; utilisation: Float64Array; shortfallTB: Float64Array; overCapacity: OverCapacityNode[] } {
  const N = network.numNodes;
  const demandTB = new Float64Array(N);
  const capacityTB = Float64Array.from(network.nodeStorageTB);
  const utilisation = new Float64Array(N);
  const shortfallTB = new Float64Array(N);
  const over: number[] = [];
  for (let v = 0; v < N; v++) {
    let d = cameraTierTB[v];
    for (const kind of DATA_KINDS) d += perKind[kind][v];
    demandTB[v] = d;
    const cap = capacityTB[v];
    utilisation[v] = cap > 0 ? d / cap : d > 0 ? Infinity : 0;
    const s = d > cap ? d - cap : 0;
    shortfallTB[v] = s;
    if (s > 0) over.push(v);
  }
  over.sort((a, b) => shortfallTB[b] - shortfallTB[a] || a - b);
  const overCapacity: OverCapacityNode[] = over.map((v) => ({
    node: v,
    key: network.nodeKeys[v],
    tier: nodeTier[v],
    demandTB: demandTB[v],
    capacityTB: capacityTB[v],
    shortfallTB: shortfallTB[v],
    utilisation: utilisation[v],
  }));
  return { demandTB, capacityTB, utilisation, shortfallTB, overCapacity };
}

/** Totals per tier the policy keeps: units, stored volume, cost, unassigned volume, capacity and nodes over capacity. */
function tierTotals(
  policy: RetentionPolicy,
  network: CommandNetwork,
  rows: readonly StorageRow[],
  nodeTier: (RetentionTier | null)[],
  capacityTB: Float64Array,
  shortfallTB: Float64Array,
): StorageTierTotals[] {
  const N = network.numNodes;
  return policy.tiers.map((tier) => {
    const tr = rows.filter((r) => r.tier === tier);
    let capacity = 0;
    let overN = 0;
    let units = 0;
    if (tier === 'camera') units = network.numCameras;
    else {
      for (let v = 0; v < N; v++) {
        if (nodeTier[v] !== tier) continue;
        units++;
        capacity += capacityTB[v];
        if (shortfallTB[v] > 0) overN++;
      }
    }
    return {
      tier,
      units,
      storedTB: tr.reduce((s, r) => s + r.storedTB, 0),
      costPerMonth: tr.reduce((s, r) => s + r.costPerMonth, 0),
      unassignedTB: tr.reduce((s, r) => s + r.unassignedTB, 0),
      capacityTB: capacity,
      overCapacityNodes: overN,
    };
  });
}
