/**
 * The network and exposure sections of the scenario schema: every broken
 * section fails with each problem's JSON path, value and what was expected.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario, ScenarioError, scenarioJsonSchema } from '../../src/index.js';

const base = { city: { preset: 'almaty' } };

/** The issues of a scenario that must fail, as `path | expected | value`. */
function issues(s: unknown): string[] {
  try {
    parseScenario(s);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as ScenarioError).issues.map((i) => `${i.path} | ${i.expected} | ${JSON.stringify(i.value)}`);
  }
  throw new Error('the scenario validated');
}

describe('the network section', () => {
  it('accepts the three forms and applies the analyses defaults', () => {
    const s = parseScenario({ ...base, network: { from: 'preset' }, analyses: { network: {}, spof: {}, outages: {}, damage: { randomUnits: 3 } } });
    expect(s.network).toEqual({ from: 'preset' });
    expect(s.analyses.network).toEqual({ retentionDays: 30, analyticsDemand: 'face', overloadThreshold: 1 });
    expect(s.analyses.spof).toEqual({ top: 10, includeLinks: true, area: false });
    expect(s.analyses.outages).toMatchObject({ trials: 1000, districtBlackout: 0, cameraAvailability: 1, ci: 'normal' });
    expect(s.analyses.damage).toMatchObject({ randomUnits: 3, randomCameras: 0, unitKinds: ['aggregation'], darkenUnitCameras: true, coverage: true });
    expect(parseScenario({ ...base, network: { from: 'hierarchical', camerasPerAggregation: 50, centres: [{ lon: 76.9, lat: 43.2 }, { x: 0, y: 0 }], national: null } }).network).toMatchObject({ from: 'hierarchical' });
    expect(parseScenario({ ...base, network: { from: 'geojson', file: 'net.geojson', attachKinds: ['aggregation'] } }).network).toMatchObject({ file: 'net.geojson' });
  });

  it('names an unknown form, a bad option, an unknown key and a missing file', () => {
    expect(issues({ ...base, network: { from: 'mesh' } })).toEqual(['network.from | must be one of "preset", "hierarchical", "geojson" | "mesh"']);
    expect(issues({ ...base, network: { from: 'preset', camerasPerAggregation: 0, colour: 1, aggregationLinkMix: { fibre: -1, satellite: 1 } } })).toEqual([
      'network.camerasPerAggregation | must be >= 1 | 0',
      'network.aggregationLinkMix.fibre | must be >= 0 | -1',
      'network.aggregationLinkMix.satellite | is not a known key | 1',
      'network.colour | is not a known key | 1',
    ]);
    expect(issues({ ...base, network: { from: 'geojson' } })).toEqual(['network.file | is required (a string) | undefined']);
    expect(issues({ ...base, network: { from: 'preset', stream: { codec: 'av1' } } })).toEqual(['network.stream.codec | must be one of "h264", "h265" | "av1"']);
  });

  it('rejects network analyses without a network, and bad analysis options', () => {
    expect(issues({ ...base, analyses: { spof: {}, damage: {} } })).toEqual(['analyses.spof | needs the network section | {}', 'analyses.damage | needs the network section | {}']);
    expect(issues({ ...base, network: { from: 'preset' }, analyses: { outages: { trials: 0, districtBlackout: 2 } } })).toEqual([
      'analyses.outages.trials | must be >= 1 | 0',
      'analyses.outages.districtBlackout | must be <= 1 | 2',
    ]);
    expect(issues({ ...base, network: { from: 'preset' }, analyses: { damage: { randomUnits: -1, unitKinds: ['tower'] } } })).toEqual([
      'analyses.damage.randomUnits | must be >= 0 | -1',
      'analyses.damage.unitKinds[0] | must be one of "aggregation", "district-hub", "city-centre", "national" | "tower"',
    ]);
  });

  it('needs a network preset name when the city is imported', () => {
    const imported = { city: { import: { boundary: 'b.geojson', streets: 's.geojson' } }, cameras: [{ from: 'uniform', numCameras: 10 }] };
    expect(issues({ ...imported, network: { from: 'preset' } })).toContain('network.name | is required when the city is imported (no preset city to take the network options from) | undefined');
  });
});

