/**
 * Unicity of camera traces (de Montjoye, Hidalgo, Verleysen & Blondel,
 * "Unique in the Crowd: The privacy bounds of human mobility", Scientific
 * Reports 3, 1376, 2013): the share of people singled out by k random points
 * of their own trace, i.e. whose k points are contained in nobody else's trace.
 *
 * Here a point is a (camera, hour) pair: a person was sighted by that camera
 * during that hour. de Montjoye et al. used (antenna, hour) points and found
 * that 4 random points single out 95 % of 1.5 million people.
 *
 * Method:
 * 1. Points are de-duplicated per person (several sightings by one camera in
 *    one hour are one point).
 * 2. An inverted index maps every distinct point to the ascending list of
 *    people whose traces contain it (built with two stable counting sorts,
 *    O(total sightings + camera and hour ranges), no comparison sort).
 * 3. For each k, people are sampled uniformly without replacement among those
 *    with at least k distinct points (the others are EXCLUDED, as in de
 *    Montjoye et al., who estimate unicity on users with at least k points;
 *    how many were excluded is reported). One random permutation of all
 *    people (seeded) serves every k: the sample for k is the first
 *    `sampleSize` people of that permutation with ≥ k points.
 * 4. For each sampled person, k distinct points are drawn uniformly from their
 *    trace, and their posting lists are intersected smallest-first (galloping
 *    search), stopping as soon as only the person remains: the person is
 *    unique when the intersection is the person alone.
 * 5. The share of unique people comes with a Wilson score interval
 *    (Wilson 1927) at the chosen confidence: it treats the sampled people as
 *    independent Bernoulli trials, which ignores the finite-population
 *    correction and is therefore conservative (too wide) when the sample is a
 *    large part of the eligible population.
 */
import { InvalidInputError, type Rng, type Seed } from '../core/index.js';
import { toRng, checkOptions, optionKeys } from '../core/internal.js';

/** Each person's sightings as (camera, hour) points, grouped by person (CSR). */
export interface UnicityPoints {
  /** Number of people; person ids are 0 … numPeople − 1. */
  numPeople: number;
  /** Offsets: person p's sightings are indices start[p] … start[p + 1] − 1 (length numPeople + 1). */
  start: Uint32Array;
  /** Camera id per sighting. */
  camera: Uint32Array;
  /** Hour per sighting (any integer hour index, e.g. hours since the start of the study). */
  hour: Uint32Array;
}

/** Options of {@link unicity}. */
export interface UnicityOptions {
  /** Largest number of points k (k = 1 … kMax); default 8. */
  kMax?: number;
  /** People sampled per k (at most the number eligible); default 10,000. */
  sampleSize?: number;
  /** Confidence level of the Wilson interval, in (0, 1); default 0.95. */
  confidence?: number;
  /** Seed or stream for the sample and the point choices; default 1. */
  seed?: Seed | Rng;
  /** Also return, per k, the sampled people, their chosen points and whether each was unique (default false; for checks and plots). */
  details?: boolean;
}

/** Defaults of {@link unicity}. */
export const UNICITY_DEFAULTS = {
  /** The issue asks for k = 1 … 8 (de Montjoye et al. 2013 found that 4 points single out 95 % of 1.5 million people). */
  kMax: 8,
  /**
   * Assumption: 10,000 sampled people per k keep the 95 % Wilson interval
   * within ±1 percentage point (half-width ≤ 1.96·√(0.25/10,000) ≈ 0.0098).
   */
  sampleSize: 10_000,
  /** Conventional 95 % confidence. */
  confidence: 0.95,
  seed: 1 as Seed,
} as const;

/** The options unicity knows (its unknown options are refused). */
const UNICITY_OPTION_KEYS = optionKeys<UnicityOptions>()(UNICITY_DEFAULTS, ['details']);

