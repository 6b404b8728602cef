import { describe, expect, it } from 'vitest';
import { createCameraSet, CAPABILITY_FACE } from '../../src/cameras/camera-set.js';
import { placeUniform } from '../../src/cameras/placement-area.js';
import { createPreset } from '../../src/cameras/presets.js';
import { generateGridCity } from '../../src/city/generate-grid-city.js';
import { createLocalProjection } from '../../src/geo/projection.js';
import { pointInMultiPolygon } from '../../src/geo/polygon.js';
import { analyseNetwork } from '../../src/network/analyse-network.js';
import { buildHierarchicalNetwork, kdGroups, NETWORK_BUILD_DEFAULTS } from '../../src/network/build-hierarchical.js';
import { NODE_AGGREGATION } from '../../src/network/command-network.js';
import { almatyNetworkOptions, astanaNetworkOptions } from '../../src/network/network-presets.js';

const city = generateGridCity(); // 3 km square, 4 districts
const cameras = placeUniform(city.bounds, 1000, { seed: 3, fov: 90, range: 30, live: true });

describe('buildHierarchicalNetwork', () => {
  it('assigns every camera to the nearest aggregation point that has room', () => {
    const net = buildHierarchicalNetwork(cameras, city, { camerasPerAggregation: 40, maxCamerasPerAggregation: 45 });
    const aggs: number[] = [];
    for (let v = 0; v < net.numNodes; v++) if (net.nodeKind[v] === NODE_AGGREGATION) aggs.push(v);
    // replay the rule by brute force: cameras in id order, nearest point with fewer than 45 cameras
    const load = new Map<number, number>(aggs.map((v) => [v, 0]));
    for (let c = 0; c < cameras.numCameras; c++) {
      let best = -1;
      let bd = Infinity;
      for (const v of aggs) {
        const d = Math.hypot(net.nodeX[v] - cameras.x[c], net.nodeY[v] - cameras.y[c]);
        if (load.get(v)! < 45 && d < bd) {
          bd = d;
          best = v;
        }
      }
      expect(net.cameraNode[c]).toBe(best);
      load.set(best, load.get(best)! + 1);
    }
    let total = 0;
    for (const v of aggs) {
      expect(net.nodeCameras[v]).toBeLessThanOrEqual(45);
      total += net.nodeCameras[v];
    }
    expect(total).toBe(1000);
    // k-d split of 1000 cameras into groups of ≤ 40: 32 groups of 31–32
    expect(aggs.length).toBe(32);
  });

  it('overflows a full point to the next nearest, never dropping a camera', () => {
    // 30 cameras at the origin and one 1 km east; groups of ≤ 16: the k-d split cuts at the x-median,
    // giving 15 at (0, 0) and 15 + 1 around (62.5, 0). With room for 16, the 30 origin cameras fill
    // the first point (16) and overflow (14) to the second, which also takes the far camera.
    const pts = [...Array.from({ length: 30 }, () => ({ x: 0, y: 0 })), { x: 1000, y: 0 }];
    const cams = createCameraSet(pts.map((p) => ({ ...p, heading: 0, fov: 90, range: 10 })));
    const net = buildHierarchicalNetwork(cams, generateGridCity({ districts: 1 }), { camerasPerAggregation: 16, maxCamerasPerAggregation: 16 });
    expect(net.nodeX[0]).toBe(0);
    expect(net.nodeX[1]).toBeCloseTo(62.5, 12);
    expect([net.nodeCameras[0], net.nodeCameras[1]]).toEqual([16, 15]);
    expect(net.cameraNode[30]).toBe(1);
  });

  it('links points to the hub of the district they lie in, hubs to centres, centres to the national platform', () => {
    const net = buildHierarchicalNetwork(cameras, city);
    expect(net.isTree).toBe(true);
    const g = net.graph;
    g.forEachNode((key, a) => {
      if (a.kind !== 'aggregation') return;
      const district = city.districts.find((d) => d.id === a.districtId)!;
      expect(pointInMultiPolygon(a.x, a.y, district.area)).toBe(true);
      expect(g.outNeighbors(key)).toEqual([`hub-${a.districtId}`]);
      expect(net.nodeDistrict[net.nodeIndex.get(key)!]).toBe(a.districtId);
    });
    for (const d of city.districts) expect(g.outNeighbors(`hub-${d.id}`)).toEqual(['centre-0']);
    expect(g.outNeighbors('centre-0')).toEqual(['national']);
    // national defaults next to the first centre
    expect(g.getNodeAttribute('national', 'x')).toBe(g.getNodeAttribute('centre-0', 'x'));
    expect(net.nodeKeys.slice(-6)).toEqual([...city.districts.map((d) => `hub-${d.id}`), 'centre-0', 'national']);
  });

  it('puts aggregation uplinks on kinds in exact proportions, by seed, and is deterministic', () => {
    const a = buildHierarchicalNetwork(cameras, city, { seed: 5 });
    const b = buildHierarchicalNetwork(cameras, city, { seed: 5 });
    const c = buildHierarchicalNetwork(cameras, city, { seed: 6 });
    const kinds = (n: typeof a) => n.graph.mapEdges((_k, attr, s) => (s.startsWith('agg') ? attr.kind : '')).filter(Boolean);
    expect(kinds(a)).toEqual(kinds(b));
    expect(kinds(a)).not.toEqual(kinds(c));
    expect(JSON.stringify(a.graph.export())).toBe(JSON.stringify(b.graph.export()));
    // 16 points (1000 cameras, groups ≤ 100: 16 groups of 62–63): 0.8·16 = 12.8, 0.15·16 = 2.4, 0.05·16 = 0.8
    // → floors 12, 2, 0; remainders 0.8 (fibre, radio), 0.4 (lte): fibre 13, lte 2, radio 1.
    const k = kinds(a);
    expect(k.length).toBe(16);
    expect([k.filter((x) => x === 'fibre').length, k.filter((x) => x === 'lte').length, k.filter((x) => x === 'radio').length]).toEqual([13, 2, 1]);
    expect(a.provenance).toMatchObject({ generator: 'buildHierarchicalNetwork', seed: 5 });
    expect(a.provenance.params).toMatchObject({ camerasPerAggregation: 100, numAggregation: 16, numHubs: 4, numCentres: 1 });
  });

  it('sizes storage from the video and analytics from the face cameras', () => {
    const mixed = createCameraSet(
      Array.from({ length: 300 }, (_, i) => ({ x: (i * 37) % 3000, y: (i * 91) % 3000, heading: 0, fov: 90, range: 20, live: i % 2 === 0, capabilities: i % 3 === 0 ? (['face'] as const) : [] })),
    );
    const net = buildHierarchicalNetwork(mixed, city, { aggregationStorageDays: 10, centreStorageDays: 5 });
    let face = 0;
    for (let c = 0; c < 300; c++) if (net.cameraLive[c] && mixed.capabilities[c] & CAPABILITY_FACE) face++;
    expect(face).toBe(50); // i ≡ 0 (mod 6)
    const centre = net.nodeIndex.get('centre-0')!;
    expect(net.nodeAnalyticsStreams[centre]).toBe(50);
    expect(net.graph.getNodeAttribute('centre-0', 'analyticsStreams')).toBe(50);
    let live = 0;
    for (let v = 0; v < net.numNodes; v++) {
      if (net.nodeKind[v] === NODE_AGGREGATION) expect(net.nodeStorageTB[v]).toBeCloseTo(net.nodeAllMbps[v] * 10 * 0.0108, 9);
      live += net.nodeLiveMbps[v];
    }
    expect(net.nodeStorageTB[centre]).toBeCloseTo(live * 5 * 0.0108, 9);
    const a = analyseNetwork(net, { retentionDays: 5 });
    expect(a.storage.shortfallTB[centre]).toBeCloseTo(0, 9);
    expect(a.analytics.shortfall).toBe(0);
    // a fixed total is split between two centres in proportion to the face demand routed to each
    const two = buildHierarchicalNetwork(mixed, city, { numCentres: 2, analyticsStreams: 10 });
    const i0 = two.nodeIndex.get('centre-0')!;
    const i1 = two.nodeIndex.get('centre-1')!;
    expect(two.nodeAnalyticsStreams[i0] + two.nodeAnalyticsStreams[i1]).toBe(10);
  });

  it('adds redundant hub uplinks to several centres (a DAG, not a tree)', () => {
    const net = buildHierarchicalNetwork(cameras, city, { numCentres: 2, hubUplinks: 2, seed: 2 });
    expect(net.isTree).toBe(false);
    for (const d of city.districts) expect(net.graph.outNeighbors(`hub-${d.id}`).sort()).toEqual(['centre-0', 'centre-1']);
    const explicit = buildHierarchicalNetwork(cameras, city, { centres: [{ x: 0, y: 0 }, { x: 3000, y: 3000 }, { x: 0, y: 3000 }], national: null });
    expect(explicit.graph.hasNode('national')).toBe(false);
    expect(explicit.graph.getNodeAttributes('centre-2')).toMatchObject({ x: 0, y: 3000 });
  });

  it('places the national platform by longitude and latitude through the city projection', () => {
    const projected = generateGridCity({ projection: createLocalProjection(76.9, 43.25) });
    const net = buildHierarchicalNetwork(cameras, projected, { nationalLonLat: [71.4491, 51.1694] });
    const [x, y] = projected.projection!.forward(71.4491, 51.1694);
    expect(net.graph.getNodeAttributes('national')).toMatchObject({ x, y });
    // centre → national latency: 0.5 ms + distance × 0.0049 ms/km (≈ 980 km → ≈ 5.3 ms)
    const lat = net.graph.getEdgeAttribute('centre-0->national', 'latencyMs');
    const c = net.graph.getNodeAttributes('centre-0');
    expect(lat).toBeCloseTo(0.5 + (Math.hypot(x - c.x, y - c.y) / 1000) * 0.0049, 9);
  });

  it('joins a point outside every district to the nearest hub, and works without districts', () => {
    // cameras beyond the city's east edge (x > 3000) form points outside every district
    const outside = createCameraSet(Array.from({ length: 50 }, (_, i) => ({ x: 5000 + i, y: 2900, heading: 0, fov: 90, range: 10 })));
    const net = buildHierarchicalNetwork(outside, city);
    const hubs = city.districts.map((d) => net.graph.getNodeAttributes(`hub-${d.id}`));
    const agg = net.graph.getNodeAttributes('agg-0');
    const nearest = hubs.reduce((b, h, i) => (Math.hypot(h.x - agg.x, h.y - agg.y) < Math.hypot(hubs[b].x - agg.x, hubs[b].y - agg.y) ? i : b), 0);
    // hubs without points sit at their district's bounding-box centre; the point joins the nearest
    expect(net.graph.outNeighbors('agg-0')).toEqual([`hub-${city.districts[nearest].id}`]);
    const flat = buildHierarchicalNetwork(cameras, { ...city, districts: [] });
    expect(flat.graph.outNeighbors('agg-0')).toEqual(['hub-0']);
    const none = buildHierarchicalNetwork(createCameraSet([]), city);
    expect(none.numCameras).toBe(0);
    expect(analyseNetwork(none).live.liveShare).toBe(0);
  });

  it('rejects bad options, naming them', () => {
    const b = (o: object) => () => buildHierarchicalNetwork(cameras, city, o);
    expect(b({ camerasPerAggregation: 0 })).toThrow(/buildHierarchicalNetwork: options.camerasPerAggregation must be an integer >= 1, got 0/);
    expect(b({ camerasPerAggregation: 50, maxCamerasPerAggregation: 40 })).toThrow(/options.maxCamerasPerAggregation must be >= options.camerasPerAggregation \(50\), got 40/);
    expect(b({ aggregationUplinkMbps: { lte: 0 } })).toThrow(/options.aggregationUplinkMbps.lte must be a finite number > 0, got 0/);
    expect(b({ hubUplinkMbps: -10 })).toThrow(/options.hubUplinkMbps must be a finite number > 0, got -10/);
    expect(b({ nodeAvailability: { aggregation: 1.5 } })).toThrow(/options.nodeAvailability.aggregation must be a probability in \[0, 1\], got 1.5/);
    expect(b({ linkAvailability: { satellite: 0.9 } })).toThrow(/options.linkAvailability.satellite is not a known key/);
    expect(b({ aggregationLinkMix: { fibre: 0, lte: 0, radio: 0 } })).toThrow(/options.aggregationLinkMix must have a positive share/);
    expect(b({ numCentres: 1, hubUplinks: 2 })).toThrow(/options.hubUplinks must be at most the number of centres \(1\), got 2/);
    expect(b({ centres: [{ x: NaN, y: 0 }] })).toThrow(/options.centres\[0\].x must be a finite number/);
    expect(b({ analyticsStreams: -1 })).toThrow(/options.analyticsStreams must be an integer >= 0, got -1/);
    expect(b({ nationalLonLat: [71, 51] })).toThrow(/city.projection must be set/);
    expect(b({ stream: { fps: 0 } })).toThrow(/options.stream.fps must be a finite number > 0/);
    expect(() => buildHierarchicalNetwork({} as never, city)).toThrow(/cameras must be a CameraSet/);
    expect(() => buildHierarchicalNetwork(cameras, null as never)).toThrow(/city must be a City/);
  });

  it('splits cameras into k-d groups that partition them', () => {
    const x = Float64Array.from({ length: 97 }, (_, i) => (i * 7919) % 101);
    const y = Float64Array.from({ length: 97 }, (_, i) => (i * 104729) % 103);
    const { ids, groupStart } = kdGroups(x, y, 97, 10);
    expect(Array.from(ids).sort((a, b) => a - b)).toEqual(Array.from({ length: 97 }, (_, i) => i));
    for (let g = 0; g + 1 < groupStart.length; g++) expect(groupStart[g + 1] - groupStart[g]).toBeLessThanOrEqual(10);
    expect(groupStart[groupStart.length - 1]).toBe(97);
  });
});

