import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importOsmCameras } from '../../src/cameras/osm-import.js';
import { CAMERA_KINDS, CAMERA_OPERATORS, CAPABILITY_PLATE } from '../../src/cameras/camera-set.js';
import { InvalidInputError } from '../../src/core/errors.js';
import { createLocalProjection } from '../../src/geo/projection.js';

// © OpenStreetMap contributors, ODbL 1.0 — see tests/fixtures/ATTRIBUTION.md
const FIXTURE = fileURLToPath(new URL('../fixtures/osm-cameras-switzerland-2023.geojson', import.meta.url));
const geojson = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { type: string; features: { properties: Record<string, string>; geometry: { coordinates: number[] } }[] };
const props = geojson.features.map((f) => f.properties);

function camerasOf(r: ReturnType<typeof importOsmCameras>, osmId: string) {
  const out = [];
  for (let i = 0; i < r.cameras.numCameras; i++) if (r.cameras.sourceId![i] === osmId) out.push(r.cameras.getCamera(i));
  return out;
}
function entriesOf(r: ReturnType<typeof importOsmCameras>, osmId: string) {
  return r.report.filter((e) => e.id === osmId);
}

describe('importOsmCameras on the Swiss 2023 fixture', () => {
  const r = importOsmCameras(geojson);

  it('reads the fixture as documented: 2,144 nodes, 497 with camera:direction, 33 with plain direction', () => {
    expect(geojson.features).toHaveLength(2144);
    expect(props.filter((p) => p['camera:direction'] !== undefined)).toHaveLength(497);
    expect(props.filter((p) => p['direction'] !== undefined)).toHaveLength(33);
  });

  it('imports or reports every feature: imported + skipped = 2,144, no silent drops', () => {
    expect(r.imported).toBe(2025);
    expect(r.skipped).toBe(119);
    expect(r.imported + r.skipped).toBe(2144);
    const skippedIdx = r.report.filter((e) => e.action === 'skipped').map((e) => e.index);
    expect(skippedIdx).toHaveLength(119);
    expect(new Set(skippedIdx).size).toBe(119); // one 'skipped' entry per skipped feature
    const importedIdx = new Set(r.featureIndex);
    expect(importedIdx.size).toBe(2025);
    for (const i of skippedIdx) expect(importedIdx.has(i)).toBe(false);
    expect(new Set([...skippedIdx, ...importedIdx]).size).toBe(2144);
  });

  it('skips exactly the indoor, fake and guard entries (counted independently from the tags)', () => {
    const expectedSkips = props.filter(
      (p) => p.surveillance === 'indoor' || p.indoor === 'yes' || p.surveillance === 'fake' || p['surveillance:type'] === 'guard',
    ).length;
    expect(expectedSkips).toBe(119);
    const reasons = r.report.filter((e) => e.action === 'skipped');
    expect(reasons.filter((e) => /indoor/.test(e.reason))).toHaveLength(116);
    expect(reasons.filter((e) => /fake/.test(e.reason))).toHaveLength(1);
    expect(reasons.filter((e) => /guard/.test(e.reason))).toHaveLength(2);
  });

  it('makes one camera per listed direction: 2,025 features give 2,028 cameras', () => {
    expect(r.cameras.numCameras).toBe(2028);
    expect(r.featureIndex).toHaveLength(2028);
  });

  it('reads "360" as one omnidirectional camera', () => {
    const [cam, ...rest] = camerasOf(r, 'node/843534477');
    expect(rest).toHaveLength(0);
    expect(cam).toMatchObject({ heading: 0, fov: 360, kind: 'dome', operator: 'private' });
  });

  it('reads the clockwise range "190-100" as heading 325 with a 270° field of view', () => {
    const cams = camerasOf(r, 'node/4353583563');
    expect(cams).toHaveLength(1);
    expect(cams[0]).toMatchObject({ heading: 325, fov: 270, kind: 'dome', tilt: 5, height: 3.5, operator: 'public' });
    // Nothing about its direction was defaulted.
    expect(entriesOf(r, 'node/4353583563').filter((e) => e.tag === 'camera:direction')).toHaveLength(0);
  });

  it('reads "south" as heading 180 with the default field of view, and reports the default', () => {
    const cams = camerasOf(r, 'node/4361765461');
    expect(cams).toHaveLength(1);
    expect(cams[0]).toMatchObject({ heading: 180, fov: 90, tilt: 15, height: 4, kind: 'fixed' });
    const e = entriesOf(r, 'node/4361765461').find((x) => x.tag === 'camera:direction');
    expect(e).toMatchObject({ value: 'south', action: 'fov 90° (options.fov)' });
  });

  it('splits "180, 270" into two cameras and reports it', () => {
    const cams = camerasOf(r, 'node/4590454439');
    expect(cams.map((c) => c.heading)).toEqual([180, 270]);
    expect(cams.map((c) => c.fov)).toEqual([90, 90]);
    expect(entriesOf(r, 'node/4590454439').map((e) => e.action)).toContain('one camera per direction (2 cameras)');
    expect(camerasOf(r, 'node/7176707339').map((c) => c.heading)).toEqual([90, 160, 270]);
  });

  it('makes one 360° camera of a direction list when splitMultiDirection is false, and reports it', () => {
    const one = importOsmCameras(geojson, { splitMultiDirection: false });
    expect(one.cameras.numCameras).toBe(2025);
    const cams = camerasOf(one, 'node/4590454439');
    expect(cams).toHaveLength(1);
    expect(cams[0]).toMatchObject({ heading: 0, fov: 360 });
    expect(entriesOf(one, 'node/4590454439').some((e) => /one omnidirectional camera/.test(e.action))).toBe(true);
  });

  it('normalises negative directions and reports them', () => {
    const cams = camerasOf(r, 'node/9384503184');
    expect(cams[0].heading).toBe(290);
    const entries = entriesOf(r, 'node/9384503184');
    expect(entries.find((e) => e.tag === 'camera:direction' && /negative/.test(e.reason))).toBeDefined();
    // camera:angle=120 is not a tilt: reported, default tilt applied.
    expect(entries.find((e) => e.tag === 'camera:angle')).toMatchObject({ value: '120', action: 'tilt 15° (default)' });
    expect(cams[0].tilt).toBe(15);
  });

  it('reads camera:angle as tilt (with a degree sign), camera:height as height, plain direction, and ALPR as plate reading', () => {
    expect(camerasOf(r, 'node/5031050430')[0]).toMatchObject({ tilt: 15, height: 3.5, heading: 350 });
    const alpr = camerasOf(r, 'node/6928121637')[0];
    expect(alpr).toMatchObject({ heading: 228, capabilities: ['plate'] });
    expect(camerasOf(r, 'node/2712961963')[0].capabilities).toEqual(['plate']);
    let plates = 0;
    for (let i = 0; i < r.cameras.numCameras; i++) if (r.cameras.capabilities[i] & CAPABILITY_PLATE) plates++;
    expect(plates).toBe(2);
  });

  it('gives cameras without a direction a 360° field of view and reports every one of them', () => {
    // A 360° camera either says so in the data (direction "360") or has a report entry saying it was defaulted.
    let omni = 0;
    let explicit = 0;
    for (let i = 0; i < r.cameras.numCameras; i++) {
      if (r.cameras.fov[i] !== 360) continue;
      omni++;
      const p = props[r.featureIndex[i]];
      if ((p['camera:direction'] ?? p['direction']) === '360') explicit++;
    }
    const reported = r.report.filter((e) => e.action === 'omnidirectional (fov 360)').length;
    expect(explicit).toBe(47);
    expect(omni).toBe(explicit + reported);
    // Fixed (or untyped) cameras without a direction are all reported.
    const expectedReported = [...new Set(r.featureIndex)].filter((i) => props[i]['camera:direction'] === undefined && props[i]['direction'] === undefined).length;
    expect(reported).toBe(expectedReported);
  });

  it('reports a default for every missing height and tilt, and keeps tag text per camera', () => {
    const imported = new Set(r.featureIndex);
    const missingHeight = [...imported].filter((i) => props[i].height === undefined && props[i]['camera:height'] === undefined).length;
    expect(r.report.filter((e) => e.tag === 'height' && e.action === 'height 5 m (default)').length).toBe(missingHeight);
    const missingAngle = [...imported].filter((i) => props[i]['camera:angle'] === undefined).length;
    expect(r.report.filter((e) => e.tag === 'camera:angle' && e.reason === 'missing').length).toBe(missingAngle);
    for (let i = 0; i < r.cameras.numCameras; i++) {
      const p = props[r.featureIndex[i]];
      expect(r.tags.operator[i]).toBe(p.operator ?? '');
      expect(r.tags.zone[i]).toBe(p['surveillance:zone'] ?? '');
      expect(r.tags.mount[i]).toBe(p['camera:mount'] ?? '');
    }
    const total = r.summary.reduce((a, s) => a + s.count, 0);
    expect(total).toBe(r.report.length);
  });

  it('maps surveillance=public/outdoor to public/private operators', () => {
    for (let i = 0; i < r.cameras.numCameras; i++) {
      const s = props[r.featureIndex[i]].surveillance;
      const op = CAMERA_OPERATORS[r.cameras.operator[i]];
      if (s === 'public') expect(op).toBe('public');
      if (s === 'outdoor') expect(op).toBe('private');
      if (s === undefined) expect(op).toBe('unknown');
    }
  });

  it('projects around the centre of the data and never yields NaN', () => {
    const lons = geojson.features.map((f) => f.geometry.coordinates[0]);
    const lats = geojson.features.map((f) => f.geometry.coordinates[1]);
    expect(r.projection.lon0).toBeCloseTo((Math.min(...lons) + Math.max(...lons)) / 2, 9);
    expect(r.projection.lat0).toBeCloseTo((Math.min(...lats) + Math.max(...lats)) / 2, 9);
    for (let i = 0; i < r.cameras.numCameras; i++) {
      const [lon, lat] = geojson.features[r.featureIndex[i]].geometry.coordinates;
      const [x, y] = r.projection.forward(lon, lat);
      expect(r.cameras.x[i]).toBe(x);
      expect(r.cameras.y[i]).toBe(y);
      for (const col of [r.cameras.heading, r.cameras.fov, r.cameras.range, r.cameras.height, r.cameras.tilt]) expect(Number.isFinite(col[i])).toBe(true);
      expect(CAMERA_KINDS[r.cameras.kind[i]]).toBeDefined();
    }
    // Switzerland spans about 350 km east–west.
    let maxX = 0;
    for (let i = 0; i < r.cameras.numCameras; i++) maxX = Math.max(maxX, Math.abs(r.cameras.x[i]));
    expect(maxX).toBeGreaterThan(100_000);
    expect(maxX).toBeLessThan(250_000);
  });

  it('uses a given projection', () => {
    const p = createLocalProjection(8.5, 47.4);
    const rp = importOsmCameras(geojson, { projection: p });
    expect(rp.projection).toBe(p);
    const [x, y] = p.forward(...(geojson.features[rp.featureIndex[0]].geometry.coordinates as [number, number]));
    expect(rp.cameras.x[0]).toBe(x);
    expect(rp.cameras.y[0]).toBe(y);
  });

  it('skips fixed cameras without a readable direction when missingDirection is "skip", still accounting for every feature', () => {
    const s = importOsmCameras(geojson, { missingDirection: 'skip' });
    expect(s.imported + s.skipped).toBe(2144);
    const fixedNoDir = props.filter((p) => {
      if (p.surveillance === 'indoor' || p.indoor === 'yes' || p.surveillance === 'fake' || p['surveillance:type'] === 'guard') return false;
      const t = p['camera:type'];
      const omniKind = t === 'dome' || t === 'panning' || t === '360' || t === 'dome;fixed';
      return !omniKind && p['camera:direction'] === undefined && p['direction'] === undefined;
    }).length;
    expect(s.skipped).toBe(119 + fixedNoDir);
  });

  it('imports indoor cameras with includeIndoor', () => {
    const all = importOsmCameras(geojson, { includeIndoor: true });
    expect(all.skipped).toBe(3);
    expect(all.imported).toBe(2141);
  });

  it('applies the optics options: fov for single directions, resolution and range', () => {
    const o = importOsmCameras(geojson, { fov: 60, resolutionPx: 3840, range: 25, height: 4, tilt: 10 });
    expect(camerasOf(o, 'node/4361765461')[0]).toMatchObject({ fov: 60, range: 25, resolutionPx: 3840, tilt: 15, height: 4 });
    expect(camerasOf(o, 'node/843534477')[0]).toMatchObject({ fov: 360, height: 4, tilt: 10 });
    // Without a range: the DORI detect distance. A 360° lens is wider than the rectilinear limit (120°):
    // image width factor 2·tan(60°)·(360/120), so 1920 / (25 · 6·tan 60°) m.
    expect(camerasOf(r, 'node/843534477')[0].range).toBeCloseTo(1920 / (25 * 6 * Math.tan(Math.PI / 3)), 9);
  });

  it('is deterministic', () => {
    const again = importOsmCameras(geojson);
    expect(Array.from(again.cameras.heading)).toEqual(Array.from(r.cameras.heading));
    expect(again.report).toEqual(r.report);
  });
});