describe('the residents, trips, recognition sections and the exposure analysis', () => {
  it('accepts a full exposure scenario with defaults applied', () => {
    const s = parseScenario({
      ...base,
      residents: { count: 100 },
      trips: { days: 2, walkMidpoint: 800, departure: { work: { mean: 28_800, sd: 1800 } }, deterrence: { errand: { kind: 'power', exponent: 2 } } },
      recognition: { name: 'vendor', truePositiveRate: 0.9, fpir: 0.001, referenceGallerySize: 10_000 },
      analyses: {
        exposure: {
          watchlistSize: 1000,
          unicity: {},
          crowds: [{ name: 'square', polygon: [[76.94, 43.23], [76.95, 43.23], [76.95, 43.24]], numPeople: 100 }],
          places: { a: { lon: 76.9, lat: 43.2 }, b: { x: 100, y: 200 } },
          routes: [{ from: 'a', to: 'b' }],
        },
      },
    });
    expect(s.residents).toEqual({ count: 100 });
    expect(s.analyses.exposure!.unicity).toEqual({ kMax: 8, sampleSize: 1000, crowdSizes: [1000, 2000, 5000], cellSize: 1000 });
    expect(s.analyses.exposure!.crowds![0]).toMatchObject({ coordinates: 'lonlat', afterDamage: false });
    expect(s.analyses.exposure!.occlusion).toBe(true);
  });

  it('lists every problem of broken residents, trips and recognition sections', () => {
    expect(issues({ ...base, residents: { count: 0 }, trips: { days: 0, deterrence: { work: { kind: 'gauss' } } }, analyses: { exposure: {} } })).toEqual([
      'residents.count | must be >= 1 | 0',
      'trips.days | must be >= 1 | 0',
      'trips.deterrence.work.kind | must be one of "exponential", "power" | "gauss"',
    ]);
    expect(issues({ ...base, residents: {}, recognition: 'magic', analyses: { exposure: {} } })).toEqual([
      'recognition | must be one of "nist-photo-1n", "nist-video-noncooperative", "london-met-lfr" | "magic"',
    ]);
    expect(issues({ ...base, residents: {}, recognition: { name: 'm', truePositiveRate: 2 }, analyses: { exposure: {} } })).toEqual(['recognition.truePositiveRate | must be <= 1 | 2']);
    expect(issues({ ...base, residents: {}, analyses: { exposure: { unicity: { kMax: 9 } } } })).toEqual(['analyses.exposure.unicity.kMax | must be <= 8 | 9']);
  });

  it('rejects sections with nothing to use them, trips without residents and crowds in the wrong shape', () => {
    expect(issues({ ...base, trips: {} })).toEqual(['trips | needs the residents section | {}', 'trips | is used only by analyses.exposure, which is missing | {}']);
    expect(issues({ ...base, residents: { count: 5 } })).toEqual(['residents | is used only by analyses.exposure, which is missing | {"count":5}']);
    expect(issues({ ...base, analyses: { exposure: { crowds: [{ name: 'a', numPeople: 10, polygon: [[1, 2], [3, 4], [5, 6]], route: [[1, 2], [3, 4]] }] } } })).toEqual([
      'analyses.exposure.crowds[0].polygon | give exactly one of polygon or route | [[1,2],[3,4],[5,6]]',
      'analyses.exposure.crowds[0].width | is required with a route | undefined',
    ]);
    expect(issues({ ...base, analyses: { exposure: { crowds: [{ name: 'b', numPeople: 0, route: [[1, 2]] }] } } })).toEqual([
      'analyses.exposure.crowds[0].route | must have at least 2 items | [[1,2]]',
      'analyses.exposure.crowds[0].numPeople | must be > 0 | 0',
      'analyses.exposure.crowds[0].width | is required with a route | undefined',
    ]);
  });

  it('needs routes between named places, and damage for a crowd counted after the damage', () => {
    expect(issues({ ...base, analyses: { exposure: { places: { a: { x: 0, y: 0 } }, routes: [{ from: 'a', to: 'nowhere' }] } } })).toEqual([
      'analyses.exposure.routes[0].to | must name a place in analyses.exposure.places ("a") | "nowhere"',
    ]);
    expect(issues({ ...base, analyses: { exposure: { crowds: [{ name: 'b', numPeople: 10, route: [[1, 2], [3, 4]], width: 5, afterDamage: true }] } } })).toEqual([
      'analyses.exposure.crowds[0].afterDamage | needs analyses.damage | true',
    ]);
  });

  it('describes the new sections in the JSON Schema for editors', () => {
    const js = JSON.stringify(scenarioJsonSchema());
    for (const key of ['"network"', '"residents"', '"trips"', '"recognition"', '"exposure"', '"spof"', '"outages"', '"damage"', '"crowds"', '"unicity"']) expect(js).toContain(key);
  });
});
