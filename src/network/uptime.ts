/**
 * Uptime over days: outages as a process in time rather than one snapshot.
 *
 * Every component — each camera, each node, each link, and the power supply
 * of each district — is an alternating renewal process: it stays up for an
 * exponential time of mean MTBF (failure rate λ = 1/MTBF), then down for an
 * exponential time of mean MTTR (repair rate μ = 1/MTTR), then up again, and
 * so on, independently of the others. Its long-run availability is
 * A = MTBF / (MTBF + MTTR) = μ / (λ + μ) (the renewal–reward theorem), and
 * the mean length of an outage is MTTR = 1/μ; the simulation reports both
 * beside the simulated values so that a reader can check one against the
 * other.
 *
 * Each process starts in its steady state (up with probability A; the time
 * left in the first period is exponential with the same mean, by the memoryless
 * property), so day 1 is a typical day, not a day after a fresh repair of
 * everything. An outage already under way at time 0 counts towards coverage
 * but not towards the outage-duration statistics (its start is unknown); an
 * outage that starts within the horizon is counted with its full length, even
 * if it ends after the horizon (so the durations are not biased short).
 *
 * Nodes and links take their availability A from the network (the `availability`
 * attribute every analysis uses) and their MTTR from the options; their MTBF is
 * then MTTR·A/(1 − A). A component with A = 1 never fails; with A = 0 it is down
 * throughout (and has no outages with a start to count).
 *
 * What an outage does follows the fault model of `faults-scenario.ts`:
 * a camera down sees nothing; a district's power cut takes down the district's
 * nodes and darkens their cameras; a node or link down breaks live paths but
 * the cameras keep recording (area unaffected).
 *
 * Per district and day, "watching share" w(t) is the share of the district's
 * cameras (those attached to a node with that `districtId`) that see at time t:
 * 0 while the district's power is cut, else 1 − (cameras down)/(cameras). The
 * district is **fully covered on a day** when w(t) ≥ 1 − tolerance at every
 * moment of that day (default tolerance 0.01: at most 1% of its cameras down at
 * any moment, and no power cut). This counts cameras, not area: a camera whose
 * view overlaps others' counts as much as one that alone sees its street (an
 * area-weighted version would need one coverage union per state change).
 *
 * The network-wide live share (live cameras served by a working centre, as
 * `analyseNetwork`'s `live.liveShare`) is evaluated after every change of a
 * node, link or power state and averaged per day (time-weighted), with its
 * minimum per day. The cameras' own outages are not applied to the live share
 * (they are in the watching share); power cuts are, through the nodes they take
 * down.
 */
import { InvalidInputError, type Rng, type Seed } from '../core/index.js';
import { toRng, checkOptions, optionKeys } from '../core/internal.js';
import { LINK_KINDS, NODE_KINDS, type CommandNetwork, type LinkKind, type NetworkProvenance, type NodeKind } from './command-network.js';
import { checkNetwork, createFaultEvaluator, evaluateWith, networkDistricts, nodeDistrictIndex, resetAdjusted, resolveLiveOptions, type FaultLiveOptions } from './faults-scenario.js';

/** Options of {@link simulateUptime}. */
export interface UptimeOptions extends FaultLiveOptions {
  /** Days simulated (integer in [1, 36,500]; default 365). */
  days?: number;
  /** Seed (or stream) of the simulation (default 1). */
  seed?: Seed | Rng;
  /** Mean time between failures of a camera, hours (> 0; default 26,280 h = 3 years). */
  cameraMtbfHours?: number;
  /** Mean time to repair a camera, hours (> 0; default 72 h). */
  cameraRepairHours?: number;
  /** Mean time to repair a node, hours: one number or per node kind (> 0; defaults in UPTIME_DEFAULTS). */
  nodeRepairHours?: number | Partial<Record<NodeKind, number>>;
  /** Mean time to repair a link, hours: one number or per link kind (> 0; defaults in UPTIME_DEFAULTS). */
  linkRepairHours?: number | Partial<Record<LinkKind, number>>;
  /** Power cuts per district per year (≥ 0; 0 turns power cuts off; default 2). */
  powerFailuresPerYear?: number;
  /** Mean length of a district power cut, hours (> 0; default 3 h). */
  powerRepairHours?: number;
  /** A district-day is fully covered when at least 1 − tolerance of its cameras watch at every moment ([0, 1); default 0.01). */
  tolerance?: number;
}

