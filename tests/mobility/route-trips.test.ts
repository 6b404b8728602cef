import { describe, expect, test } from 'vitest';
import { generateGridCity } from '../../src/city/generate-grid-city.js';
import { buildStreetNetwork } from '../../src/mobility/build-street-network.js';
import { createResidents } from '../../src/mobility/residents.js';
import { RouteScratch, routeTrips, routeValidated, TRAVEL_SPEEDS } from '../../src/mobility/route-trips.js';
import { arcHead, arcTail, shortestPathTree } from '../../src/mobility/shortest-paths.js';
import { planTrips, type TripPlans } from '../../src/mobility/trip-plans.js';
import { MODE_WALK } from '../../src/mobility/trip-set.js';
import { gridStreetGraph } from './helpers.js';

function setup() {
  const city = generateGridCity({ boundary: [0, 0, 3000, 2000], blockSize: 150, population: 30000, buildings: false, jitter: 20, seed: 4 });
  const network = buildStreetNetwork(city.streets);
  const residents = createResidents(city, network, { numResidents: 600, seed: 1 });
  const plans = planTrips(city, network, residents, { seed: 2 });
  return { city, network, residents, plans };
}

/** A plan table by hand (only the columns routing reads matter). */
function handPlans(origin: number[], dest: number[]): TripPlans {
  const n = origin.length;
  return {
    numPlans: n,
    person: Uint32Array.from(origin.map((_, i) => i)),
    day: new Uint16Array(n),
    purpose: new Uint8Array(n).fill(1),
    mode: new Uint8Array(n),
    departure: Float64Array.from(origin.map((_, i) => 3600 * i)),
    originZone: new Uint32Array(n),
    destZone: new Uint32Array(n),
    originNode: Uint32Array.from(origin),
    destNode: Uint32Array.from(dest),
    distance: new Float64Array(n),
    seed: 'hand',
    params: {},
  };
}

