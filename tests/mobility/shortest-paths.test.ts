import { describe, expect, test } from 'vitest';
import { createRng } from '../../src/core/random.js';
import { InvalidInputError, NotFoundError } from '../../src/core/errors.js';
import { buildStreetNetwork } from '../../src/mobility/build-street-network.js';
import { arcHead, arcTail, NO_ARC, pathArcs, shortestPath, shortestPathTree } from '../../src/mobility/shortest-paths.js';
import type { StreetNetwork } from '../../src/mobility/street-network.js';
import { floydWarshall, gridStreetGraph, randomStreetGraph } from './helpers.js';

function lengthsAsArcWeights(net: StreetNetwork): Float64Array {
  const w = new Float64Array(2 * net.numEdges);
  for (let e = 0; e < net.numEdges; e++) w[2 * e] = w[2 * e + 1] = net.edgeLength[e];
  return w;
}

/** Checks that arcs form a walk from `from` to `to` and returns its cost under `w`. */
function walkCost(net: StreetNetwork, arcs: Uint32Array, from: number, to: number, w: Float64Array): number {
  let at = from;
  let cost = 0;
  for (const a of arcs) {
    expect(arcTail(net, a)).toBe(at);
    at = arcHead(net, a);
    cost += w[a];
  }
  expect(at).toBe(to);
  return cost;
}

