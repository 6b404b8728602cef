import { describe, expect, it } from 'vitest';
import { createCameraSet } from '../../src/cameras/camera-set.js';
import { InvalidInputError } from '../../src/core/errors.js';
import {
  assignCamerasToNodes,
  centreFlags,
  createCommandNetwork,
  createNetworkGraph,
  type NetworkGraph,
} from '../../src/network/command-network.js';

const node = (kind: 'aggregation' | 'district-hub' | 'city-centre' | 'national', x = 0, y = 0, extra: Record<string, unknown> = {}) => ({
  kind,
  x,
  y,
  storageTB: 10,
  analyticsStreams: 0,
  availability: 1,
  ...extra,
});
const link = (extra: Record<string, unknown> = {}) => ({ kind: 'fibre' as const, capacityMbps: 1000, latencyMs: 1, availability: 1, ...extra });

/** a0 -> hub -> centre -> nat, a1 -> hub. */
function smallGraph(): NetworkGraph {
  const g = createNetworkGraph();
  g.addNode('centre', node('city-centre', 0, 0, { analyticsStreams: 2 }));
  g.addNode('hub', node('district-hub', 100, 0));
  g.addNode('a0', node('aggregation', 200, 0));
  g.addNode('a1', node('aggregation', 200, 100));
  g.addNode('nat', node('national', 0, 1000));
  g.addEdge('hub', 'centre', link());
  g.addEdge('a0', 'hub', link());
  g.addEdge('a1', 'hub', link());
  g.addEdge('centre', 'nat', link());
  return g;
}

function cams(n: number, live = true, face = false) {
  return createCameraSet(Array.from({ length: n }, (_, i) => ({ x: i, y: 0, heading: 0, fov: 90, range: 10, live, capabilities: face ? (['face'] as const) : [] })));
}

describe('createCommandNetwork', () => {
  it('builds node, link, CSR and per-node camera arrays in graph order', () => {
    const cameras = cams(3, true, true);
    const net = createCommandNetwork(smallGraph(), cameras, { cameraNode: ['a0', 'a0', 'a1'] });
    expect(net.nodeKeys).toEqual(['centre', 'hub', 'a0', 'a1', 'nat']);
    expect(Array.from(net.nodeKind)).toEqual([2, 1, 0, 0, 3]);
    expect(Array.from(net.linkSource)).toEqual([1, 2, 3, 0]);
    expect(Array.from(net.linkTarget)).toEqual([0, 1, 1, 4]);
    expect(Array.from(net.upStart)).toEqual([0, 1, 2, 3, 4, 4]);
    expect(Array.from(net.upLinks)).toEqual([3, 0, 1, 2]);
    expect(Array.from(net.downStart)).toEqual([0, 1, 3, 3, 3, 4]);
    expect(Array.from(net.downLinks)).toEqual([0, 1, 2, 3]);
    expect(Array.from(net.cameraNode)).toEqual([2, 2, 3]);
    expect(Array.from(net.nodeCameras)).toEqual([0, 0, 2, 1, 0]);
    expect(Array.from(net.nodeLiveFaceCameras)).toEqual([0, 0, 2, 1, 0]);
    expect(Array.from(net.nodeCameraStart)).toEqual([0, 0, 0, 2, 3, 3]);
    expect(Array.from(net.nodeCameraIds)).toEqual([0, 1, 2]);
    expect(net.isTree).toBe(true);
    expect(centreFlags(net)).toEqual(new Uint8Array([1, 0, 0, 0, 0]));
    // the camera set is not mutated; the explicit call writes nodeId
    expect(cameras.nodeId[0]).toBe(0xffffffff);
    assignCamerasToNodes(cameras, net);
    expect(Array.from(cameras.nodeId)).toEqual([2, 2, 3]);
  });

  it('rejects a camera assigned to a missing node, naming the camera', () => {
    expect(() => createCommandNetwork(smallGraph(), cams(2), { cameraNode: ['a0', 'nope'] })).toThrow(/cameraNode\[1\] must name a node of the network, got "nope"/);
    expect(() => createCommandNetwork(smallGraph(), cams(2), { cameraNode: [0, 9] })).toThrow(/cameraNode\[1\] must be a node index in \[0, 4\]/);
    expect(() => createCommandNetwork(smallGraph(), cams(2))).toThrow(/cameras.nodeId\[0\] must be assigned to a node/);
  });

  it('names the cycle when a tree is required', () => {
    const g = smallGraph();
    g.addEdge('nat', 'hub', link());
    expect(() => createCommandNetwork(g, cams(0), { cameraNode: [] })).not.toThrow();
    expect(() => createCommandNetwork(g, cams(0), { cameraNode: [], requireTree: true })).toThrow(InvalidInputError);
    expect(() => createCommandNetwork(g, cams(0), { cameraNode: [], requireTree: true })).toThrow(/cycle "centre" -> "nat" -> "hub" -> "centre"|cycle "hub" -> "centre" -> "nat" -> "hub"/);
  });
});