describe('routeTrips', () => {
  test('routes every plan on a shortest path from its origin to its destination, in plan order', () => {
    const { network, plans } = setup();
    const { trips, unreachable, numTrees } = routeTrips(network, plans);
    expect(unreachable.count).toBe(0);
    expect(trips.numTrips).toBe(plans.numPlans);
    const origins = new Set(plans.originNode);
    expect(numTrees).toBe(origins.size);
    for (let t = 0; t < trips.numTrips; t++) {
      const p = trips.planId[t];
      expect(p).toBe(t);
      expect(trips.person[t]).toBe(plans.person[p]);
      expect(trips.departure[t]).toBe(plans.departure[p]);
      expect(trips.speed[t]).toBe(Math.fround(plans.mode[p] === MODE_WALK ? TRAVEL_SPEEDS.walk : TRAVEL_SPEEDS.car));
      let at = plans.originNode[p];
      let len = 0;
      for (let k = trips.pathStart[t]; k < trips.pathStart[t + 1]; k++) {
        const a = trips.pathArcs[k];
        expect(arcTail(network, a)).toBe(at);
        at = arcHead(network, a);
        len += network.edgeLength[a >> 1];
      }
      expect(at).toBe(plans.destNode[p]);
      expect(trips.length[t]).toBeCloseTo(len, 6);
    }
    // Lengths are shortest: compare a sample with independent full searches.
    for (let t = 0; t < trips.numTrips; t += 37) {
      const tree = shortestPathTree(network, plans.originNode[t]);
      expect(trips.length[t]).toBe(tree.dist[plans.destNode[t]]);
    }
  });

  test('shares routed separately and concatenated equal routing all plans (any split)', () => {
    const { network, plans } = setup();
    const whole = routeTrips(network, plans).trips;
    const cuts = [0, 1, 250, 251, 700, plans.numPlans];
    const parts = [];
    for (let i = 0; i + 1 < cuts.length; i++) {
      const ids = new Uint32Array(cuts[i + 1] - cuts[i]);
      for (let k = 0; k < ids.length; k++) ids[k] = cuts[i] + k;
      parts.push(routeTrips(network, plans, { planIds: ids }).trips);
    }
    expect(parts.reduce((s, p) => s + p.numTrips, 0)).toBe(whole.numTrips);
    const arcs = parts.flatMap((p) => Array.from(p.pathArcs));
    expect(arcs).toEqual(Array.from(whole.pathArcs));
    const lengths = parts.flatMap((p) => Array.from(p.length));
    expect(lengths).toEqual(Array.from(whole.length));
    const ids = parts.flatMap((p) => Array.from(p.planId));
    expect(ids).toEqual(Array.from(whole.planId));
    // Interleaved shares (even / odd) too: each trip equals the whole run's trip of that plan.
    const odd = routeTrips(network, plans, { planIds: Uint32Array.from({ length: plans.numPlans >> 1 }, (_, i) => 2 * i + 1) }).trips;
    for (let t = 0; t < odd.numTrips; t++) {
      const p = odd.planId[t];
      expect(Array.from(odd.pathArcs.subarray(odd.pathStart[t], odd.pathStart[t + 1]))).toEqual(Array.from(whole.pathArcs.subarray(whole.pathStart[p], whole.pathStart[p + 1])));
    }
  });

  test('is byte-identical across runs', () => {
    const { network, plans } = setup();
    const a = routeTrips(network, plans).trips;
    const b = routeTrips(network, plans).trips;
    expect(Buffer.from(a.pathArcs.buffer).equals(Buffer.from(b.pathArcs.buffer))).toBe(true);
    expect(Buffer.from(a.length.buffer).equals(Buffer.from(b.length.buffer))).toBe(true);
  });

  test('reports, counts and skips unreachable plans; keeps empty paths (origin = destination)', () => {
    const g = gridStreetGraph(3, 3, 100);
    g.addNode('island', { x: 900, y: 900 });
    g.addNode('island2', { x: 1000, y: 900 });
    g.addEdge('island', 'island2', { length: 100, streetClass: 'local', width: 10 });
    const network = buildStreetNetwork(g);
    // Nodes 0–8 grid (key r,c at index 3r + c), 9–10 island.
    const plans = handPlans([0, 0, 9, 4, 8], [8, 9, 10, 4, 0]);
    const r = routeTrips(network, plans);
    expect(r.unreachable.count).toBe(1);
    expect(Array.from(r.unreachable.planIds)).toEqual([1]);
    expect(Array.from(r.trips.planId)).toEqual([0, 2, 3, 4]);
    expect(Array.from(r.trips.length)).toEqual([400, 100, 0, 400]);
    expect(r.numEmptyPaths).toBe(1);
    expect(r.trips.pathStart[3] - r.trips.pathStart[2]).toBe(0);
    expect(r.numTrees).toBe(4);
    expect(r.trips.numTrips + r.unreachable.count).toBe(plans.numPlans);
  });

  test('plans from one origin to one destination share the same path', () => {
    const network = buildStreetNetwork(gridStreetGraph(4, 4, 100));
    const plans = handPlans([0, 5, 0, 0], [15, 0, 15, 10]);
    const { trips } = routeTrips(network, plans);
    const arcs = (t: number) => Array.from(trips.pathArcs.subarray(trips.pathStart[t], trips.pathStart[t + 1]));
    expect(arcs(2)).toEqual(arcs(0));
    expect(arcs(0)).toHaveLength(6);
    expect(Array.from(trips.length)).toEqual([600, 200, 600, 400]);
  });

  test('rejects bad plan ids, nodes, modes and speeds, naming the field', () => {
    const network = buildStreetNetwork(gridStreetGraph(2, 2));
    const plans = handPlans([0, 1], [3, 2]);
    expect(() => routeTrips(network, plans, { planIds: Uint32Array.of(0, 2) })).toThrow(/routeTrips: options\.planIds\[1\] must be a plan index in \[0, 1\], got 2/);
    expect(() => routeTrips(network, plans, { planIds: [0] as never })).toThrow(/options\.planIds must be a Uint32Array/);
    expect(() => routeTrips(network, handPlans([0, 9], [1, 1]))).toThrow(/plans\.originNode\[1\] must be a node index in \[0, 3\], got 9/);
    expect(() => routeTrips(network, handPlans([0], [4]))).toThrow(/plans\.destNode\[0\]/);
    const badMode = handPlans([0], [1]);
    (badMode.mode as Uint8Array)[0] = 5;
    expect(() => routeTrips(network, badMode)).toThrow(/plans\.mode\[0\] must be 0 \(walk\) or 1 \(car\), got 5/);
    expect(() => routeTrips(network, plans, { speeds: { walk: 0 } })).toThrow(/options\.speeds\.walk must be a finite number > 0, got 0/);
    expect(() => routeTrips(network, plans, { speeds: { car: NaN } })).toThrow(/options\.speeds\.car/);
  });

  test('routing share after share through one reused scratch gives the trips of fresh calls (stamps, buffers and growth carried over)', () => {
    const { network, plans } = setup();
    const scratch = new RouteScratch();
    // Shares of very different sizes, so the reused buffers are both grown and used partly; the last one repeats the first.
    const bounds = [0, 7, 400, 409, Math.floor(plans.numPlans / 2), plans.numPlans];
    const shares = bounds.slice(1).map((e, i) => Uint32Array.from({ length: e - bounds[i] }, (_, k) => (bounds[i] + k) * 7919 % plans.numPlans));
    shares.push(shares[0]);
    for (const ids of shares) {
      const fresh = routeTrips(network, plans, { planIds: ids });
      const reused = routeValidated(network, plans, ids, TRAVEL_SPEEDS.walk, TRAVEL_SPEEDS.car, scratch);
      expect(reused.numTrees).toBe(fresh.numTrees);
      expect(reused.unreachable.count).toBe(fresh.unreachable.count);
      expect(reused.numEmptyPaths).toBe(fresh.numEmptyPaths);
      for (const k of ['person', 'day', 'mode', 'purpose', 'departure', 'speed', 'length', 'pathStart', 'pathArcs', 'planId'] as const) {
        expect(Array.from(reused.trips[k]), k).toEqual(Array.from(fresh.trips[k]));
      }
    }
  });
});