/** Unicity for one k. */
export interface UnicityAtK {
  k: number;
  /** Share of sampled people singled out by k random points of their trace. */
  share: number;
  /** Number of sampled people singled out. */
  unique: number;
  /** Number of people sampled (min(sampleSize, eligible)). */
  sampled: number;
  /** People with at least k distinct points (the population sampled from). */
  eligible: number;
  /** People with fewer than k distinct points, excluded (de Montjoye et al.). */
  excluded: number;
  /** Wilson score interval of the share at the chosen confidence. */
  ciLow: number;
  ciHigh: number;
  /** With `details`: sampled person ids, chosen points (k per person: camera, hour) and uniqueness flags. */
  details?: { person: Uint32Array; camera: Uint32Array; hour: Uint32Array; unique: Uint8Array };
}

/** Result of {@link unicity}: plain data. */
export interface UnicityResult {
  /** One entry per k = 1 … kMax. */
  byK: UnicityAtK[];
  numPeople: number;
  /** Sightings given (before de-duplication). */
  numSightings: number;
  /** Distinct (camera, hour) points in the whole population. */
  numDistinctPoints: number;
  /** Sum over people of their distinct points. */
  numPersonPoints: number;
  params: { kMax: number; sampleSize: number; confidence: number; seed: string; exclusion: 'fewer-than-k-points-excluded'; interval: 'wilson' };
}

const ORIGIN = 'unicity';

/**
 * The share of people singled out by k random points of their trace, for
 * k = 1 … kMax (de Montjoye et al. 2013), with Wilson confidence intervals.
 *
 * @param points - each person's (camera, hour) sightings, grouped by person (see {@link UnicityPoints}; {@link groupPointsByPerson} builds it)
 * @param options - `kMax`, `sampleSize`, `confidence`, `seed`, `details`
 * @returns per k: share, count, sample size, eligible and excluded people, Wilson interval; with the parameters and seed
 * @throws {InvalidInputError} numPeople not an integer >= 1; start not a Uint32Array of length numPeople + 1,
 *   not starting at 0, decreasing, or not ending at the number of sightings; camera/hour not Uint32Arrays of equal length;
 *   no sightings at all; kMax < 1; sampleSize < 1; confidence outside (0, 1)
 * @example
 * const pts = groupPointsByPerson({ numPeople: 2, person: [0, 0, 1], camera: [5, 6, 5], hour: [8, 9, 8] });
 * const u = unicity(pts, { kMax: 2, seed: 7 });
 * u.byK[1].share; // 1: person 0's two points (5,8),(6,9) fit only person 0 (person 1 has 1 point: excluded)
 *
 * Complexity: O(S + C + H) to build the index for S sightings, C and H the
 * camera and hour ranges (or O(S log S) when those ranges are huge), plus
 * per sampled person O(m + k·log k + intersections) where intersections are
 * galloping searches bounded by the smallest posting list.
 */