describe('network presets', () => {
  it('builds the Almaty network: 53,000 of 128,000 cameras live, 2,200 analytics streams, 8 hubs, national in Astana', () => {
    const p = createPreset('almaty');
    const net = buildHierarchicalNetwork(p.cameras, p.city, almatyNetworkOptions());
    const a = analyseNetwork(net);
    expect(a.live.liveCameras).toBe(53_000);
    expect(a.live.liveShare).toBeCloseTo(53_000 / 128_000, 12);
    expect(a.analytics).toMatchObject({ demand: 2200, served: 2200, shortfall: 0 });
    expect(net.graph.filterNodes((_k, at) => at.kind === 'district-hub').length).toBe(8);
    const nat = net.graph.getNodeAttributes('national');
    expect(Math.hypot(nat.x, nat.y)).toBeGreaterThan(900_000); // Astana is ≈ 980 km from Almaty
    expect(NETWORK_BUILD_DEFAULTS.camerasPerAggregation).toBe(100);
  }, 30_000);

  it('builds the Astana network with analytics sized to its face cameras', () => {
    const p = createPreset('astana');
    const net = buildHierarchicalNetwork(p.cameras, p.city, astanaNetworkOptions());
    const a = analyseNetwork(net, { retentionDays: 90 });
    expect(a.live.liveCameras).toBeGreaterThan(0);
    expect(a.analytics.shortfall).toBe(0);
    expect(a.analytics.demand).toBe(net.nodeAnalyticsStreams[net.nodeIndex.get('centre-0')!]);
  }, 30_000);
});
