/**
 * Lazy greedy maximisation of a monotone submodular set function: CELF
 * (Leskovec et al., "Cost-effective outbreak detection in networks", KDD
 * 2007), after Minoux's accelerated greedy (1978).
 *
 * Every candidate sits in a max-heap keyed by its marginal gain as last
 * computed. By submodularity a gain can only fall as the chosen set grows,
 * so a stale key is an upper bound: the top of the heap is re-evaluated,
 * and picked when its fresh gain is still the largest key. Ties go to the
 * lower index, so the pick order equals the plain greedy's.
 */

/**
 * The ordering key of a gain: the gain rounded to 10 significant digits, so
 * that gains equal up to floating-point noise (two headings of one pole
 * seeing the same area, measured along different paths) tie, and the tie
 * goes to the lower index.
 */
export function orderKey(g: number): number {
  if (!(g > 0)) return g;
  const e = Math.pow(10, Math.floor(Math.log10(g)) - 9);
  return Math.round(g / e) * e;
}

/** A binary max-heap of (key, id) ordered by key, then by lower id. */
export class MaxHeap {
  private keys: Float64Array;
  private ids: Int32Array;
  private stamps: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(Math.max(4, capacity));
    this.ids = new Int32Array(Math.max(4, capacity));
    this.stamps = new Int32Array(Math.max(4, capacity));
  }

  private above(a: number, b: number): boolean {
    const ka = this.keys[a];
    const kb = this.keys[b];
    return ka > kb || (ka === kb && this.ids[a] < this.ids[b]);
  }

  private swap(a: number, b: number): void {
    const k = this.keys[a];
    this.keys[a] = this.keys[b];
    this.keys[b] = k;
    const i = this.ids[a];
    this.ids[a] = this.ids[b];
    this.ids[b] = i;
    const s = this.stamps[a];
    this.stamps[a] = this.stamps[b];
    this.stamps[b] = s;
  }

  push(key: number, id: number, stamp: number): void {
    if (this.size === this.keys.length) {
      const grow = <T extends Float64Array | Int32Array>(a: T): T => {
        const out = new (a.constructor as new (n: number) => T)(a.length * 2);
        out.set(a);
        return out;
      };
      this.keys = grow(this.keys);
      this.ids = grow(this.ids);
      this.stamps = grow(this.stamps);
    }
    let c = this.size++;
    this.keys[c] = key;
    this.ids[c] = id;
    this.stamps[c] = stamp;
    while (c > 0) {
      const p = (c - 1) >> 1;
      if (!this.above(c, p)) break;
      this.swap(c, p);
      c = p;
    }
  }

  topKey(): number {
    return this.keys[0];
  }
  topId(): number {
    return this.ids[0];
  }
  topStamp(): number {
    return this.stamps[0];
  }

  pop(): void {
    this.size--;
    if (this.size === 0) return;
    this.keys[0] = this.keys[this.size];
    this.ids[0] = this.ids[this.size];
    this.stamps[0] = this.stamps[this.size];
    let c = 0;
    for (;;) {
      const l = 2 * c + 1;
      const r = l + 1;
      let m = c;
      if (l < this.size && this.above(l, m)) m = l;
      if (r < this.size && this.above(r, m)) m = r;
      if (m === c) break;
      this.swap(c, m);
      c = m;
    }
  }
}

/** What {@link lazyGreedy} returns. */
export interface LazyGreedyResult {
  chosen: number[];
  gains: number[];
  /** Gain evaluations made (initial ones and those of the online bound included). */
  evaluations: number;
  /** Sum of the k largest marginal gains left after the last pick, over every unpicked candidate (Minoux's online bound term). */
  remainingTopK: number;
}

/**
 * Picks up to k candidates greedily by exact marginal gain, lazily.
 * Stops early when no eligible candidate has a positive gain.
 *
 * @param numCandidates - candidates 0 … numCandidates − 1
 * @param k - how many to pick
 * @param gain - exact marginal gain of candidate c given the picks so far
 * @param pick - records candidate c as picked (updates the state gain reads)
 * @param eligible - whether candidate c may still be picked
 */
export function lazyGreedy(numCandidates: number, k: number, gain: (c: number) => number, pick: (c: number) => void, eligible: (c: number) => boolean): LazyGreedyResult {
  const heap = new MaxHeap(numCandidates);
  // The exact gain last computed per candidate (the heap orders by its rounded key).
  const last = new Float64Array(numCandidates);
  let evaluations = 0;
  for (let c = 0; c < numCandidates; c++) {
    if (!eligible(c)) continue;
    const g = gain(c);
    last[c] = g;
    evaluations++;
    if (g > 0) heap.push(orderKey(g), c, 0);
  }
  const chosen: number[] = [];
  const gains: number[] = [];
  let round = 0;
  while (chosen.length < k && heap.size > 0) {
    const c = heap.topId();
    if (!eligible(c)) {
      heap.pop();
      continue;
    }
    if (heap.topStamp() === round) {
      chosen.push(c);
      gains.push(last[c]);
      heap.pop();
      pick(c);
      round++;
      continue;
    }
    heap.pop();
    const g = gain(c);
    last[c] = g;
    evaluations++;
    if (g > 0) heap.push(orderKey(g), c, round);
  }
  // The online bound's term: the k largest marginal gains, given the final
  // picks, of the candidates not picked — excluded ones too (an optimal set
  // may hold candidates the constraints now rule out). The last gain computed
  // for a candidate bounds its current one (submodularity), so the k largest
  // are found lazily: the largest bound is refreshed until k fresh gains lead.
  const picked = new Uint8Array(numCandidates);
  for (const c of chosen) picked[c] = 1;
  const bounds = new MaxHeap(numCandidates);
  for (let c = 0; c < numCandidates; c++) if (picked[c] === 0 && last[c] > 0) bounds.push(last[c], c, 0);
  let remainingTopK = 0;
  let taken = 0;
  while (taken < k && bounds.size > 0) {
    const c = bounds.topId();
    const fresh = bounds.topStamp() === 1;
    const key = bounds.topKey();
    bounds.pop();
    if (fresh) {
      remainingTopK += key;
      taken++;
      continue;
    }
    const g = gain(c);
    evaluations++;
    if (g > 0) bounds.push(g, c, 1);
  }
  return { chosen, gains, evaluations, remainingTopK };
}