export function unicity(points: UnicityPoints, options: UnicityOptions = {}): UnicityResult {
  checkOptions('unicity', options, UNICITY_OPTION_KEYS);
  const { numPeople, start, camera, hour } = checkPoints(points);
  if (typeof options !== 'object' || options === null) throw new InvalidInputError(ORIGIN, 'options', 'must be an object', options);
  const kMax = options.kMax ?? UNICITY_DEFAULTS.kMax;
  if (typeof kMax !== 'number' || !Number.isInteger(kMax) || kMax < 1 || kMax > 1000) throw new InvalidInputError(ORIGIN, 'options.kMax', 'must be an integer in [1, 1000]', kMax);
  const sampleSize = options.sampleSize ?? UNICITY_DEFAULTS.sampleSize;
  if (typeof sampleSize !== 'number' || !Number.isInteger(sampleSize) || sampleSize < 1) throw new InvalidInputError(ORIGIN, 'options.sampleSize', 'must be an integer >= 1', sampleSize);
  const confidence = options.confidence ?? UNICITY_DEFAULTS.confidence;
  if (typeof confidence !== 'number' || !(confidence > 0 && confidence < 1)) throw new InvalidInputError(ORIGIN, 'options.confidence', 'must be a number in (0, 1)', confidence);
  const rng = toRng(options.seed ?? UNICITY_DEFAULTS.seed, ORIGIN);
  const details = options.details === true;
  const z = normalQuantile(0.5 + confidence / 2);

  const index = buildPointIndex(numPeople, start, camera, hour);
  const { pointStart, postings, pointCamera, pointHour, distinctCount } = index;

  // Sightings per person bound the distinct points (scratch size).
  let maxS = 0;
  for (let p = 0; p < numPeople; p++) {
    const m = start[p + 1] - start[p];
    if (m > maxS) maxS = m;
  }
  // eligible[k] = people with >= k distinct points (k ≤ kMax).
  const eligibleAtLeast = new Float64Array(kMax + 2);
  for (let p = 0; p < numPeople; p++) eligibleAtLeast[Math.min(distinctCount[p], kMax + 1)]++;
  for (let k = kMax; k >= 0; k--) eligibleAtLeast[k] += eligibleAtLeast[k + 1];

  // One random order of people for every k (partial Fisher–Yates, drawn lazily).
  const permRng = rng.stream('people');
  const perm = new Uint32Array(numPeople);
  for (let i = 0; i < numPeople; i++) perm[i] = i;
  let drawn = 0;

  // Scratch: a person's points for drawing, the chosen points ordered by posting length, candidates.
  const pool = new Uint32Array(Math.max(1, maxS));
  const chosen = new Uint32Array(kMax);
  let cand = new Uint32Array(64);
  let cand2 = new Uint32Array(64);

  const byK: UnicityAtK[] = [];
  for (let k = 1; k <= kMax; k++) {
    const eligible = eligibleAtLeast[k];
    const target = Math.min(sampleSize, eligible);
    const pickRng = rng.stream(`points-k${k}`);
    let unique = 0;
    let sampled = 0;
    const dPerson = details ? new Uint32Array(target) : null;
    const dCamera = details ? new Uint32Array(target * k) : null;
    const dHour = details ? new Uint32Array(target * k) : null;
    const dUnique = details ? new Uint8Array(target) : null;
    for (let i = 0; sampled < target && i < numPeople; i++) {
      if (i === drawn) {
        const j = i + Math.floor(permRng.next() * (numPeople - i));
        const t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
        drawn++;
      }
      const p = perm[i];
      if (distinctCount[p] < k) continue;
      // The person's distinct point ids (ascending), then k of them by partial Fisher–Yates.
      const m = personPointIds(index, start, camera, hour, p, pool);
      for (let q = 0; q < k; q++) {
        const j = q + Math.floor(pickRng.next() * (m - q));
        const t = pool[q];
        pool[q] = pool[j];
        pool[j] = t;
        chosen[q] = pool[q];
      }
      if (details) {
        for (let q = 0; q < k; q++) {
          dCamera![sampled * k + q] = pointCamera[chosen[q]];
          dHour![sampled * k + q] = pointHour[chosen[q]];
        }
        dPerson![sampled] = p;
      }
      // Smallest posting list first (insertion sort: k is small).
      for (let q = 1; q < k; q++) {
        const v = chosen[q];
        const lv = pointStart[v + 1] - pointStart[v];
        let r = q - 1;
        while (r >= 0 && pointStart[chosen[r] + 1] - pointStart[chosen[r]] > lv) {
          chosen[r + 1] = chosen[r];
          r--;
        }
        chosen[r + 1] = v;
      }
      // Intersect.
      const s0 = pointStart[chosen[0]];
      let nc = pointStart[chosen[0] + 1] - s0;
      if (nc > 1) {
        if (cand.length < nc) {
          cand = new Uint32Array(Math.max(nc, 2 * cand.length));
          cand2 = new Uint32Array(cand.length);
        }
        for (let q = 0; q < nc; q++) cand[q] = postings[s0 + q];
        for (let q = 1; q < k && nc > 1; q++) {
          const ls = pointStart[chosen[q]];
          const le = pointStart[chosen[q] + 1];
          let lo = ls;
          let out = 0;
          for (let c = 0; c < nc; c++) {
            const v = cand[c];
            // Gallop from lo for the first posting >= v.
            let step = 1;
            let hi = lo;
            while (hi < le && postings[hi] < v) {
              lo = hi + 1;
              hi = lo + step;
              step *= 2;
            }
            if (hi > le) hi = le;
            // Binary search in [lo, hi).
            while (lo < hi) {
              const mid = (lo + hi) >>> 1;
              if (postings[mid] < v) lo = mid + 1;
              else hi = mid;
            }
            if (lo >= le) break;
            if (postings[lo] === v) cand2[out++] = v;
          }
          const t = cand;
          cand = cand2;
          cand2 = t;
          nc = out;
        }
      }
      // The person is in every one of their own points' lists, so nc >= 1.
      const isUnique = nc === 1;
      if (isUnique) unique++;
      if (details) dUnique![sampled] = isUnique ? 1 : 0;
      sampled++;
    }
    const share = sampled > 0 ? unique / sampled : 0;
    const [lo, hi] = sampled > 0 ? wilsonInterval(unique, sampled, z) : [0, 1];
    const entry: UnicityAtK = { k, share, unique, sampled, eligible, excluded: numPeople - eligible, ciLow: lo, ciHigh: hi };
    if (details) entry.details = { person: dPerson!, camera: dCamera!, hour: dHour!, unique: dUnique! };
    byK.push(entry);
  }
  return {
    byK,
    numPeople,
    numSightings: start[numPeople],
    numDistinctPoints: pointStart.length - 1,
    numPersonPoints: postings.length,
    params: { kMax, sampleSize, confidence, seed: rng.seed, exclusion: 'fewer-than-k-points-excluded', interval: 'wilson' },
  };
}

