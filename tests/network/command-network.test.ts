import { describe, expect, it } from 'vitest';
import Graph, { DirectedGraph } from 'graphology';
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
    expect(net.nodeDistrict).toEqual([null, null, null, null, null]);
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

describe('createCommandNetwork rejects bad items, naming them', () => {
  const bad = (mutate: (g: NetworkGraph) => void) => {
    const g = smallGraph();
    mutate(g);
    return () => createCommandNetwork(g, cams(0), { cameraNode: [] });
  };
  it('node attributes', () => {
    expect(bad((g) => g.setNodeAttribute('a0', 'kind', 'tower' as never))).toThrow(/nodes\["a0"\].kind must be one of "aggregation", "district-hub", "city-centre", "national", got "tower"/);
    expect(bad((g) => g.setNodeAttribute('a0', 'x', NaN))).toThrow(/nodes\["a0"\].x must be a finite number \(metres\), got NaN/);
    expect(bad((g) => g.setNodeAttribute('hub', 'y', Infinity))).toThrow(/nodes\["hub"\].y must be a finite number/);
    expect(bad((g) => g.setNodeAttribute('a1', 'storageTB', -1))).toThrow(/createCommandNetwork: nodes\["a1"\].storageTB must be a finite number >= 0, got -1/);
    expect(bad((g) => g.setNodeAttribute('centre', 'analyticsStreams', 2.5))).toThrow(/nodes\["centre"\].analyticsStreams must be an integer >= 0, got 2.5/);
    expect(bad((g) => g.setNodeAttribute('a0', 'availability', 1.2))).toThrow(/nodes\["a0"\].availability must be a probability in \[0, 1\], got 1.2/);
    expect(bad((g) => g.setNodeAttribute('a0', 'availability', -0.1))).toThrow(InvalidInputError);
    expect(bad((g) => g.setNodeAttribute('a0', 'name', 3 as never))).toThrow(/nodes\["a0"\].name must be a string/);
  });
  it('link attributes', () => {
    const key = (g: NetworkGraph) => g.edge('a0', 'hub')!;
    expect(bad((g) => g.setEdgeAttribute(key(g), 'capacityMbps', 0))).toThrow(/links\[".*"\] \("a0" -> "hub"\).capacityMbps must be a finite number > 0, got 0/);
    expect(bad((g) => g.setEdgeAttribute(key(g), 'capacityMbps', -5))).toThrow(/capacityMbps must be a finite number > 0, got -5/);
    expect(bad((g) => g.setEdgeAttribute(key(g), 'kind', 'satellite' as never))).toThrow(/kind must be one of "fibre", "lte", "radio", got "satellite"/);
    expect(bad((g) => g.setEdgeAttribute(key(g), 'latencyMs', -1))).toThrow(/latencyMs must be a finite number >= 0, got -1/);
    expect(bad((g) => g.setEdgeAttribute(key(g), 'availability', 2))).toThrow(/availability must be a probability in \[0, 1\], got 2/);
  });
  it('graphs that are not directed network graphs, and self-loops', () => {
    expect(() => createCommandNetwork({} as never, cams(0))).toThrow(/graph must be a graphology graph/);
    const u = new Graph({ type: 'undirected' });
    expect(() => createCommandNetwork(u as never, cams(0))).toThrow(/graph.type must be "directed"/);
    const d = new DirectedGraph();
    d.addNode('a', node('aggregation'));
    d.addEdge('a', 'a', link());
    expect(() => createCommandNetwork(d as never, cams(0), { cameraNode: [] })).toThrow(/links\[".*"\] \("a" -> "a"\) must join two different nodes/);
    expect(() => createCommandNetwork(smallGraph(), {} as never)).toThrow(/cameras must be a CameraSet/);
  });
  it('a node with two parents when a tree is required', () => {
    const g = smallGraph();
    g.addEdge('a0', 'centre', link());
    expect(createCommandNetwork(g, cams(0), { cameraNode: [] }).isTree).toBe(false);
    expect(() => createCommandNetwork(g, cams(0), { cameraNode: [], requireTree: true })).toThrow(/nodes\["a0"\] must have at most one upstream link \(options.requireTree\), got \["hub","centre"\]/);
    expect(() => createCommandNetwork(g, cams(0), { cameraNode: [], requireTree: 'yes' as never })).toThrow(/options.requireTree must be a boolean/);
  });
  it('camera columns of the wrong length or with bad values', () => {
    expect(() => createCommandNetwork(smallGraph(), cams(2), { cameraNode: [2] })).toThrow(/cameraNode.length must equal cameras.numCameras \(2\), got 1/);
    expect(() => createCommandNetwork(smallGraph(), cams(2), { cameraNode: [2, -1] })).toThrow(/cameraNode\[1\] must be a node index/);
    expect(() => createCommandNetwork(smallGraph(), cams(2), { cameraNode: [2, 2], cameraLive: [1, 2] })).toThrow(/cameraLive\[1\] must be 0, 1, true or false, got 2/);
    expect(() => createCommandNetwork(smallGraph(), cams(2), { cameraNode: [2, 2], cameraLive: [1] })).toThrow(/options.cameraLive must be an array of length 2/);
    expect(() => createCommandNetwork(smallGraph(), cams(2), { cameraNode: [2, 2], cameraMbps: [1, NaN] })).toThrow(/cameraMbps\[1\] must be a finite number >= 0, got NaN/);
    expect(() => createCommandNetwork(smallGraph(), cams(2), { cameraNode: [2, 2], stream: { codec: 'vp9' as never } })).toThrow(/options.stream.codec must be one of/);
    expect(() => assignCamerasToNodes(cams(3), createCommandNetwork(smallGraph(), cams(2), { cameraNode: [2, 2] }))).toThrow(/assignCamerasToNodes: cameras.numCameras must equal the network's numCameras \(2\), got 3/);
    expect(() => centreFlags(createCommandNetwork(smallGraph(), cams(0), { cameraNode: [] }), ['hq' as never])).toThrow(/centreFlags: kinds\[0\] must be one of/);
  });
  it('takes live flags and bitrates from the options, and the camera set by default', () => {
    const net = createCommandNetwork(smallGraph(), cams(3, false), { cameraNode: [2, 3, 3], cameraLive: [true, false, true], cameraMbps: [1, 2, 4] });
    expect(Array.from(net.cameraLive)).toEqual([1, 0, 1]);
    expect(Array.from(net.nodeLiveMbps)).toEqual([0, 0, 1, 4, 0]);
    expect(Array.from(net.nodeAllMbps)).toEqual([0, 0, 1, 6, 0]);
    const d = createCommandNetwork(smallGraph(), cams(1, true), { cameraNode: [2] });
    expect(d.cameraLive[0]).toBe(1);
    expect(d.cameraMbps[0]).toBeCloseTo(3.6288, 12); // 1920 px default resolution, 25 fps, H.264
  });
});
