import { describe, expect, it } from 'vitest';
import { placeUniform } from '../../src/cameras/placement-area.js';
import { generateGridCity } from '../../src/city/generate-grid-city.js';
import { createLocalProjection } from '../../src/geo/projection.js';
import { analyseNetwork } from '../../src/network/analyse-network.js';
import { buildHierarchicalNetwork } from '../../src/network/build-hierarchical.js';
import { networkFromGeoJSON, networkToGeoJSON } from '../../src/network/network-geojson.js';

const projection = createLocalProjection(76.9, 43.25);
const city = generateGridCity({ projection });
const cameras = placeUniform(city.bounds, 400, { seed: 9, fov: 90, range: 30, live: true });
const net = buildHierarchicalNetwork(cameras, city, { camerasPerAggregation: 50, numCentres: 2, hubUplinks: 2 });

describe('networkToGeoJSON', () => {
  it('writes nodes as Points and links as LineStrings from child to parent, in WGS84', () => {
    const fc = networkToGeoJSON(net, projection);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.length).toBe(net.numNodes + net.numLinks);
    const n0 = fc.features[0];
    expect(n0.geometry.type).toBe('Point');
    expect(n0.properties).toMatchObject({ featureType: 'node', key: 'agg-0', kind: 'aggregation', cameras: net.nodeCameras[0] });
    const [lon, lat] = n0.geometry.coordinates as [number, number];
    expect(lon).toBeGreaterThan(76.8);
    expect(lat).toBeGreaterThan(43.2);
    const l0 = fc.features[net.numNodes];
    expect(l0.geometry.type).toBe('LineString');
    expect(l0.properties).toMatchObject({ featureType: 'link', source: 'agg-0', target: net.nodeKeys[net.linkTarget[0]] });
    expect((l0.geometry.coordinates as number[][])[0]).toEqual(n0.geometry.coordinates);
    expect(() => JSON.stringify(fc)).not.toThrow();
  });
});