/**
 * Wilson score interval for a binomial proportion: x successes in n trials at
 * normal quantile z (1.959964 for 95 %).
 *
 * @param x - successes, integer in [0, n]
 * @param n - trials, integer >= 1
 * @param z - normal quantile (> 0)
 * @returns [low, high], within [0, 1]
 * @throws {InvalidInputError} when n < 1, x outside [0, n], or z <= 0
 * @example
 * wilsonInterval(95, 100, 1.959964); // ≈ [0.8882, 0.9785]
 */
export function wilsonInterval(x: number, n: number, z: number): [number, number] {
  if (!(Number.isInteger(n) && n >= 1)) throw new InvalidInputError('wilsonInterval', 'n', 'must be an integer >= 1', n);
  if (!(Number.isInteger(x) && x >= 0 && x <= n)) throw new InvalidInputError('wilsonInterval', 'x', `must be an integer in [0, ${n}]`, x);
  if (!(typeof z === 'number' && z > 0 && Number.isFinite(z))) throw new InvalidInputError('wilsonInterval', 'z', 'must be a finite number > 0', z);
  const ph = x / n;
  const z2 = z * z;
  const den = 1 + z2 / n;
  const centre = (ph + z2 / (2 * n)) / den;
  const half = (z * Math.sqrt((ph * (1 - ph)) / n + z2 / (4 * n * n))) / den;
  let lo = centre - half;
  let hi = centre + half;
  if (x === 0 || lo < 0) lo = 0;
  if (x === n || hi > 1) hi = 1;
  return [lo, hi];
}

/** Arrays that give each person's sightings without grouping. */
export interface UngroupedPoints {
  numPeople: number;
  person: ArrayLike<number>;
  camera: ArrayLike<number>;
  hour: ArrayLike<number>;
}

/**
 * Groups (person, camera, hour) sightings by person into {@link UnicityPoints}
 * (a stable counting sort by person).
 *
 * @param input - `numPeople` and equal-length arrays `person`, `camera`, `hour` of non-negative integers (< 2^32; person < numPeople)
 * @returns the grouped points
 * @throws {InvalidInputError} numPeople not an integer >= 1; arrays of different lengths; a value that is not an integer in range
 * @example
 * groupPointsByPerson({ numPeople: 2, person: [1, 0], camera: [3, 4], hour: [0, 0] }).camera; // Uint32Array [4, 3]
 *
 * Complexity: O(S + numPeople).
 */