/**
 * Defaults of {@link simulateUptime}. Every rate here is an ASSUMPTION (no
 * sourced failure or repair figures for Almaty's cameras, nodes, links or grid
 * were found); the scenario layer lists each with its plausible range in the
 * assumptions table (ASSUMPTION_REGISTRY: cameraMtbfHours, cameraRepairHours,
 * powerFailuresPerYear, powerRepairHours, nodeRepairHours, linkRepairHours).
 */
export const UPTIME_DEFAULTS = {
  /** A year of days. */
  days: 365,
  /** A fixed seed, so a call without one gives the same days every time. */
  seed: 1 as Seed,
  /**
   * Assumption: a street camera fails in the field about once in 3 years
   * (power supply, cabling, water, vandalism, not only the electronics whose
   * laboratory MTBF vendors quote); range 1–10 years (8,760–87,600 h).
   */
  cameraMtbfHours: 26_280,
  /** Assumption: 3 days from failure to a working camera (detect, dispatch a crew, replace); range 8 h – 2 weeks. */
  cameraRepairHours: 72,
  /**
   * Assumption: repair of a node by kind — an aggregation cabinet a day (a crew
   * on site), a district hub 8 h, the city centre and national platform 4 h
   * (staffed, redundant parts); range a quarter to four times each.
   */
  nodeRepairHours: { aggregation: 24, 'district-hub': 8, 'city-centre': 4, national: 4 } as Readonly<Record<NodeKind, number>>,
  /** Assumption: a fibre cut mended in 12 h, an LTE uplink back in 2 h, a radio link in 6 h; range a quarter to four times each. */
  linkRepairHours: { fibre: 12, lte: 2, radio: 6 } as Readonly<Record<LinkKind, number>>,
  /** Assumption: two power cuts a year in each district (range 0.5–10; no sourced SAIFI for Almaty). */
  powerFailuresPerYear: 2,
  /** Assumption: a power cut lasts 3 h on average (range 1–12 h). */
  powerRepairHours: 3,
  /** A district-day counts as fully covered with at most 1% of its cameras down at any moment. */
  tolerance: 0.01,
} as const;

/** The options simulateUptime knows (its unknown options are refused). */
const SIMULATE_UPTIME_OPTION_KEYS = optionKeys<UptimeOptions>()(UPTIME_DEFAULTS, ['centreKinds', 'analyticsDemand']);

/** Upper edges (hours) of the outage-duration histogram bins; the last bin is open. */
export const UPTIME_DURATION_BINS_HOURS: readonly number[] = [0.5, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512];

/** Outages of one kind of component. */
export interface UptimeKindStats {
  /** Components of this kind. */
  components: number;
  /** Closed form: mean over the components of MTBF/(MTBF + MTTR). */
  expectedAvailability: number;
  /** Simulated: time up / (components × horizon). */
  simulatedAvailability: number;
  /** Closed form: mean outage length, hours (MTTR averaged with weights λ_i = 1/(MTBF_i + MTTR_i), the rate of outages). Null when none can fail. */
  expectedMeanOutageHours: number | null;
  /** Outages that started within the horizon. */
  outages: number;
  /** Their lengths, hours (null when there were none). */
  meanOutageHours: number | null;
  medianOutageHours: number | null;
  p90OutageHours: number | null;
  maxOutageHours: number | null;
  /** Counts of outage lengths per bin of {@link UPTIME_DURATION_BINS_HOURS} (one more bin than edges: the last is ≥ the last edge). */
  histogram: number[];
}

