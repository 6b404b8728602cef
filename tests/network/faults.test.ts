import { describe, expect, it } from 'vitest';
import { InvalidInputError, NotFoundError } from '../../src/core/errors.js';
import type { CommandNetwork } from '../../src/network/command-network.js';
import { createFaultScenario, evaluateFaultScenario, type FaultScenario } from '../../src/network/faults-scenario.js';
import { sampleOutageScenario, simulateOutages } from '../../src/network/faults-simulate.js';
import { normalQuantile, summariseTrials } from '../../src/network/faults-stats.js';
import { handNetwork, randomNetwork } from './faults-helpers.js';

/** Exact expected live share (and reached share) by enumerating every up/down state of nodes and links. */
function bruteForce(net: CommandNetwork): { liveShare: number; reachedShare: number } {
  const N = net.numNodes;
  const L = net.numLinks;
  let live = 0;
  let reached = 0;
  for (let mask = 0; mask < 1 << (N + L); mask++) {
    const s: FaultScenario = {
      nodeUp: new Uint8Array(N),
      linkUp: new Uint8Array(L),
      cameraUp: new Uint8Array(net.numCameras).fill(1),
      districtsDown: [],
      provenance: { generator: 'test', seed: null, params: {} },
    };
    let p = 1;
    for (let v = 0; v < N; v++) {
      const up = (mask >> v) & 1;
      s.nodeUp[v] = up;
      p *= up ? net.nodeAvailability[v] : 1 - net.nodeAvailability[v];
    }
    for (let l = 0; l < L; l++) {
      const up = (mask >> (N + l)) & 1;
      s.linkUp[l] = up;
      p *= up ? net.linkAvailability[l] : 1 - net.linkAvailability[l];
    }
    if (p === 0) continue;
    const e = evaluateFaultScenario(net, s);
    live += p * e.live.liveShare;
    reached += p * e.reachedShare;
  }
  return { liveShare: live, reachedShare: reached };
}

describe('evaluateFaultScenario and createFaultScenario', () => {
  it('routes around what is down and counts live cameras by hand', () => {
    const net = handNetwork();
    // All up: 3 live cameras reached, no analytics demand (no face cameras): liveShare 3/4.
    expect(evaluateFaultScenario(net, createFaultScenario(net)).live.liveShare).toBe(0.75);
    // Link A->H down: A's 2 live cameras cut off; B's 1 live camera still served: 1/4. A's cameras are up but cut off (2).
    const e = evaluateFaultScenario(net, createFaultScenario(net, { linksDown: [net.graph.edge('A', 'H')!] }));
    expect(e.live.liveShare).toBe(0.25);
    expect(e.camerasCutOff).toBe(2);
    expect(e.linksDown).toBe(1);
    // Hub H down: nobody reaches C.
    expect(evaluateFaultScenario(net, createFaultScenario(net, { nodesDown: ['H'] })).live.liveShare).toBe(0);
    // District d2 loses power: B down and its 2 cameras dark (1 of them live).
    const d = evaluateFaultScenario(net, createFaultScenario(net, { districtsDown: ['d2'] }));
    expect(d.camerasDark).toBe(2);
    expect(d.liveCamerasDark).toBe(1);
    expect(d.live.liveShare).toBe(0.5);
    expect(d.camerasCutOff).toBe(0);
    // Camera 0 dark: one live camera of A fewer.
    const c = evaluateFaultScenario(net, createFaultScenario(net, { camerasDown: [0] }));
    expect(c.live.liveShare).toBe(0.5);
    expect(c.live.liveCameras).toBe(2);
    // Unit A destroyed: A down and its 2 cameras dark; B's live camera served: 1/4.
    const u = evaluateFaultScenario(net, createFaultScenario(net, { unitsDestroyed: ['A'] }));
    expect(u.camerasDark).toBe(2);
    expect(u.nodesDown).toBe(1);
    expect(u.live.liveShare).toBe(0.25);
  });

  it('throws typed errors naming the item', () => {
    const net = handNetwork();
    expect(() => createFaultScenario(net, { nodesDown: ['nope'] })).toThrow(NotFoundError);
    expect(() => createFaultScenario(net, { nodesDown: ['nope'] })).toThrow(/input\.nodesDown\[0\] "nope"/);
    expect(() => createFaultScenario(net, { linksDown: ['X->Y'] })).toThrow(NotFoundError);
    expect(() => createFaultScenario(net, { linksDown: [9] })).toThrow(InvalidInputError);
    expect(() => createFaultScenario(net, { nodesDown: [7] })).toThrow(/input\.nodesDown\[0\]/);
    expect(() => createFaultScenario(net, { camerasDown: [4] })).toThrow(/input\.camerasDown\[0\]/);
    expect(() => createFaultScenario(net, { districtsDown: ['d9'] })).toThrow(NotFoundError);
    expect(() => createFaultScenario(net, { nodesDown: 'H' as never })).toThrow(InvalidInputError);
    expect(() => createFaultScenario({} as never)).toThrow(/network/);
    const s = createFaultScenario(net);
    expect(() => evaluateFaultScenario(net, { ...s, nodeUp: new Uint8Array(2) })).toThrow(/scenario\.nodeUp\.length/);
    expect(() => evaluateFaultScenario(net, { ...s, linkUp: new Uint8Array([1, 2, 1]) })).toThrow(/scenario\.linkUp\[1\]/);
    expect(() => evaluateFaultScenario(net, s, { centreKinds: ['x' as never] })).toThrow(/centreKinds\[0\]/);
    expect(() => evaluateFaultScenario(net, s, { analyticsDemand: 'all' as never })).toThrow(/analyticsDemand/);
  });
});