export function groupPointsByPerson(input: UngroupedPoints): UnicityPoints {
  const origin = 'groupPointsByPerson';
  if (typeof input !== 'object' || input === null) throw new InvalidInputError(origin, 'input', 'must be an object', input);
  const { numPeople, person, camera, hour } = input;
  if (typeof numPeople !== 'number' || !Number.isInteger(numPeople) || numPeople < 1 || numPeople > 0xfffffffe) {
    throw new InvalidInputError(origin, 'input.numPeople', 'must be an integer >= 1', numPeople);
  }
  for (const [name, arr] of [['person', person], ['camera', camera], ['hour', hour]] as const) {
    if (arr === null || typeof arr !== 'object' || typeof arr.length !== 'number') throw new InvalidInputError(origin, `input.${name}`, 'must be an array of integers', arr);
  }
  const s = person.length;
  if (camera.length !== s) throw new InvalidInputError(origin, 'input.camera', `must have the same length as input.person (${s})`, camera.length);
  if (hour.length !== s) throw new InvalidInputError(origin, 'input.hour', `must have the same length as input.person (${s})`, hour.length);
  const counts = new Uint32Array(numPeople + 1);
  for (let i = 0; i < s; i++) {
    const p = person[i];
    if (!(Number.isInteger(p) && p >= 0 && p < numPeople)) throw new InvalidInputError(origin, `input.person[${i}]`, `must be an integer in [0, ${numPeople - 1}]`, p);
    const c = camera[i];
    if (!(Number.isInteger(c) && c >= 0 && c <= 0xffffffff)) throw new InvalidInputError(origin, `input.camera[${i}]`, 'must be an integer in [0, 2^32 − 1]', c);
    const h = hour[i];
    if (!(Number.isInteger(h) && h >= 0 && h <= 0xffffffff)) throw new InvalidInputError(origin, `input.hour[${i}]`, 'must be an integer in [0, 2^32 − 1]', h);
    counts[p + 1]++;
  }
  for (let p = 0; p < numPeople; p++) counts[p + 1] += counts[p];
  const start = counts.slice();
  const cur = counts.slice(0, numPeople);
  const cam = new Uint32Array(s);
  const hr = new Uint32Array(s);
  for (let i = 0; i < s; i++) {
    const j = cur[person[i]]++;
    cam[j] = camera[i];
    hr[j] = hour[i];
  }
  return { numPeople, start, camera: cam, hour: hr };
}

/** The inverted index, with what is needed to find a person's point ids. */
interface PointIndex {
  /** Posting lists: point t's people are postings[pointStart[t] … pointStart[t + 1] − 1], ascending. */
  pointStart: Uint32Array;
  postings: Uint32Array;
  /** Camera and hour of every point id; points are ordered by (camera, hour). */
  pointCamera: Uint32Array;
  pointHour: Uint32Array;
  /** Points of camera bucket b: camPointStart[b] … camPointStart[b + 1] − 1. */
  camPointStart: Uint32Array;
  /** Camera buckets (value − offset, or rank among the distinct values). */
  cams: Buckets;
  /** Distinct points per person. */
  distinctCount: Uint32Array;
}

/** Above this many buckets a counting sort first compresses values by sorting them. */
const DENSE_LIMIT = 1 << 24;

/**
 * Builds the inverted index: a stable LSD radix sort of (key, person) pairs,
 * key = camera bucket · H + hour bucket, read person by person so that each
 * (camera, hour) group lists its people in ascending order. Each pass reads
 * sequentially and scatters into at most 2^11 buckets (cache-friendly), then
 * one sequential scan makes the points and drops a person's repeats.
 */