/** One district over the simulated days. */
export interface UptimeDistrict {
  district: string;
  /** Cameras attached to the district's nodes. */
  cameras: number;
  /** Days fully covered (see the module docs) and their share of all days. Null share for a district without cameras. */
  fullyCoveredDays: number;
  fullyCoveredShare: number | null;
  /** Time-average of the watching share over the horizon. */
  meanWatchingShare: number | null;
  /** Lowest watching share reached. */
  worstWatchingShare: number | null;
  /** Hours of power cut over the horizon. */
  powerCutHours: number;
}

/** Result of {@link simulateUptime} (plain data). */
export interface UptimeSimulation {
  params: {
    days: number;
    seed: string;
    cameraMtbfHours: number;
    cameraRepairHours: number;
    nodeRepairHours: Record<NodeKind, number>;
    linkRepairHours: Record<LinkKind, number>;
    powerFailuresPerYear: number;
    powerRepairHours: number;
    tolerance: number;
    centreKinds: NodeKind[];
    network: NetworkProvenance;
  };
  /** Per component kind. */
  kinds: { camera: UptimeKindStats; node: UptimeKindStats; link: UptimeKindStats; power: UptimeKindStats };
  /** Per district (sorted ids), the districts of the network's nodes. */
  districts: UptimeDistrict[];
  /** Cameras attached to nodes without a district (in no district row). */
  camerasWithoutDistrict: number;
  /** Per day (index 0 = day 1): time-average live share, its minimum, and the time-average share of all cameras watching. */
  daily: { liveShare: number[]; minLiveShare: number[]; watchingShare: number[] };
  /** Live share with everything up. */
  baselineLiveShare: number;
  /** State changes of nodes, links and power at which the live share was re-evaluated. */
  liveEvaluations: number;
}

const HOURS_PER_DAY = 24;
const HOURS_PER_YEAR = 8760;

/** Exponential draw of the given mean (mean 0 → 0). */
function expDraw(rng: Rng, mean: number): number {
  return -Math.log(1 - rng.next()) * mean;
}

/** Collects a component's down intervals over [0, T): starts (may be 0 for an initial outage), ends (may exceed T), and whether each has a known start. */
interface Intervals {
  start: number[];
  end: number[];
  /** 1 when the outage started inside the horizon (its length is counted). */
  counted: number[];
}

/**
 * One alternating renewal process over [0, T) in hours, started in its
 * steady state; appends its down intervals to `out` and returns the up time.
 */
function renewal(rng: Rng, mtbf: number, mttr: number, T: number, out: Intervals): number {
  if (!(mtbf > 0) || mtbf === Infinity) return T; // never fails
  if (!(mttr > 0)) return T;
  const A = mtbf / (mtbf + mttr);
  let t = 0;
  let up = T;
  if (rng.next() >= A) {
    const d = expDraw(rng, mttr);
    out.start.push(0);
    out.end.push(d);
    out.counted.push(0);
    up -= Math.min(d, T);
    t = d;
  }
  while (t < T) {
    t += expDraw(rng, mtbf);
    if (t >= T) break;
    const d = expDraw(rng, mttr);
    out.start.push(t);
    out.end.push(t + d);
    out.counted.push(1);
    up -= Math.min(t + d, T) - t;
    t += d;
  }
  return up;
}