describe('simulateOutages', () => {
  it('matches the hand-worked expected live share within its confidence interval', () => {
    const net = handNetwork();
    // By hand (see faults-helpers): E[liveShare] = (2 · 0.8 · 0.5 · 0.9 + 0.9) / 4 = 0.405.
    expect(bruteForce(net).liveShare).toBeCloseTo(0.405, 12);
    const sim = simulateOutages(net, { trials: 20_000, seed: 3, confidence: 0.999 });
    expect(sim.liveShare.ci.low).toBeLessThanOrEqual(0.405);
    expect(sim.liveShare.ci.high).toBeGreaterThanOrEqual(0.405);
    expect(sim.baseline.liveShare).toBe(0.75);
    expect(sim.params.seed).toBe('3');
  });

  it('agrees with brute force over all up/down states on small random networks', () => {
    for (const seed of [1, 2, 3, 4]) {
      const net = randomNetwork(seed, 5);
      const exact = bruteForce(net);
      const sim = simulateOutages(net, { trials: 20_000, seed: seed * 11, confidence: 0.999 });
      expect(exact.liveShare).toBeGreaterThanOrEqual(sim.liveShare.ci.low);
      expect(exact.liveShare).toBeLessThanOrEqual(sim.liveShare.ci.high);
      expect(exact.reachedShare).toBeGreaterThanOrEqual(sim.reachedShare.ci.low);
      expect(exact.reachedShare).toBeLessThanOrEqual(sim.reachedShare.ci.high);
    }
  });

  it('blacks out districts: nodes down and their cameras dark', () => {
    const net = handNetwork();
    // d2 always blacked out, no other outages: B down with its 2 cameras dark; A's 2 live cameras served: 2/4.
    const sim = simulateOutages(net, { trials: 50, seed: 1, nodeOutages: false, linkOutages: false, districtBlackout: { d2: 1 } });
    expect(sim.liveShare.min).toBe(0.5);
    expect(sim.liveShare.max).toBe(0.5);
    expect(Array.from(sim.trials!.camerasDark).every((d) => d === 2)).toBe(true);
    expect(sim.blackoutTrialShare).toBe(1);
    expect(sim.params.districtBlackout).toEqual({ d2: 1 });
    // Blackout probability 0.3 for every district, no other outages: d1 (H, A) or d2 (B).
    // E[live served] = P(d1 up) · (2 + P(d2 up) · 1) = 0.7 · 2.7 = 1.89; liveShare 0.4725.
    const s2 = simulateOutages(net, { trials: 20_000, seed: 5, nodeOutages: false, linkOutages: false, districtBlackout: 0.3, confidence: 0.999 });
    expect(s2.liveShare.ci.low).toBeLessThanOrEqual(0.4725);
    expect(s2.liveShare.ci.high).toBeGreaterThanOrEqual(0.4725);
  });

  it('darkens cameras with their own availability', () => {
    const net = handNetwork();
    // Only camera outages at 0.5: E[liveShare] = 0.5 · 3 / 4 = 0.375.
    const sim = simulateOutages(net, { trials: 20_000, seed: 9, nodeOutages: false, linkOutages: false, cameraAvailability: 0.5, confidence: 0.999 });
    expect(sim.liveShare.ci.low).toBeLessThanOrEqual(0.375);
    expect(sim.liveShare.ci.high).toBeGreaterThanOrEqual(0.375);
    const per = simulateOutages(net, { trials: 10, seed: 9, nodeOutages: false, linkOutages: false, cameraAvailability: [1, 1, 0, 1] });
    expect(per.liveShare.mean).toBe(0.5);
    expect(per.params.cameraAvailability).toBe('per-camera');
  });

  it('is deterministic per seed and reproduces single trials', () => {
    const net = randomNetwork(7, 6);
    const opts = { trials: 200, seed: 'abc', districtBlackout: 0.1, cameraAvailability: 0.9 };
    const a = simulateOutages(net, opts);
    const b = simulateOutages(net, opts);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(Array.from(a.trials!.liveShare)).toEqual(Array.from(b.trials!.liveShare));
    const c = simulateOutages(net, { ...opts, seed: 'abd' });
    expect(Array.from(c.trials!.liveShare)).not.toEqual(Array.from(a.trials!.liveShare));
    // Trial t does not depend on the number of trials.
    const short = simulateOutages(net, { ...opts, trials: 20 });
    expect(Array.from(short.trials!.liveShare)).toEqual(Array.from(a.trials!.liveShare.subarray(0, 20)));
    for (const t of [0, 5, 19]) {
      const s = sampleOutageScenario(net, opts, t);
      const e = evaluateFaultScenario(net, s);
      expect(e.live.liveShare).toBe(a.trials!.liveShare[t]);
      expect(e.camerasDark).toBe(a.trials!.camerasDark[t]);
      expect(e.nodesDown).toBe(a.trials!.nodesDown[t]);
    }
  });

  it('gives a seeded bootstrap interval when asked', () => {
    const net = randomNetwork(2, 5);
    const a = simulateOutages(net, { trials: 300, seed: 4, ci: 'bootstrap', resamples: 500 });
    const b = simulateOutages(net, { trials: 300, seed: 4, ci: 'bootstrap', resamples: 500 });
    expect(a.liveShare.ci).toEqual(b.liveShare.ci);
    expect(a.liveShare.ci.method).toBe('bootstrap');
    expect(a.liveShare.ci.low).toBeLessThanOrEqual(a.liveShare.mean);
    expect(a.liveShare.ci.high).toBeGreaterThanOrEqual(a.liveShare.mean);
  });

  it('throws typed errors for bad options', () => {
    const net = handNetwork();
    expect(() => simulateOutages(net, { trials: 0 })).toThrow(/options\.trials/);
    expect(() => simulateOutages(net, { trials: 1.5 })).toThrow(InvalidInputError);
    expect(() => simulateOutages(net, { districtBlackout: 2 })).toThrow(/options\.districtBlackout/);
    expect(() => simulateOutages(net, { districtBlackout: { d9: 0.1 } })).toThrow(NotFoundError);
    expect(() => simulateOutages(net, { districtBlackout: { d1: -1 } })).toThrow(/districtBlackout\["d1"\]/);
    expect(() => simulateOutages(net, { cameraAvailability: [1, 1] })).toThrow(/cameraAvailability\.length/);
    expect(() => simulateOutages(net, { cameraAvailability: [1, 1, 1, 7] })).toThrow(/cameraAvailability\[3\]/);
    expect(() => simulateOutages(net, { nodeOutages: 'yes' as never })).toThrow(/nodeOutages/);
    expect(() => simulateOutages(net, { ci: 'exact' as never })).toThrow(/options\.ci/);
    expect(() => simulateOutages(net, { confidence: 1 })).toThrow(/confidence/);
    expect(() => simulateOutages(net, { resamples: 10 })).toThrow(/resamples/);
    expect(() => simulateOutages(net, { seed: NaN })).toThrow(/seed/);
    expect(() => simulateOutages(null as never)).toThrow(/network/);
    expect(() => sampleOutageScenario(net, {}, -1)).toThrow(/trial/);
    const noDistricts = randomNetwork(1, 2);
    expect(noDistricts.numNodes).toBe(2);
  });
});

