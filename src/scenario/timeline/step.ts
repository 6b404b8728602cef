/**
 * The timeline's year step: after the cameras step, keeps the cameras of
 * the year `spec.timelineYear` — the first `cameras` of one seeded ordering
 * of the base set — and, with the year's `liveShare`, marks the first
 * round(liveShare × cameras) of them in that ordering live and the rest not.
 * Everything after it (coverage, network, exposure, retention) sees only the
 * year's cameras.
 *
 * Nesting: the ordering depends only on the base set's size and the timeline
 * seed, so for two years with counts a ≤ b the cameras of the first are among
 * those of the second (and so are the live cameras when the live counts
 * grow): the years differ by the cameras added, not by a fresh draw.
 */
import { InvalidInputError } from '../../core/index.js';
import { createRng } from '../../core/index.js';
import { recordCameraMetrics } from '../model/step.js';
import type { ScenarioContext, ScenarioStep } from '../steps.js';
import type { ScenarioSpec } from '../schema.js';

/** The seed of the camera ordering of a timeline. */
export function timelineOrderSeed(spec: ScenarioSpec): string {
  return spec.timeline?.seed !== undefined ? String(spec.timeline.seed) : `${String(spec.seed)}/timeline-order`;
}

/**
 * A seeded ordering of 0..n−1 (Fisher–Yates).
 *
 * @param n - number of cameras
 * @param seed - the ordering's seed
 * @returns a permutation of 0..n−1
 * @example cameraOrdering(5, 'x') // a permutation of [0, 1, 2, 3, 4]
 */
export function cameraOrdering(n: number, seed: string): Uint32Array {
  const rng = createRng(seed);
  const p = new Uint32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}

const yearStep: ScenarioStep = {
  id: 'timeline-year',
  label: 'Timeline: the cameras of the year',
  enabled: (spec) => spec.timelineYear !== undefined,
  run(ctx: ScenarioContext) {
    const spec = ctx.spec;
    const years = spec.timeline?.years ?? [];
    const i = years.findIndex((y) => y.year === spec.timelineYear);
    if (i < 0 || years[i].cameras === undefined) {
      throw new InvalidInputError('runScenario', 'timelineYear', `must be a year of timeline.years with cameras (${years.filter((y) => y.cameras !== undefined).map((y) => y.year).join(', ') || 'none'})`, spec.timelineYear);
    }
    const row = years[i];
    const base = ctx.cameras!;
    const n = row.cameras!;
    if (n > base.numCameras) {
      throw new InvalidInputError('runScenario', `timeline.years[${i}].cameras`, `must be at most the ${base.numCameras} cameras the cameras section builds (the base set the years are drawn from)`, n);
    }
    const order = cameraOrdering(base.numCameras, timelineOrderSeed(spec));
    const prefix = order.slice(0, n);
    const ids = Uint32Array.from(prefix).sort();
    const sub = base.subset(ids);
    let liveNote = "each camera keeps the base set's live flag";
    if (row.liveShare !== undefined) {
      const numLive = Math.round(row.liveShare * n);
      // Position of each base id in the (sorted) subset.
      const at = new Map<number, number>();
      for (let k = 0; k < ids.length; k++) at.set(ids[k], k);
      sub.live.fill(0);
      for (let k = 0; k < numLive; k++) sub.live[at.get(prefix[k])!] = 1;
      liveNote = `${numLive} of them live (the first in the ordering)`;
    }
    ctx.cameras = sub;
    const before = ctx.metrics.cameras!;
    recordCameraMetrics(ctx, sub, before.perSource, before.importReports);
    ctx.assumptions.push({
      topic: `Cameras in ${row.year}${row.label ? ` (${row.label})` : ''}`,
      value: `${n.toLocaleString('en-US')} (${row.series}); ${liveNote}`,
      source: `the count of ${row.series} cameras reported for ${row.label ?? row.year}; which of the base set's ${base.numCameras.toLocaleString('en-US')} cameras: the first ${n.toLocaleString('en-US')} of one seeded ordering (assumption: where the cameras of that year stood is not published)`,
      sources: [row.source!],
      kind: 'sourced',
    });
  },
};

/** The timeline part's steps (run after the model's). */
export const TIMELINE_STEPS: readonly ScenarioStep[] = [yearStep];