describe('importOsmCameras on bad input', () => {
  const point = (props: Record<string, unknown>, coordinates: unknown = [8.5, 47.4]) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates },
    properties: { man_made: 'surveillance', 'surveillance:type': 'camera', surveillance: 'public', 'camera:type': 'fixed', 'camera:direction': '90', height: '4', 'camera:angle': '10', ...props },
  });

  it('throws InvalidInputError when the input is not a FeatureCollection', () => {
    for (const bad of [null, undefined, 42, 'x', [], { type: 'Feature' }, { type: 'FeatureCollection' }, { type: 'FeatureCollection', features: {} }]) {
      let err: unknown;
      try {
        importOsmCameras(bad);
      } catch (e) {
        err = e;
      }
      expect(err, JSON.stringify(bad)).toBeInstanceOf(InvalidInputError);
      expect((err as Error).message).toMatch(/^importOsmCameras: geojson/);
    }
  });

  it('throws InvalidInputError naming the option for every bad option', () => {
    const fc = { type: 'FeatureCollection', features: [] };
    const bad: [object, string][] = [
      [{ includeIndoor: 'yes' }, 'options.includeIndoor'],
      [{ splitMultiDirection: 1 }, 'options.splitMultiDirection'],
      [{ missingDirection: 'guess' }, 'options.missingDirection'],
      [{ fov: 0 }, 'options.fov'],
      [{ fov: 361 }, 'options.fov'],
      [{ resolutionPx: -1 }, 'options.resolutionPx'],
      [{ range: 0 }, 'options.range'],
      [{ height: -1 }, 'options.height'],
      [{ tilt: 91 }, 'options.tilt'],
      [{ projection: {} }, 'options.projection'],
    ];
    for (const [opts, field] of bad) {
      let err: unknown;
      try {
        importOsmCameras(fc, opts as never);
      } catch (e) {
        err = e;
      }
      expect(err, field).toBeInstanceOf(InvalidInputError);
      expect((err as InvalidInputError).field).toBe(field);
    }
    expect(() => importOsmCameras(fc, 'x' as never)).toThrow(/options must be an object/);
  });

  it('reports and skips features without usable Point geometry or that are not surveillance nodes', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        point({ '@id': 'node/1' }),
        { type: 'Feature', geometry: null, properties: { '@id': 'node/2', man_made: 'surveillance' } },
        { type: 'Feature', properties: { '@id': 'node/3', man_made: 'surveillance' } },
        { type: 'Feature', geometry: { type: 'LineString', coordinates: [[8, 47], [8.1, 47]] }, properties: { '@id': 'way/4', man_made: 'surveillance' } },
        { type: 'Feature', geometry: { type: 'Polygon', coordinates: [] }, properties: { '@id': 'way/5', man_made: 'surveillance' } },
        point({ '@id': 'node/6' }, [NaN, 47]),
        point({ '@id': 'node/7' }, [200, 47]),
        point({ '@id': 'node/8', man_made: 'tower' }),
        { type: 'Polygon', coordinates: [] },
        null,
        { ...point({}), id: 'node/11', properties: null },
      ],
    };
    const r = importOsmCameras(fc);
    expect(r.imported).toBe(1);
    expect(r.skipped).toBe(10);
    expect(r.cameras.numCameras).toBe(1);
    const skips = r.report.filter((e) => e.action === 'skipped');
    expect(skips.map((e) => [e.index, e.tag])).toEqual([
      [1, 'geometry'],
      [2, 'geometry'],
      [3, 'geometry'],
      [4, 'geometry'],
      [5, 'geometry'],
      [6, 'geometry'],
      [7, 'man_made'],
      [8, 'type'],
      [9, 'type'],
      [10, 'man_made'],
    ]);
    expect(skips[0]).toMatchObject({ id: 'node/2', reason: 'missing geometry' });
    expect(skips[2]).toMatchObject({ id: 'way/4', value: 'LineString' });
    expect(skips[9].id).toBe('node/11');
  });

  it('reports unreadable tags with the default it applied, and a fully tagged camera has no report entry except its fov', () => {
    const r = importOsmCameras({
      type: 'FeatureCollection',
      features: [
        point({ '@id': 'node/1' }),
        point({ '@id': 'node/2', 'camera:direction': 'up', height: 'tall', 'camera:angle': 'steep', 'camera:type': 'box', surveillance: 'yes' }),
        point({ '@id': 'node/3', 'camera:direction': 'north', direction: '180' }),
        point({ '@id': 'node/4', 'camera:type': 'panning', 'camera:direction': undefined }),
        point({ '@id': 'node/5', 'surveillance:type': 'ALPR;camera', height: '6 m' }),
      ],
    });
    expect(r.report.filter((e) => e.id === 'node/1').map((e) => e.action)).toEqual(['fov 90° (options.fov)']);
    const two = r.report.filter((e) => e.id === 'node/2');
    expect(two.map((e) => [e.tag, e.action])).toEqual([
      ['surveillance', 'operator unknown; outdoor assumed'],
      ['camera:type', 'kind fixed'],
      ['camera:direction', 'omnidirectional (fov 360)'],
      ['camera:angle', 'tilt 15° (default)'],
      ['height', 'height 5 m (default)'],
    ]);
    expect(two[2].reason).toMatch(/unrecognised direction "up": direction unknown/);
    expect(r.cameras.getCamera(1)).toMatchObject({ fov: 360, tilt: 15, height: 5, operator: 'unknown' });
    expect(r.report.find((e) => e.id === 'node/3' && e.tag === 'direction')?.action).toBe('ignored; camera:direction used');
    expect(r.cameras.getCamera(2).heading).toBe(0);
    expect(r.cameras.getCamera(3)).toMatchObject({ fov: 360, kind: 'panning' });
    expect(r.report.find((e) => e.id === 'node/4')?.reason).toMatch(/panning camera can look any way/);
    expect(r.cameras.getCamera(4)).toMatchObject({ capabilities: ['plate'], height: 6 });
  });

  it('reports a zero-width direction range read as a 360° camera', () => {
    const r = importOsmCameras({ type: 'FeatureCollection', features: [point({ '@id': 'node/1', 'camera:direction': '90-90' })] });
    expect(r.cameras.getCamera(0)).toMatchObject({ fov: 360 });
    const e = r.report.find((x) => x.tag === 'camera:direction');
    expect(e).toMatchObject({ id: 'node/1', value: '90-90', reason: 'zero-width range "90-90" (start equals end) read as the full circle', action: 'heading 270° fov 360°' });
  });

  it('reports a mount height of 0 and applies the default instead', () => {
    const r = importOsmCameras({ type: 'FeatureCollection', features: [point({ '@id': 'node/1', height: '0' }), point({ '@id': 'node/2', height: '0 m' }, [8.51, 47.4])] }, { height: 6 });
    expect(r.cameras.getCamera(0).height).toBe(6);
    expect(r.cameras.getCamera(1).height).toBe(6);
    expect(r.report.filter((x) => x.tag === 'height').map((x) => [x.id, x.value, x.reason, x.action])).toEqual([
      ['node/1', '0', 'a mount height must be > 0 m', 'height 6 m (default)'],
      ['node/2', '0 m', 'a mount height must be > 0 m', 'height 6 m (default)'],
    ]);
  });

  it('centres its projection across the ±180° meridian, giving finite, short distances', () => {
    const r = importOsmCameras({ type: 'FeatureCollection', features: [point({}, [179.9995, -16.5]), point({}, [-179.9995, -16.5])] });
    expect(r.cameras.numCameras).toBe(2);
    expect(Math.abs(Math.abs(r.projection.lon0) - 180)).toBeLessThan(1e-9);
    const dx = r.cameras.x[1] - r.cameras.x[0];
    const dy = r.cameras.y[1] - r.cameras.y[0];
    // 0.001° of longitude at 16.5° S on a sphere of mean radius 6,371,008.8 m: about 106.6 m (ellipsoid within 0.5%).
    const expected = (0.001 * Math.PI / 180) * 6_371_008.8 * Math.cos((16.5 * Math.PI) / 180);
    expect(Math.hypot(dx, dy) / expected).toBeCloseTo(1, 2);
    for (const col of [r.cameras.x, r.cameras.y]) for (const v of col) expect(Number.isFinite(v)).toBe(true);
  });

  it('reports and skips a point with no finite position in the given projection (its antipode)', () => {
    const projection = createLocalProjection(0, 0);
    const r = importOsmCameras({ type: 'FeatureCollection', features: [point({ '@id': 'node/1' }, [180, 0]), point({ '@id': 'node/2' }, [1, 0])] }, { projection });
    expect(r.cameras.numCameras).toBe(1);
    expect(r.imported).toBe(1);
    expect(r.skipped).toBe(1);
    expect(r.report.find((e) => e.id === 'node/1' && e.tag === 'geometry')).toMatchObject({ action: 'skipped', value: [180, 0] });
    expect(Array.from(r.featureIndex)).toEqual([1]);
  });

  it('returns an empty set for an empty collection', () => {
    const r = importOsmCameras({ type: 'FeatureCollection', features: [] });
    expect(r.cameras.numCameras).toBe(0);
    expect(r.report).toEqual([]);
    expect(r.skipped).toBe(0);
  });
});
