import { describe, expect, test } from 'vitest';
import Graph from 'graphology';
import { createRng } from '../../src/core/random.js';
import { InvalidInputError, NotFoundError } from '../../src/core/errors.js';
import type { StreetGraph } from '../../src/city/city.js';
import { streetSegments } from '../../src/coverage/street-coverage.js';
import { buildStreetNetwork, nearestNode, nearestNodes, streetComponents } from '../../src/mobility/build-street-network.js';
import { gridStreetGraph, randomStreetGraph } from './helpers.js';

describe('buildStreetNetwork', () => {
  test('follows the index conventions: graph node order, graph edge order, arc 2e forward and 2e + 1 backward', () => {
    const g = randomStreetGraph(3, 20, 45);
    const net = buildStreetNetwork(g);
    expect(net.numNodes).toBe(20);
    expect(net.numEdges).toBe(45);
    expect(net.nodeKeys).toEqual(g.nodes());
    let e = 0;
    g.forEachEdge((_k, attr, s, t) => {
      expect(net.nodeKeys[net.edgeSource[e]]).toBe(s);
      expect(net.nodeKeys[net.edgeTarget[e]]).toBe(t);
      expect(net.edgeLength[e]).toBe(attr.length);
      e++;
    });
    // Same edge order as the coverage module's street segments.
    const seg = streetSegments(g);
    for (let k = 0; k < net.numEdges; k++) {
      expect(seg.coords[4 * k]).toBe(net.x[net.edgeSource[k]]);
      expect(seg.coords[4 * k + 3]).toBe(net.y[net.edgeTarget[k]]);
    }
    // CSR: every arc appears once, under its tail, with its head as neighbour; sorted by arc id per node.
    expect(net.starts[net.numNodes]).toBe(2 * net.numEdges);
    const seen = new Uint8Array(2 * net.numEdges);
    for (let v = 0; v < net.numNodes; v++) {
      for (let p = net.starts[v]; p < net.starts[v + 1]; p++) {
        const a = net.outArcs[p];
        seen[a]++;
        const edge = a >> 1;
        const tail = a & 1 ? net.edgeTarget[edge] : net.edgeSource[edge];
        const head = a & 1 ? net.edgeSource[edge] : net.edgeTarget[edge];
        expect(tail).toBe(v);
        expect(net.neighbors[p]).toBe(head);
        if (p > net.starts[v]) expect(a).toBeGreaterThan(net.outArcs[p - 1]);
      }
    }
    expect(Array.from(seen).every((c) => c === 1)).toBe(true);
  });

  test('records street classes as indexes into STREET_CLASSES', () => {
    const net = buildStreetNetwork(gridStreetGraph(2, 2));
    // Horizontal edges are local (2), vertical ones collector (1).
    for (let e = 0; e < net.numEdges; e++) {
      const horizontal = net.y[net.edgeSource[e]] === net.y[net.edgeTarget[e]];
      expect(net.edgeClass[e]).toBe(horizontal ? 2 : 1);
    }
  });

  test('rejects non-finite coordinates, non-positive lengths and non-graphs, naming the node or edge', () => {
    const g1 = gridStreetGraph(2, 2);
    g1.setNodeAttribute('0,1', 'x', NaN);
    expect(() => buildStreetNetwork(g1)).toThrow(/buildStreetNetwork: streets node "0,1"\.x must be a finite number, got NaN/);
    const g2 = gridStreetGraph(2, 2);
    g2.setNodeAttribute('1,1', 'y', Infinity);
    expect(() => buildStreetNetwork(g2)).toThrow(/node "1,1"\.y/);
    for (const bad of [0, -5, NaN, Infinity]) {
      const g3 = new Graph({ type: 'undirected' }) as unknown as StreetGraph;
      g3.addNode('a', { x: 0, y: 0 });
      g3.addNode('b', { x: 1, y: 0 });
      g3.addEdgeWithKey('ab', 'a', 'b', { length: bad, streetClass: 'local', width: 5 });
      expect(() => buildStreetNetwork(g3)).toThrow(InvalidInputError);
      expect(() => buildStreetNetwork(g3)).toThrow(/streets edge "ab"\.length must be a finite number > 0/);
    }
    expect(() => buildStreetNetwork({} as StreetGraph)).toThrow(/streets must be a graphology street graph/);
  });
});

describe('nearestNode', () => {
  test('agrees with a brute-force scan on random points', () => {
    const net = buildStreetNetwork(randomStreetGraph(11, 300, 10));
    const rng = createRng('nn');
    for (let q = 0; q < 300; q++) {
      const x = rng.uniform(-200, 1200);
      const y = rng.uniform(-200, 1200);
      let best = 0;
      let bd = Infinity;
      for (let i = 0; i < net.numNodes; i++) {
        const d = (net.x[i] - x) ** 2 + (net.y[i] - y) ** 2;
        if (d < bd) {
          bd = d;
          best = i;
        }
      }
      expect(nearestNode(net, x, y)).toBe(best);
    }
  });

  test('breaks exact ties towards the lower node index', () => {
    const net = buildStreetNetwork(gridStreetGraph(2, 2));
    // (50, 50) is 70.7 m from all four nodes.
    expect(nearestNode(net, 50, 50)).toBe(0);
    expect(Array.from(nearestNodes(net, [0, 100, 49], [0, 100, 0]))).toEqual([0, 3, 0]);
  });

  test('can be restricted to the largest connected component', () => {
    const g = gridStreetGraph(3, 3);
    g.addNode('i1', { x: 1000, y: 1000 });
    g.addNode('i2', { x: 1100, y: 1000 });
    g.addEdge('i1', 'i2', { length: 100, streetClass: 'local', width: 10 });
    const net = buildStreetNetwork(g);
    const c = streetComponents(net);
    expect(c.count).toBe(2);
    expect(c.size[c.largest]).toBe(9);
    expect(c.component[net.nodeKeys.indexOf('i1')]).toBe(c.component[net.nodeKeys.indexOf('i2')]);
    expect(nearestNode(net, 1000, 990)).toBe(net.nodeKeys.indexOf('i1'));
    expect(nearestNode(net, 1000, 990, { largestComponent: true })).toBe(net.nodeKeys.indexOf('2,2'));
    expect(streetComponents(net)).toBe(c); // cached
  });

  test('rejects non-finite coordinates and empty networks', () => {
    const net = buildStreetNetwork(gridStreetGraph(2, 2));
    expect(() => nearestNode(net, NaN, 0)).toThrow(/nearestNode: x must be a finite number, got NaN/);
    expect(() => nearestNode(net, 0, Infinity)).toThrow(/nearestNode: y/);
    expect(() => nearestNodes(net, [0, 1], [0])).toThrow(/nearestNodes: ys\.length/);
    expect(() => nearestNodes(net, [0, NaN], [0, 0])).toThrow(/nearestNodes: xs\[1\]/);
    const empty = buildStreetNetwork(new Graph({ type: 'undirected' }) as unknown as StreetGraph);
    expect(() => nearestNode(empty, 0, 0)).toThrow(NotFoundError);
  });
});