function buildPointIndex(numPeople: number, start: Uint32Array, camera: Uint32Array, hour: Uint32Array): PointIndex {
  const s = start[numPeople];
  const hb = buckets(hour, s);
  const cb = buckets(camera, s);
  const H = hb.count;
  const keyRange = cb.count * H;
  if (keyRange > 0x100000000) return buildPointIndexTwoPass(numPeople, start, camera, hour, hb, cb);
  const hRank = hb.rank;
  const cRank = cb.rank;
  const hOff = hb.offset;
  const cOff = cb.offset;
  let bits = 1;
  while (bits < 32 && 2 ** bits < keyRange) bits++;
  const passes = Math.ceil(bits / 11);
  const digitBits = Math.ceil(bits / passes);
  const radix = 2 ** digitBits;
  const mask = radix - 1;
  const count = new Uint32Array(radix + 1);
  let src = new Uint32Array(2 * s);
  let dst = new Uint32Array(2 * s);
  // Keys in person order (pass "−1": no movement, just the pairs).
  let o = 0;
  for (let p = 0; p < numPeople; p++) {
    for (let i = start[p], e = start[p + 1]; i < e; i++) {
      src[o++] = (cRank === null ? camera[i] - cOff : cRank[i]) * H + (hRank === null ? hour[i] - hOff : hRank[i]);
      src[o++] = p;
    }
  }
  for (let pass = 0; pass < passes; pass++) {
    const shift = pass * digitBits; // keys are uint32: >>> keeps them unsigned
    count.fill(0);
    for (let j = 0; j < s; j++) count[((src[2 * j] >>> shift) & mask) + 1]++;
    for (let b = 0; b < radix; b++) count[b + 1] += count[b];
    for (let j = 0; j < s; j++) {
      const key = src[2 * j];
      const d = 2 * count[(key >>> shift) & mask]++;
      dst[d] = key;
      dst[d + 1] = src[2 * j + 1];
    }
    const t = src;
    src = dst;
    dst = t;
  }
  // Scan: a new point on a key change; postings compacted into dst.
  const pointStartTmp = new Uint32Array(s + 1);
  const pointKeyTmp = new Uint32Array(s);
  const camPointStart = new Uint32Array(cb.count + 1);
  const distinctCount = new Uint32Array(numPeople);
  let numPoints = 0;
  let w = 0;
  let prevKey = -1;
  let prevP = -1;
  let nextCam = 0;
  for (let j = 0; j < s; j++) {
    const key = src[2 * j];
    const p = src[2 * j + 1];
    if (key !== prevKey) {
      const c = Math.floor(key / H);
      while (nextCam <= c) camPointStart[nextCam++] = numPoints;
      pointStartTmp[numPoints] = w;
      pointKeyTmp[numPoints] = key;
      numPoints++;
      prevKey = key;
      prevP = -1;
    }
    if (p !== prevP) {
      dst[w++] = p;
      distinctCount[p]++;
      prevP = p;
    }
  }
  while (nextCam <= cb.count) camPointStart[nextCam++] = numPoints;
  pointStartTmp[numPoints] = w;
  const pointStart = pointStartTmp.slice(0, numPoints + 1);
  const pointCamera = new Uint32Array(numPoints);
  const pointHour = new Uint32Array(numPoints);
  for (let t = 0; t < numPoints; t++) {
    const key = pointKeyTmp[t];
    const c = Math.floor(key / H);
    const h = key - c * H;
    pointCamera[t] = cb.values === null ? c + cOff : cb.values[c];
    pointHour[t] = hb.values === null ? h + hOff : hb.values[h];
  }
  return { pointStart, postings: dst.subarray(0, w), pointCamera, pointHour, camPointStart, cams: cb, distinctCount };
}

/**
 * Fallback of {@link buildPointIndex} when (camera bucket, hour bucket) does
 * not fit in 32 bits: two stable counting sorts that carry the
 * data along (LSD radix: by hour, then by camera), reading the sightings
 * person by person, so that each (camera, hour) group lists its people in
 * ascending order and every pass reads sequentially; a person's repeats
 * within a point are dropped.
 */
