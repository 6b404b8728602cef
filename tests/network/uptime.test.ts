/**
 * simulateUptime: alternating renewal processes checked against their closed
 * forms (long-run availability MTBF/(MTBF + MTTR), mean outage length MTTR,
 * probability that a component stays up a whole day A·e^(−24/MTBF)), by
 * seed, and on hand-worked networks.
 */
import { describe, expect, it } from 'vitest';
import { simulateUptime, UPTIME_DURATION_BINS_HOURS } from '../../src/network/uptime.js';
import { createCommandNetwork, createNetworkGraph, type CommandNetwork } from '../../src/network/command-network.js';
import { InvalidInputError } from '../../src/core/errors.js';
import { cams, handNetwork, link, node } from './faults-helpers.js';

/** A centre and one aggregation node in district "d", with `n` cameras on the aggregation node; every node and link always up. */
function oneDistrict(n: number, live = false): CommandNetwork {
  const g = createNetworkGraph();
  g.addNode('C', node('city-centre', 1, 1000));
  g.addNode('A', node('aggregation', 1, 0, 'd'));
  g.addEdge('A', 'C', link(1));
  const c = cams(Array.from({ length: n }, () => ({ live })));
  return createCommandNetwork(g, c, { cameraNode: new Array(n).fill('A'), cameraMbps: new Array(n).fill(1) });
}