/** Outage statistics of one kind from its intervals. */
function kindStats(iv: Intervals, components: number, upTime: number, T: number, expectedA: number, expectedMean: number | null): UptimeKindStats {
  const lens: number[] = [];
  for (let k = 0; k < iv.start.length; k++) if (iv.counted[k] === 1) lens.push(iv.end[k] - iv.start[k]);
  const sorted = Float64Array.from(lens).sort();
  const n = sorted.length;
  const q = (p: number) => {
    if (n === 0) return null;
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.min(n - 1, lo + 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  };
  const histogram = new Array<number>(UPTIME_DURATION_BINS_HOURS.length + 1).fill(0);
  let sum = 0;
  for (let k = 0; k < n; k++) {
    sum += sorted[k];
    let b = 0;
    while (b < UPTIME_DURATION_BINS_HOURS.length && sorted[k] >= UPTIME_DURATION_BINS_HOURS[b]) b++;
    histogram[b]++;
  }
  return {
    components,
    expectedAvailability: expectedA,
    simulatedAvailability: components > 0 ? upTime / (components * T) : 1,
    expectedMeanOutageHours: expectedMean,
    outages: n,
    meanOutageHours: n > 0 ? sum / n : null,
    medianOutageHours: q(0.5),
    p90OutageHours: q(0.9),
    maxOutageHours: n > 0 ? sorted[n - 1] : null,
    histogram,
  };
}

/** Closed-form availability and rate-weighted mean outage length of components with the given MTBFs and MTTRs. */
function closedForm(mtbf: ArrayLike<number>, mttr: ArrayLike<number>): { a: number; mean: number | null } {
  const n = mtbf.length;
  if (n === 0) return { a: 1, mean: null };
  let aSum = 0, rate = 0, rateR = 0;
  for (let i = 0; i < n; i++) {
    if (mtbf[i] === Infinity) {
      aSum += 1;
      continue;
    }
    aSum += mtbf[i] / (mtbf[i] + mttr[i]);
    const lam = 1 / (mtbf[i] + mttr[i]);
    if (mtbf[i] > 0) {
      rate += lam;
      rateR += lam * mttr[i];
    }
  }
  return { a: aSum / n, mean: rate > 0 ? rateR / rate : null };
}

function perKind<K extends string>(origin: string, field: string, value: unknown, kinds: readonly K[], defaults: Readonly<Record<K, number>>): Record<K, number> {
  const out = { ...defaults } as Record<K, number>;
  if (value === undefined) return out;
  if (typeof value === 'number') {
    if (!(value > 0) || !Number.isFinite(value)) throw new InvalidInputError(origin, field, 'must be a finite number > 0 or an object per kind', value);
    for (const k of kinds) out[k] = value;
    return out;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidInputError(origin, field, `must be a number or an object with keys among ${kinds.join(', ')}`, value);
  for (const [k, v] of Object.entries(value)) {
    if (!(kinds as readonly string[]).includes(k)) throw new InvalidInputError(origin, `${field}.${k}`, `is not a kind (one of ${kinds.join(', ')})`, k);
    if (typeof v !== 'number' || !(v > 0) || !Number.isFinite(v)) throw new InvalidInputError(origin, `${field}.${k}`, 'must be a finite number > 0', v);
    out[k as K] = v;
  }
  return out;
}

function positive(origin: string, field: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw new InvalidInputError(origin, field, 'must be a finite number > 0', v);
  return v;
}

/**
 * Simulates outages over days: every camera, node, link and district power
 * supply as an alternating renewal process (exponential up and down times;
 * see the module docs for the model and the definition of a fully covered
 * district-day). Seeded: one named stream per kind of component (`camera`,
 * `node`, `link`, `power`), drawn in id order, so the same network, options
 * and seed give the same days.
 *
 * @param network - the command network (its nodes' districts group the cameras; node and link `availability` set their A)
 * @param options - days (365), seed (1), cameraMtbfHours (26,280), cameraRepairHours (72),
 *   nodeRepairHours, linkRepairHours (per kind), powerFailuresPerYear (2), powerRepairHours (3),
 *   tolerance (0.01), centreKinds, analyticsDemand — every rate an assumption ({@link UPTIME_DEFAULTS})
 * @returns per kind: closed-form and simulated availability, outage counts and lengths (mean, median, p90,
 *   histogram); per district: share of days fully covered, mean and worst watching share; per day: live share
 * @throws {InvalidInputError} on a bad network or option (naming the field)
 * @example
 * const u = simulateUptime(net, { days: 365, seed: 7 });
 * u.kinds.camera.simulatedAvailability // ≈ u.kinds.camera.expectedAvailability = 26280 / (26280 + 72)
 * u.districts[0].fullyCoveredShare      // share of days district 0 had ≥ 99% of its cameras up all day
 *
 * Complexity: O(C·(1 + D·24/MTBF)) draws for C cameras over D days, plus one
 * routing of the network per node/link/power state change, plus O(E log E) to
 * sort E events and O(districts × D) for the daily tables.
 */
export function simulateUptime(network: CommandNetwork, options: UptimeOptions = {}): UptimeSimulation {
  const origin = 'simulateUptime';
  checkOptions(origin, options, SIMULATE_UPTIME_OPTION_KEYS);
  checkNetwork(origin, network);
  const o = { ...UPTIME_DEFAULTS, ...options };
  if (!Number.isInteger(o.days) || o.days < 1 || o.days > 36_500) throw new InvalidInputError(origin, 'options.days', 'must be an integer in [1, 36500]', o.days);
  const cameraMtbf = positive(origin, 'options.cameraMtbfHours', o.cameraMtbfHours);
  const cameraMttr = positive(origin, 'options.cameraRepairHours', o.cameraRepairHours);
  const powerMttr = positive(origin, 'options.powerRepairHours', o.powerRepairHours);
  if (typeof o.powerFailuresPerYear !== 'number' || !Number.isFinite(o.powerFailuresPerYear) || o.powerFailuresPerYear < 0) throw new InvalidInputError(origin, 'options.powerFailuresPerYear', 'must be a finite number >= 0', o.powerFailuresPerYear);
  if (typeof o.tolerance !== 'number' || !(o.tolerance >= 0 && o.tolerance < 1)) throw new InvalidInputError(origin, 'options.tolerance', 'must be a number in [0, 1)', o.tolerance);
  const nodeMttrByKind = perKind(origin, 'options.nodeRepairHours', options.nodeRepairHours, NODE_KINDS, UPTIME_DEFAULTS.nodeRepairHours);
  const linkMttrByKind = perKind(origin, 'options.linkRepairHours', options.linkRepairHours, LINK_KINDS, UPTIME_DEFAULTS.linkRepairHours);
  const live = resolveLiveOptions(origin, options);
  const rng = toRng(o.seed, origin, 'options.seed');
  const T = o.days * HOURS_PER_DAY;
  const D = o.days;

  // ---- components ----
  const districts = networkDistricts(network);
  const nd = districts.length;
  const nodeDistrict = nodeDistrictIndex(network, districts);
  const C = network.numCameras, N = network.numNodes, L = network.numLinks;
  const camDistrict = new Int32Array(C);
  const camsPerDistrict = new Float64Array(nd);
  let camerasWithoutDistrict = 0;
  for (let c = 0; c < C; c++) {
    const d = nodeDistrict[network.cameraNode[c]];
    camDistrict[c] = d;
    if (d >= 0) camsPerDistrict[d]++;
    else camerasWithoutDistrict++;
  }

  // Cameras.
  const camIv: Intervals = { start: [], end: [], counted: [] };
  const camOwner: number[] = [];
  const camRng = rng.stream('camera');
  let camUp = 0;
  for (let c = 0; c < C; c++) {
    const before = camIv.start.length;
    camUp += renewal(camRng, cameraMtbf, cameraMttr, T, camIv);
    for (let k = before; k < camIv.start.length; k++) camOwner.push(c);
  }
  const camCf = closedForm([cameraMtbf], [cameraMttr]);

  // Nodes: MTBF from availability and MTTR.
  const nodeMtbf = new Float64Array(N), nodeMttr = new Float64Array(N);
  for (let v = 0; v < N; v++) {
    const a = network.nodeAvailability[v];
    const r = nodeMttrByKind[NODE_KINDS[network.nodeKind[v]]];
    nodeMttr[v] = r;
    nodeMtbf[v] = a >= 1 ? Infinity : (r * a) / (1 - a);
  }
  const nodeIv: Intervals = { start: [], end: [], counted: [] };
  const nodeOwner: number[] = [];
  const nodeRng = rng.stream('node');
  let nodeUpT = 0;
  for (let v = 0; v < N; v++) {
    const before = nodeIv.start.length;
    nodeUpT += nodeMtbf[v] === 0 ? alwaysDown(nodeIv, T) : renewal(nodeRng, nodeMtbf[v], nodeMttr[v], T, nodeIv);
    for (let k = before; k < nodeIv.start.length; k++) nodeOwner.push(v);
  }
  const nodeCf = closedForm(nodeMtbf, nodeMttr);

  // Links.
  const linkMtbf = new Float64Array(L), linkMttr = new Float64Array(L);
  for (let l = 0; l < L; l++) {
    const a = network.linkAvailability[l];
    const r = linkMttrByKind[LINK_KINDS[network.linkKind[l]]];
    linkMttr[l] = r;
    linkMtbf[l] = a >= 1 ? Infinity : (r * a) / (1 - a);
  }
  const linkIv: Intervals = { start: [], end: [], counted: [] };
  const linkOwner: number[] = [];
  const linkRng = rng.stream('link');
  let linkUpT = 0;
  for (let l = 0; l < L; l++) {
    const before = linkIv.start.length;
    linkUpT += linkMtbf[l] === 0 ? alwaysDown(linkIv, T) : renewal(linkRng, linkMtbf[l], linkMttr[l], T, linkIv);
    for (let k = before; k < linkIv.start.length; k++) linkOwner.push(l);
  }
  const linkCf = closedForm(linkMtbf, linkMttr);

  // District power.
  const powerMtbf = o.powerFailuresPerYear > 0 ? Math.max(HOURS_PER_YEAR / o.powerFailuresPerYear - powerMttr, Number.MIN_VALUE) : Infinity;
  const powIv: Intervals = { start: [], end: [], counted: [] };
  const powOwner: number[] = [];
  const powRng = rng.stream('power');
  let powUpT = 0;
  for (let d = 0; d < nd; d++) {
    const before = powIv.start.length;
    powUpT += renewal(powRng, powerMtbf, powerMttr, T, powIv);
    for (let k = before; k < powIv.start.length; k++) powOwner.push(d);
  }
  const powCf = closedForm(new Float64Array(nd).fill(powerMtbf), new Float64Array(nd).fill(powerMttr));

  // ---- watching share per district and day ----
  const dayMin = new Float64Array(nd * D).fill(Infinity);
  const dayInt = new Float64Array(nd * D);
  const downCount = new Float64Array(nd);
  const powerDown = new Uint8Array(nd);
  const lastT = new Float64Array(nd);
  const powerCutHours = new Float64Array(nd);
  const worst = new Float64Array(nd).fill(1);
  const w = (d: number) => (powerDown[d] ? 0 : camsPerDistrict[d] > 0 ? 1 - downCount[d] / camsPerDistrict[d] : 1);
  /** Integrates district d's constant state from lastT[d] to t. */
  const advance = (d: number, t: number) => {
    const t0 = lastT[d];
    if (t <= t0) return;
    const value = w(d);
    if (powerDown[d]) powerCutHours[d] += t - t0;
    let day = Math.floor(t0 / HOURS_PER_DAY);
    let a = t0;
    while (a < t && day < D) {
      const b = Math.min(t, (day + 1) * HOURS_PER_DAY);
      const k = d * D + day;
      dayInt[k] += value * (b - a);
      if (value < dayMin[k]) dayMin[k] = value;
      a = b;
      day++;
    }
    if (value < worst[d]) worst[d] = value;
    lastT[d] = t;
  };
  // Area events: (time, district, delta-kind). kind 0: camera down +1/-1; kind 1: power.
  const evT: number[] = [], evD: number[] = [], evK: number[] = [], evS: number[] = [];
  for (let k = 0; k < camIv.start.length; k++) {
    const d = camDistrict[camOwner[k]];
    if (d < 0) continue;
    if (camIv.start[k] === 0) downCount[d]++;
    else evT.push(camIv.start[k]), evD.push(d), evK.push(0), evS.push(1);
    if (camIv.end[k] < T) evT.push(camIv.end[k]), evD.push(d), evK.push(0), evS.push(-1);
  }
  for (let k = 0; k < powIv.start.length; k++) {
    const d = powOwner[k];
    if (powIv.start[k] === 0) powerDown[d] = 1;
    else evT.push(powIv.start[k]), evD.push(d), evK.push(1), evS.push(1);
    if (powIv.end[k] < T) evT.push(powIv.end[k]), evD.push(d), evK.push(1), evS.push(-1);
  }
  const order = sortedOrder(evT);
  for (let j = 0; j < order.length; j++) {
    const e = order[j];
    const d = evD[e];
    advance(d, evT[e]);
    if (evK[e] === 0) downCount[d] += evS[e];
    else powerDown[d] = evS[e] > 0 ? 1 : 0;
  }
  for (let d = 0; d < nd; d++) advance(d, T);

  const cutoff = 1 - o.tolerance;
  const districtRows: UptimeDistrict[] = districts.map((id, d) => {
    let full = 0, integral = 0;
    for (let day = 0; day < D; day++) {
      if (dayMin[d * D + day] >= cutoff - 1e-12) full++;
      integral += dayInt[d * D + day];
    }
    const has = camsPerDistrict[d] > 0;
    return {
      district: id,
      cameras: camsPerDistrict[d],
      fullyCoveredDays: has ? full : 0,
      fullyCoveredShare: has ? full / D : null,
      meanWatchingShare: has ? integral / T : null,
      worstWatchingShare: has ? worst[d] : null,
      powerCutHours: powerCutHours[d],
    };
  });
  const watchingDaily: number[] = [];
  const inDistricts = C - camerasWithoutDistrict;
  for (let day = 0; day < D; day++) {
    let s = 0;
    for (let d = 0; d < nd; d++) s += dayInt[d * D + day] * camsPerDistrict[d];
    watchingDaily.push(inDistricts > 0 ? s / (inDistricts * HOURS_PER_DAY) : 1);
  }

  // ---- live share over time (nodes, links, power) ----
  const ev = createFaultEvaluator(network, live.centreKinds, live.analyticsDemand);
  resetAdjusted(ev);
  const baselineLiveShare = evaluateWith(ev, null, null).liveShare;
  const nodeDownCount = new Uint8Array(N);
  const nodeUp = new Uint8Array(N).fill(1);
  const linkUp = new Uint8Array(L).fill(1);
  const districtNodes: number[][] = districts.map(() => []);
  for (let v = 0; v < N; v++) if (nodeDistrict[v] >= 0) districtNodes[nodeDistrict[v]].push(v);
  const lT: number[] = [], lKind: number[] = [], lIdx: number[] = [], lS: number[] = [];
  const addIv = (iv: Intervals, owner: number[], kind: number, initial: (i: number) => void) => {
    for (let k = 0; k < iv.start.length; k++) {
      if (iv.start[k] === 0) initial(owner[k]);
      else lT.push(iv.start[k]), lKind.push(kind), lIdx.push(owner[k]), lS.push(1);
      if (iv.end[k] < T) lT.push(iv.end[k]), lKind.push(kind), lIdx.push(owner[k]), lS.push(-1);
    }
  };
  addIv(nodeIv, nodeOwner, 0, (v) => nodeDownCount[v]++);
  addIv(linkIv, linkOwner, 1, (l) => (linkUp[l] = 0));
  addIv(powIv, powOwner, 2, (d) => {
    for (const v of districtNodes[d]) nodeDownCount[v]++;
  });
  for (let v = 0; v < N; v++) nodeUp[v] = nodeDownCount[v] === 0 ? 1 : 0;
  const liveInt = new Float64Array(D);
  const liveMin = new Float64Array(D).fill(Infinity);
  let current = evaluateWith(ev, nodeUp, linkUp).liveShare;
  let evaluations = 1;
  let tPrev = 0;
  const liveAdvance = (t: number) => {
    let day = Math.floor(tPrev / HOURS_PER_DAY);
    let a = tPrev;
    while (a < t && day < D) {
      const b = Math.min(t, (day + 1) * HOURS_PER_DAY);
      liveInt[day] += current * (b - a);
      if (current < liveMin[day]) liveMin[day] = current;
      a = b;
      day++;
    }
    tPrev = Math.max(tPrev, t);
  };
  const lOrder = sortedOrder(lT);
  for (let j = 0; j < lOrder.length; ) {
    const t = lT[lOrder[j]];
    liveAdvance(t);
    // Apply every change at this instant, then evaluate once.
    while (j < lOrder.length && lT[lOrder[j]] === t) {
      const e = lOrder[j++];
      const i = lIdx[e];
      if (lKind[e] === 1) linkUp[i] = lS[e] > 0 ? 0 : 1;
      else if (lKind[e] === 0) {
        nodeDownCount[i] += lS[e];
        nodeUp[i] = nodeDownCount[i] === 0 ? 1 : 0;
      } else {
        for (const v of districtNodes[i]) {
          nodeDownCount[v] += lS[e];
          nodeUp[v] = nodeDownCount[v] === 0 ? 1 : 0;
        }
      }
    }
    current = evaluateWith(ev, nodeUp, linkUp).liveShare;
    evaluations++;
  }
  liveAdvance(T);

  return {
    params: {
      days: D,
      seed: rng.seed,
      cameraMtbfHours: cameraMtbf,
      cameraRepairHours: cameraMttr,
      nodeRepairHours: nodeMttrByKind,
      linkRepairHours: linkMttrByKind,
      powerFailuresPerYear: o.powerFailuresPerYear,
      powerRepairHours: powerMttr,
      tolerance: o.tolerance,
      centreKinds: [...live.centreKinds],
      network: network.provenance,
    },
    kinds: {
      camera: kindStats(camIv, C, camUp, T, C > 0 ? camCf.a : 1, C > 0 ? camCf.mean : null),
      node: kindStats(nodeIv, N, nodeUpT, T, nodeCf.a, nodeCf.mean),
      link: kindStats(linkIv, L, linkUpT, T, linkCf.a, linkCf.mean),
      power: kindStats(powIv, nd, powUpT, T, powCf.a, powCf.mean),
    },
    districts: districtRows,
    camerasWithoutDistrict,
    daily: {
      liveShare: Array.from(liveInt, (x) => x / HOURS_PER_DAY),
      minLiveShare: Array.from(liveMin),
      watchingShare: watchingDaily,
    },
    baselineLiveShare,
    liveEvaluations: evaluations,
  };
}

/** A component with availability 0: down throughout, with no counted outage. */
function alwaysDown(iv: Intervals, T: number): number {
  iv.start.push(0);
  iv.end.push(Infinity);
  iv.counted.push(0);
  return 0;
}

/** Indices of `t` in ascending order of value (stable). */
function sortedOrder(t: readonly number[]): Uint32Array {
  const idx = new Uint32Array(t.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  return idx.sort((a, b) => t[a] - t[b] || a - b);
}