function buildPointIndexTwoPass(numPeople: number, start: Uint32Array, camera: Uint32Array, hour: Uint32Array, hb: Buckets, cb: Buckets): PointIndex {
  const s = start[numPeople];
  const hRank = hb.rank;
  const cRank = cb.rank;
  const hOff = hb.offset;
  const cOff = cb.offset;
  // Pass 1: by hour (stable), carrying camera bucket and person.
  const startH = new Uint32Array(hb.count + 1);
  for (let i = 0; i < s; i++) startH[(hRank === null ? hour[i] - hOff : hRank[i]) + 1]++;
  for (let b = 0; b < hb.count; b++) startH[b + 1] += startH[b];
  const cur = startH.slice(0, hb.count);
  // Interleaved (camera bucket, person) pairs: one cache line per scattered write.
  const pair1 = new Uint32Array(2 * s);
  for (let p = 0; p < numPeople; p++) {
    for (let i = start[p], e = start[p + 1]; i < e; i++) {
      const d = 2 * cur[hRank === null ? hour[i] - hOff : hRank[i]]++;
      pair1[d] = cRank === null ? camera[i] - cOff : cRank[i];
      pair1[d + 1] = p;
    }
  }
  // Pass 2: by camera (stable), carrying hour bucket and person.
  const startC = new Uint32Array(cb.count + 1);
  for (let j = 0; j < s; j++) startC[pair1[2 * j] + 1]++;
  for (let b = 0; b < cb.count; b++) startC[b + 1] += startC[b];
  const curC = startC.slice(0, cb.count);
  // Interleaved (hour bucket, person) pairs.
  const pair2 = new Uint32Array(2 * s);
  for (let h = 0; h < hb.count; h++) {
    for (let j = startH[h], e = startH[h + 1]; j < e; j++) {
      const d = 2 * curC[pair1[2 * j]]++;
      pair2[d] = h;
      pair2[d + 1] = pair1[2 * j + 1];
    }
  }
  // Scan (camera, hour, person) order: a new point on a key change; postings compacted in place
  // into pair2 (write index w ≤ j < 2j: never ahead of what is still to be read).
  const pointStartTmp = new Uint32Array(s + 1);
  const pointHourTmp = new Uint32Array(s);
  const pointCamTmp = new Uint32Array(s);
  const camPointStart = new Uint32Array(cb.count + 1);
  const distinctCount = new Uint32Array(numPeople);
  let numPoints = 0;
  let w = 0;
  for (let c = 0; c < cb.count; c++) {
    camPointStart[c] = numPoints;
    let prevH = -1;
    let prevP = -1;
    for (let j = startC[c], e = startC[c + 1]; j < e; j++) {
      const h = pair2[2 * j];
      const p = pair2[2 * j + 1];
      if (h !== prevH) {
        pointStartTmp[numPoints] = w;
        pointHourTmp[numPoints] = h;
        pointCamTmp[numPoints] = c;
        numPoints++;
        prevH = h;
        prevP = -1;
      }
      if (p !== prevP) {
        pair2[w++] = p;
        distinctCount[p]++;
        prevP = p;
      }
    }
  }
  camPointStart[cb.count] = numPoints;
  pointStartTmp[numPoints] = w;
  const pointStart = pointStartTmp.slice(0, numPoints + 1);
  // Back from buckets to the values given.
  const pointCamera = new Uint32Array(numPoints);
  const pointHour = new Uint32Array(numPoints);
  for (let t = 0; t < numPoints; t++) {
    pointCamera[t] = cb.values === null ? pointCamTmp[t] + cOff : cb.values[pointCamTmp[t]];
    pointHour[t] = hb.values === null ? pointHourTmp[t] + hOff : hb.values[pointHourTmp[t]];
  }
  return { pointStart, postings: pair2.subarray(0, w), pointCamera, pointHour, camPointStart, cams: cb, distinctCount };
}

/**
 * Writes person p's distinct point ids, ascending, into `out` and returns
 * how many: each sighting's point is found by binary search among its
 * camera's points (ordered by hour).
 */
function personPointIds(index: PointIndex, start: Uint32Array, camera: Uint32Array, hour: Uint32Array, p: number, out: Uint32Array): number {
  const { camPointStart, pointHour, pointCamera, cams } = index;
  let m = 0;
  for (let i = start[p]; i < start[p + 1]; i++) {
    const c = camera[i];
    const b = bucketOf(cams, c);
    const h = hour[i];
    let lo = camPointStart[b];
    let hi = camPointStart[b + 1] - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pointHour[mid] < h) lo = mid + 1;
      else hi = mid;
    }
    // lo is the point (c, h): it exists because this sighting made it.
    out[m++] = lo;
  }
  // Sort (insertion sort for short traces) and drop repeats.
  if (m > 48) out.subarray(0, m).sort();
  else {
    for (let q = 1; q < m; q++) {
      const v = out[q];
      let r = q - 1;
      while (r >= 0 && out[r] > v) {
        out[r + 1] = out[r];
        r--;
      }
      out[r + 1] = v;
    }
  }
  let u = 0;
  for (let q = 0; q < m; q++) if (q === 0 || out[q] !== out[q - 1]) out[u++] = out[q];
  return u;
}