describe('shortestPathTree', () => {
  test('matches Floyd–Warshall on small random graphs (edge lengths, every source)', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const net = buildStreetNetwork(randomStreetGraph(seed, 14, 10 + seed * 2));
      const w = lengthsAsArcWeights(net);
      const fw = floydWarshall(net.numNodes, net.edgeSource, net.edgeTarget, w);
      for (let s = 0; s < net.numNodes; s++) {
        const tree = shortestPathTree(net, s);
        for (let v = 0; v < net.numNodes; v++) {
          if (fw[s][v] === Infinity) {
            expect(tree.dist[v]).toBe(Infinity);
            expect(tree.parentArc[v]).toBe(NO_ARC);
          } else {
            expect(tree.dist[v]).toBeCloseTo(fw[s][v], 9);
            expect(walkCost(net, pathArcs(tree, v), s, v, w)).toBeCloseTo(fw[s][v], 9);
          }
        }
        expect(tree.parentArc[s]).toBe(NO_ARC);
      }
    }
  });

  test('matches Floyd–Warshall with asymmetric per-arc weights, including zero weights', () => {
    for (let seed = 20; seed < 28; seed++) {
      const net = buildStreetNetwork(randomStreetGraph(seed, 12, 26));
      const rng = createRng(seed);
      const w = new Float64Array(2 * net.numEdges);
      for (let a = 0; a < w.length; a++) w[a] = rng.next() < 0.15 ? 0 : rng.uniform(0, 50);
      const fw = floydWarshall(net.numNodes, net.edgeSource, net.edgeTarget, w);
      for (let s = 0; s < net.numNodes; s++) {
        const tree = shortestPathTree(net, s, { arcWeight: w });
        for (let v = 0; v < net.numNodes; v++) {
          if (fw[s][v] === Infinity) expect(tree.dist[v]).toBe(Infinity);
          else {
            expect(tree.dist[v]).toBeCloseTo(fw[s][v], 9);
            expect(walkCost(net, pathArcs(tree, v), s, v, w)).toBeCloseTo(fw[s][v], 9);
          }
        }
      }
    }
  });

  test('stopping at a target gives the same distance and path to it as the full search', () => {
    const net = buildStreetNetwork(randomStreetGraph(5, 40, 90));
    for (let s = 0; s < 10; s++) {
      const full = shortestPathTree(net, s);
      for (let t = 0; t < net.numNodes; t += 3) {
        const early = shortestPathTree(net, s, { target: t });
        expect(early.target).toBe(t);
        expect(early.dist[t]).toBe(full.dist[t]);
        if (full.dist[t] < Infinity) expect(Array.from(pathArcs(early, t))).toEqual(Array.from(pathArcs(full, t)));
      }
    }
  });

  test('reuses the arrays of `into` and gives the same result as a fresh tree', () => {
    const net = buildStreetNetwork(randomStreetGraph(9, 30, 60));
    const into = shortestPathTree(net, 0);
    const dist = into.dist;
    const parent = into.parentArc;
    const again = shortestPathTree(net, 7, { into });
    expect(again).toBe(into);
    expect(again.dist).toBe(dist);
    expect(again.parentArc).toBe(parent);
    expect(again.source).toBe(7);
    const fresh = shortestPathTree(net, 7);
    expect(Array.from(again.dist)).toEqual(Array.from(fresh.dist));
    expect(Array.from(again.parentArc)).toEqual(Array.from(fresh.parentArc));
  });

  test('a hand-worked 3 × 4 grid (100 m blocks): corner to corner is 5 blocks, 500 m', () => {
    // Nodes r,c at (100c, 100r); from 0,0 to 2,3 any monotone path has 2 + 3 = 5 edges of 100 m.
    const net = buildStreetNetwork(gridStreetGraph(3, 4));
    const from = net.nodeKeys.indexOf('0,0');
    const to = net.nodeKeys.indexOf('2,3');
    const tree = shortestPathTree(net, from);
    expect(tree.dist[to]).toBe(500);
    expect(tree.dist[net.nodeKeys.indexOf('1,1')]).toBe(200);
    const arcs = pathArcs(tree, to);
    expect(arcs.length).toBe(5);
    const p = shortestPath(net, from, to);
    expect(p.length).toBe(500);
    expect(p.cost).toBe(500);
    expect(pathArcs(tree, from).length).toBe(0);
    // Make the row-0 street expensive: the best path then avoids it, and cost ≠ length.
    const w = lengthsAsArcWeights(net);
    for (let e = 0; e < net.numEdges; e++) {
      if (net.y[net.edgeSource[e]] === 0 && net.y[net.edgeTarget[e]] === 0) w[2 * e] = w[2 * e + 1] = 1000;
    }
    const q = shortestPath(net, from, net.nodeKeys.indexOf('0,3'), { arcWeight: w });
    // Up 1, across 3, down 1: 5 edges, 500 m, cost 500 (the row-0 alternative costs 3000).
    expect(q.length).toBe(500);
    expect(q.cost).toBe(500);
    expect(q.arcs.length).toBe(5);
  });

  test('unreachable nodes have dist Infinity and NO_ARC; pathArcs and shortestPath throw NotFoundError', () => {
    const g = gridStreetGraph(2, 2);
    g.addNode('island', { x: 5000, y: 5000 });
    const net = buildStreetNetwork(g);
    const island = net.nodeKeys.indexOf('island');
    const tree = shortestPathTree(net, 0);
    expect(tree.dist[island]).toBe(Infinity);
    expect(tree.parentArc[island]).toBe(NO_ARC);
    expect(() => pathArcs(tree, island)).toThrow(NotFoundError);
    expect(() => shortestPath(net, 0, island)).toThrow(/shortestPath: to 4 is not reachable from node 0/);
  });

  test('rejects bad sources, targets and weights with errors naming the field', () => {
    const net = buildStreetNetwork(gridStreetGraph(2, 2));
    expect(() => shortestPathTree(net, 4)).toThrow(/shortestPathTree: source must be a node index, an integer in \[0, 3\], got 4/);
    expect(() => shortestPathTree(net, -1)).toThrow(InvalidInputError);
    expect(() => shortestPathTree(net, 0.5)).toThrow(InvalidInputError);
    expect(() => shortestPathTree(net, 0, { target: 9 })).toThrow(/options\.target/);
    expect(() => shortestPathTree(net, 0, { arcWeight: new Float64Array(3) })).toThrow(/options\.arcWeight must be a Float64Array of length 2 · numEdges = 8/);
    const w = new Float64Array(8).fill(1);
    w[5] = -1;
    expect(() => shortestPathTree(net, 0, { arcWeight: w })).toThrow(/options\.arcWeight\[5\] must be a finite number >= 0, got -1/);
    w[5] = NaN;
    expect(() => shortestPathTree(net, 0, { arcWeight: w })).toThrow(/arcWeight\[5\].*NaN/);
    w[5] = Infinity;
    expect(() => shortestPathTree(net, 0, { arcWeight: w })).toThrow(/arcWeight\[5\]/);
    const tree = shortestPathTree(net, 0);
    expect(() => pathArcs(tree, 7)).toThrow(/pathArcs: target/);
    expect(() => shortestPath(net, 0, 11)).toThrow(/shortestPath: to/);
    expect(() => shortestPath(net, NaN, 1)).toThrow(/shortestPath: from/);
  });
});