describe('summariseTrials', () => {
  it('computes mean, sample sd, quantiles and the normal interval', () => {
    // 1, 2, 3, 4: mean 2.5, sample variance 5/3, sd 1.29099…; half width 1.959964 · sd / 2.
    const s = summariseTrials([4, 1, 3, 2]);
    expect(s.mean).toBe(2.5);
    expect(s.sd).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(s.p50).toBe(2.5);
    expect(s.p25).toBe(1.75);
    expect(s.ci.low).toBeCloseTo(2.5 - (1.959964 * Math.sqrt(5 / 3)) / 2, 4);
    expect(s.ci.high).toBeCloseTo(2.5 + (1.959964 * Math.sqrt(5 / 3)) / 2, 4);
    expect(summariseTrials([3]).ci).toMatchObject({ low: 3, high: 3 });
  });

  it('uses an accurate normal quantile', () => {
    // Reference values: Φ⁻¹(0.975) = 1.959963985, Φ⁻¹(0.995) = 2.575829304, Φ⁻¹(0.01) = −2.326347874.
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 8);
    expect(normalQuantile(0.995)).toBeCloseTo(2.575829304, 8);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326347874, 8);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it('throws on empty or non-finite samples', () => {
    expect(() => summariseTrials([])).toThrow(/values\.length/);
    expect(() => summariseTrials([1, NaN])).toThrow(/values\[1\]/);
    expect(() => summariseTrials([1], { ci: 'x' as never })).toThrow(/options\.ci/);
  });
});