/** Counting-sort buckets: direct (value − offset) when the range is small, else ranks among the sorted distinct values. */
interface Buckets {
  /** Per sighting rank, or null when buckets are value − offset. */
  rank: Uint32Array | null;
  offset: number;
  count: number;
  /** Sorted distinct values (rank path), or null. */
  values: Uint32Array | null;
}

function bucketOf(b: Buckets, v: number): number {
  if (b.values === null) return v - b.offset;
  const vals = b.values;
  let lo = 0;
  let hi = vals.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (vals[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function buckets(values: Uint32Array, s: number): Buckets {
  if (s === 0) return { rank: null, offset: 0, count: 1, values: null };
  let min = values[0];
  let max = values[0];
  for (let i = 1; i < s; i++) {
    const v = values[i];
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  const range = max - min + 1;
  if (range <= Math.max(DENSE_LIMIT, 2 * s)) return { rank: null, offset: min, count: range, values: null };
  // Rare: sparse huge ids. Rank by sorting the distinct values.
  const sorted = values.slice(0, s).sort();
  let u = 0;
  for (let i = 0; i < s; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[u++] = sorted[i];
  const distinct = sorted.slice(0, u);
  const b: Buckets = { rank: null, offset: 0, count: u, values: distinct };
  const rank = new Uint32Array(s);
  for (let i = 0; i < s; i++) rank[i] = bucketOf(b, values[i]);
  b.rank = rank;
  return b;
}

function checkPoints(points: UnicityPoints): UnicityPoints {
  if (typeof points !== 'object' || points === null) throw new InvalidInputError(ORIGIN, 'points', 'must be an object { numPeople, start, camera, hour }', points);
  const { numPeople, start, camera, hour } = points;
  if (typeof numPeople !== 'number' || !Number.isInteger(numPeople) || numPeople < 1 || numPeople > 0xfffffffe) {
    throw new InvalidInputError(ORIGIN, 'points.numPeople', 'must be an integer >= 1', numPeople);
  }
  if (!(start instanceof Uint32Array)) throw new InvalidInputError(ORIGIN, 'points.start', 'must be a Uint32Array', start);
  if (start.length !== numPeople + 1) throw new InvalidInputError(ORIGIN, 'points.start', `must have length numPeople + 1 (${numPeople + 1})`, start.length);
  if (!(camera instanceof Uint32Array)) throw new InvalidInputError(ORIGIN, 'points.camera', 'must be a Uint32Array', camera);
  if (!(hour instanceof Uint32Array)) throw new InvalidInputError(ORIGIN, 'points.hour', 'must be a Uint32Array', hour);
  if (hour.length !== camera.length) throw new InvalidInputError(ORIGIN, 'points.hour', `must have the same length as points.camera (${camera.length})`, hour.length);
  if (start[0] !== 0) throw new InvalidInputError(ORIGIN, 'points.start[0]', 'must be 0', start[0]);
  for (let p = 0; p < numPeople; p++) {
    if (start[p + 1] < start[p]) throw new InvalidInputError(ORIGIN, `points.start[${p + 1}]`, `must be >= points.start[${p}] (${start[p]})`, start[p + 1]);
  }
  if (start[numPeople] !== camera.length) {
    throw new InvalidInputError(ORIGIN, `points.start[${numPeople}]`, `must equal the number of sightings (${camera.length})`, start[numPeople]);
  }
  if (start[numPeople] === 0) throw new InvalidInputError(ORIGIN, 'points', 'must hold at least one sighting', 0);
  return points;
}

/**
 * Standard normal quantile (P. J. Acklam's rational approximation, relative
 * error below 1.15e-9).
 * @internal
 */
export function normalQuantile(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const pl = 0.02425;
  let x: number;
  if (p < pl) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - pl) {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  return x;
}