describe('simulateUptime', () => {
  // MTBF 100 h, MTTR 10 h: A = 100/110.
  const mtbf = 100, mttr = 10;
  const A = mtbf / (mtbf + mttr);
  const long = simulateUptime(oneDistrict(50), { days: 4000, cameraMtbfHours: mtbf, cameraRepairHours: mttr, powerFailuresPerYear: 0, seed: 3, tolerance: 0 });
  const cam = long.kinds.camera;

  it('reports the closed-form availability MTBF/(MTBF + MTTR) and the simulated one agrees within 4 standard errors', () => {
    expect(cam.expectedAvailability).toBeCloseTo(A, 12);
    // Time-average of a two-state Markov process over T: variance ≈ 2A(1 − A)/((λ + μ)T); 50 independent cameras.
    const T = 4000 * 24;
    const se = Math.sqrt((2 * A * (1 - A)) / ((1 / mtbf + 1 / mttr) * T) / 50);
    expect(Math.abs(cam.simulatedAvailability - A)).toBeLessThan(4 * se);
  });

  it('gives a mean outage length of MTTR = 1/μ within 4 standard errors (exponential: sd = mean)', () => {
    expect(cam.expectedMeanOutageHours).toBeCloseTo(mttr, 12);
    expect(cam.outages).toBeGreaterThan(10_000);
    const se = mttr / Math.sqrt(cam.outages);
    expect(Math.abs(cam.meanOutageHours! - mttr)).toBeLessThan(4 * se);
    // Exponential median = MTTR·ln 2.
    expect(Math.abs(cam.medianOutageHours! - mttr * Math.LN2)).toBeLessThan(0.05 * mttr);
    expect(cam.histogram.reduce((a, b) => a + b, 0)).toBe(cam.outages);
    expect(cam.histogram).toHaveLength(UPTIME_DURATION_BINS_HOURS.length + 1);
  });

  it('counts about λT outages per camera: T/(MTBF + MTTR)', () => {
    const expected = (50 * 4000 * 24) / (mtbf + mttr);
    expect(Math.abs(cam.outages - expected)).toBeLessThan(4 * Math.sqrt(expected));
  });

  it('finds a one-camera district fully covered (tolerance 0) on the share of days A·exp(−24/MTBF) that the camera is up all day', () => {
    const one = simulateUptime(oneDistrict(1), { days: 20_000, cameraMtbfHours: mtbf, cameraRepairHours: mttr, powerFailuresPerYear: 0, seed: 5, tolerance: 0 });
    const p = A * Math.exp(-24 / mtbf);
    const share = one.districts[0].fullyCoveredShare!;
    // Days are weakly dependent (a down day makes the next one likelier down): allow 5 binomial standard errors, doubled.
    expect(Math.abs(share - p)).toBeLessThan(10 * Math.sqrt((p * (1 - p)) / 20_000));
  });

  it('makes the mean watching share of a district A_camera × A_power (independent processes)', () => {
    const r = simulateUptime(oneDistrict(20), { days: 8000, cameraMtbfHours: mtbf, cameraRepairHours: mttr, powerFailuresPerYear: 50, powerRepairHours: 20, seed: 9 });
    const aPow = r.kinds.power.expectedAvailability;
    expect(aPow).toBeCloseTo((8760 / 50 - 20) / (8760 / 50), 12);
    expect(Math.abs(r.districts[0].meanWatchingShare! - A * aPow)).toBeLessThan(0.01);
    expect(r.districts[0].powerCutHours).toBeGreaterThan(0);
  });

  it('is determined by its seed', () => {
    const o = { days: 30, cameraMtbfHours: 200, cameraRepairHours: 10, powerFailuresPerYear: 20 };
    const a = simulateUptime(handNetwork(), { ...o, seed: 'x' });
    const b = simulateUptime(handNetwork(), { ...o, seed: 'x' });
    const c = simulateUptime(handNetwork(), { ...o, seed: 'y' });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a.kinds)).not.toBe(JSON.stringify(c.kinds));
  });

  it('on a hand-worked network keeps the live share at the one stream left when node A is always down (availability 0)', () => {
    const g = createNetworkGraph();
    g.addNode('C', node('city-centre', 1, 10));
    g.addNode('H', node('district-hub', 1, 0, 'd1'));
    g.addNode('A', node('aggregation', 0, 0, 'd1'));
    g.addNode('B', node('aggregation', 1, 0, 'd2'));
    g.addEdge('H', 'C', link(1));
    g.addEdge('A', 'H', link(1));
    g.addEdge('B', 'H', link(1));
    const c = cams([{ live: true }, { live: true }, { live: true }, { live: false }]);
    const net = createCommandNetwork(g, c, { cameraNode: ['A', 'A', 'B', 'B'], cameraMbps: [1, 1, 1, 1], });
    const r = simulateUptime(net, { days: 10, cameraMtbfHours: 1e12, powerFailuresPerYear: 0 });
    // 3 live cameras of 4; A's two are cut off: liveShare = 1/4 every day; with everything up 3/4.
    expect(r.baselineLiveShare).toBe(0.75);
    expect(r.daily.liveShare).toEqual(new Array(10).fill(0.25));
    expect(r.daily.minLiveShare).toEqual(new Array(10).fill(0.25));
    expect(r.kinds.node.simulatedAvailability).toBe(0.75);
    expect(r.kinds.node.outages).toBe(0);
    // Node outages do not darken cameras (area unaffected): both districts fully covered every day.
    expect(r.districts.map((d) => d.fullyCoveredDays)).toEqual([10, 10]);
    expect(r.daily.watchingShare).toEqual(new Array(10).fill(1));
  });

  it('darkens a whole district for a power cut: not fully covered that day, watching share 0 while it lasts', () => {
    const r = simulateUptime(oneDistrict(5), { days: 200, cameraMtbfHours: 1e12, powerFailuresPerYear: 30, powerRepairHours: 5, seed: 2 });
    const d = r.districts[0];
    expect(d.worstWatchingShare).toBe(0);
    // Each day is fully covered exactly when no power cut touches it; power-cut hours bound the watching loss.
    expect(d.fullyCoveredDays).toBeLessThan(200);
    expect(1 - d.meanWatchingShare!).toBeCloseTo(d.powerCutHours / (200 * 24), 12);
  });

  it('refuses bad options naming the field', () => {
    expect(() => simulateUptime(handNetwork(), { days: 0 })).toThrow(/options\.days/);
    expect(() => simulateUptime(handNetwork(), { cameraMtbfHours: -1 })).toThrow(InvalidInputError);
    expect(() => simulateUptime(handNetwork(), { nodeRepairHours: { hub: 3 } as never })).toThrow(/nodeRepairHours\.hub/);
    expect(() => simulateUptime(handNetwork(), { tolerance: 1 })).toThrow(/tolerance/);
    expect(() => simulateUptime(handNetwork(), { bogus: 1 } as never)).toThrow(/bogus/);
  });
});
