/**
 * Issue 18, defects 2 and 6 (network side): every count and share of
 * buildHierarchicalNetwork is bounded as in the scenario schema, so a huge
 * value is a typed error naming the option instead of a fill loop that never
 * ends; a seed that is neither a seed nor an Rng is a typed error instead of
 * "rng.stream is not a function".
 */
import { describe, expect, it } from 'vitest';
import { InvalidInputError, parseScenario } from '../../src/index.js';
import { placeUniform } from '../../src/cameras/index.js';
import { generateGridCity } from '../../src/city/index.js';
import { buildHierarchicalNetwork, NETWORK_BUILD_LIMITS } from '../../src/network/index.js';

const city = generateGridCity();
const cameras = placeUniform(city.bounds, 300, { seed: 5, fov: 90, range: 30, live: true });
const build = (o: object) => () => buildHierarchicalNetwork(cameras, city, o as never);

describe('buildHierarchicalNetwork bounds its counts and shares (issue 18)', () => {
  it('refuses numCentres: 1e308 (the schema caps centres at 1,000; the API now does too)', () => {
    expect(NETWORK_BUILD_LIMITS.numCentres).toBe(1000);
    expect(build({ numCentres: 1e308 })).toThrow(InvalidInputError);
    expect(build({ numCentres: 1e308 })).toThrow(/buildHierarchicalNetwork: options\.numCentres must be at most 1,000/);
    expect(build({ numCentres: 1001 })).toThrow(/options\.numCentres/);
    expect(build({ centres: new Array(1001).fill({ x: 0, y: 0 }) })).toThrow(/options\.centres\.length/);
    expect(build({ camerasPerAggregation: 1e308 })).toThrow(/options\.camerasPerAggregation must be at most/);
    expect(build({ analyticsStreams: 1e308 })).toThrow(/options\.analyticsStreams must be at most/);
    expect(build({ nationalAnalyticsStreams: 2 ** 33 })).toThrow(/options\.nationalAnalyticsStreams/);
  });

  it('refuses an aggregationLinkMix share of 1e308, and splits large finite shares exactly', () => {
    expect(build({ aggregationLinkMix: { fibre: 1e308 } })).toThrow(/options\.aggregationLinkMix\.fibre must be at most 1,000,000/);
    // Shares are relative: 1e6 : 0 : 0 puts every uplink on fibre; 1e6 : 1e6 : 0 splits them evenly.
    const all = buildHierarchicalNetwork(cameras, city, { aggregationLinkMix: { fibre: 1e6, lte: 0, radio: 0 }, camerasPerAggregation: 20 });
    const kinds = (net: typeof all) => {
      const out: Record<string, number> = {};
      net.graph.forEachEdge((_e, a, s) => {
        if (s.startsWith('agg-')) out[a.kind as string] = (out[a.kind as string] ?? 0) + 1;
      });
      return out;
    };
    const k1 = kinds(all);
    expect(Object.keys(k1).filter((k) => k !== 'fibre' && k1[k] > 0)).toEqual([]);
    const half = buildHierarchicalNetwork(cameras, city, { aggregationLinkMix: { fibre: 1e6, lte: 1e6, radio: 0 }, camerasPerAggregation: 20 });
    const k2 = kinds(half);
    expect(Math.abs((k2.fibre ?? 0) - (k2.lte ?? 0))).toBeLessThanOrEqual(1);
  });

  it('refuses a seed that is neither a seed nor an Rng, naming options.seed (defect 6)', () => {
    for (const seed of [{}, [], Infinity, NaN, true, Symbol('s'), 1n, { next: () => 0.5 }]) {
      expect(build({ seed }), String(typeof seed)).toThrow(InvalidInputError);
      expect(build({ seed }), String(typeof seed)).toThrow(/buildHierarchicalNetwork: options\.seed must be a string, a finite number or an Rng/);
    }
  });

  it('the scenario schema bounds aggregationLinkMix like the API', () => {
    const base = { city: { preset: 'astana' }, cameras: [{ from: 'preset', name: 'astana', numCameras: 10 }] };
    expect(() => parseScenario({ ...base, network: { from: 'preset', aggregationLinkMix: { fibre: 1e308 } } })).toThrow(/aggregationLinkMix\.fibre/);
    expect(parseScenario({ ...base, network: { from: 'preset', aggregationLinkMix: { fibre: 1e6 } } }).network).toMatchObject({ from: 'preset' });
  });
});