describe('networkFromGeoJSON', () => {
  it('round-trips: same nodes, links, attributes (positions within a millimetre) and metrics', () => {
    const fc = JSON.parse(JSON.stringify(networkToGeoJSON(net, projection)));
    const { graph, network, report } = networkFromGeoJSON(fc, projection, { cameras, cameraNode: Array.from(net.cameraNode) });
    expect(report).toEqual([]);
    expect(graph.order).toBe(net.graph.order);
    expect(graph.size).toBe(net.graph.size);
    net.graph.forEachNode((key, a) => {
      const b = graph.getNodeAttributes(key);
      expect(Math.abs(b.x - a.x)).toBeLessThan(1e-3);
      expect(Math.abs(b.y - a.y)).toBeLessThan(1e-3);
      expect({ ...b, x: 0, y: 0 }).toEqual({ ...a, x: 0, y: 0 });
    });
    net.graph.forEachEdge((key, a, s, t) => {
      expect(graph.source(key)).toBe(s);
      expect(graph.target(key)).toBe(t);
      expect(graph.getEdgeAttributes(key)).toEqual(a);
    });
    const a0 = analyseNetwork(net);
    const a1 = analyseNetwork(network!);
    expect(a1.live).toEqual(a0.live);
    expect(Array.from(a1.links.mbps)).toEqual(Array.from(a0.links.mbps));
    // export again: same properties; positions within 1e-9 degrees (≈ 0.1 mm; projection round-off)
    const again = networkToGeoJSON(network!, projection);
    const first = networkToGeoJSON(net, projection);
    again.features.forEach((f, i) => {
      expect(f.properties).toEqual(first.features[i].properties);
      const a = f.geometry.coordinates.flat(2) as number[];
      const b = first.features[i].geometry.coordinates.flat(2) as number[];
      a.forEach((v, k) => expect(Math.abs(v - b[k])).toBeLessThan(1e-9));
    });
  });

  it('snaps drawn link ends to nodes, applies and reports defaults, skips other features with a report entry', () => {
    const [lonA, latA] = projection.inverse(0, 0);
    const [lonB, latB] = projection.inverse(1000, 0);
    const [lonB2, latB2] = projection.inverse(1000.4, 0.3); // 0.5 m from B
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 'A', geometry: { type: 'Point', coordinates: [lonA, latA] }, properties: { kind: 'aggregation' } },
        { type: 'Feature', id: 'B', geometry: { type: 'Point', coordinates: [lonB, latB] }, properties: { kind: 'city-centre', storageTB: 5, analyticsStreams: 3, availability: 0.99 } },
        { type: 'Feature', geometry: { type: 'LineString', coordinates: [[lonA, latA], [lonB2, latB2]] }, properties: { kind: 'lte', capacityMbps: 50 } },
        { type: 'Feature', id: 'park', geometry: { type: 'Polygon', coordinates: [] }, properties: {} },
      ],
    };
    const { graph, report, network, nodeFeature, linkFeature } = networkFromGeoJSON(fc, projection, { cameras: placeUniform([0, -10, 10, 10], 3, { seed: 1, live: true }) });
    expect(graph.outNeighbors('A')).toEqual(['B']);
    expect(graph.getNodeAttributes('A')).toMatchObject({ storageTB: 0, analyticsStreams: 0, availability: 1 });
    // latency from length: ≈ 1000 m × 0.0049 ms/km
    expect(graph.getEdgeAttribute('A->B', 'latencyMs')).toBeCloseTo(0.0049, 5);
    expect(report.map((r) => [r.index, r.field, r.action])).toEqual([
      [0, 'storageTB', 'default'],
      [0, 'analyticsStreams', 'default'],
      [0, 'availability', 'default'],
      [3, 'geometry.type', 'skipped'],
      [2, 'latencyMs', 'default'],
      [2, 'availability', 'default'],
    ]);
    expect(nodeFeature).toEqual([0, 1]);
    expect(linkFeature).toEqual([2]);
    // cameras attach to the nearest aggregation node
    expect(Array.from(network!.cameraNode)).toEqual([0, 0, 0]);
  });

  it('throws naming the feature when a link end matches no node', () => {
    const fc = JSON.parse(JSON.stringify(networkToGeoJSON(net, projection)));
    const link = fc.features[net.numNodes + 3];
    link.properties.target = 'hub-missing';
    expect(() => networkFromGeoJSON(fc, projection)).toThrow(new RegExp(`features\\[${net.numNodes + 3}\\] \\(id ".*"\\).properties.target must name a node of the network \\(no node has this key\\), got "hub-missing"`));
    delete link.properties.target;
    link.geometry.coordinates[1] = [77.5, 43.9]; // far from every node
    expect(() => networkFromGeoJSON(fc, projection)).toThrow(/features\[\d+\] \(id ".*"\).geometry must end at a node: no node Point within snapTolerance 1 m of its last position/);
  });

  it('throws naming the feature on bad nodes and links', () => {
    const base = () => JSON.parse(JSON.stringify(networkToGeoJSON(net, projection)));
    const cases: [(fc: { features: any[] }) => void, RegExp][] = [
      [(fc) => (fc.features[1].properties.kind = 'tower'), /features\[1\] \(id "agg-1"\).properties.kind must be one of/],
      [(fc) => (fc.features[1].properties.availability = 1.5), /features\[1\] \(id "agg-1"\).properties.availability must be a probability in \[0, 1\], got 1.5/],
      [(fc) => (fc.features[1].properties.storageTB = -2), /properties.storageTB must be a finite number >= 0, got -2/],
      [(fc) => (fc.features[1].geometry.coordinates = [NaN, 43]), /features\[1\] \(id "agg-1"\).geometry.coordinates must be a \[lon, lat\] position of finite numbers/],
      [(fc) => (fc.features[1].geometry.coordinates = [200, 43]), /geometry.coordinates must be a WGS84 position/],
      [(fc) => (fc.features[1].properties.key = 'agg-0'), /features\[1\] \(id "agg-1"\).properties.key must be unique among the nodes, got "agg-0"/],
      [(fc) => (fc.features[net.numNodes].properties.capacityMbps = 0), /properties.capacityMbps must be a finite number > 0, got 0/],
      [(fc) => (fc.features[net.numNodes].properties.target = fc.features[net.numNodes].properties.source), /must join two different nodes/],
      [(fc) => fc.features.push(fc.features[net.numNodes]), /duplicates the link/],
      [(fc) => (fc.features[net.numNodes].geometry = { type: 'Point', coordinates: [76.9, 43.25] }), /geometry.type must be "LineString" for a link, got "Point"/],
    ];
    for (const [mutate, re] of cases) {
      const fc = base();
      mutate(fc);
      expect(() => networkFromGeoJSON(fc, projection)).toThrow(re);
    }
    expect(() => networkFromGeoJSON({ type: 'Feature' }, projection)).toThrow(/networkFromGeoJSON: fc must be a GeoJSON FeatureCollection/);
    expect(() => networkFromGeoJSON(base(), null as never)).toThrow(/projection must be a LocalProjection/);
    expect(() => networkFromGeoJSON(base(), projection, { snapTolerance: 0 })).toThrow(/options.snapTolerance must be a finite number > 0, got 0/);
    expect(() => networkToGeoJSON(net, undefined as never)).toThrow(/networkToGeoJSON: projection must be a LocalProjection/);
    // a cycle where a tree is required
    const fc = base();
    expect(() => networkFromGeoJSON(fc, projection, { cameras, requireTree: true })).toThrow(/nodes\["hub-.*"\] must have at most one upstream link/);
  });
});
