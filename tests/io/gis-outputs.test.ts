/**
 * The files GIS users open directly: camera footprints (checked against the
 * sector's closed-form area and turf), the network split into nodes and
 * links with numeric ids, 7-decimal coordinates in every GeoJSON file,
 * FlatGeobuf twins read back with the flatgeobuf reader, and density cells
 * divided by their area inside the real Almaty boundary (checked with turf).
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import { runScenarioDetailed, writeScenarioOutputs, createCameraSet, createLocalProjection, ALMATY_BOUNDARY, InvalidInputError, type ScenarioRun } from '../../src/index.js';
import { cameraFootprintsGeoJsonChunks, CAMERA_FOOTPRINTS_DEFAULTS, flatgeobufBytes, OUTPUT_FILES } from '../../src/io/index.js';

type Feature = { type: 'Feature'; id?: unknown; geometry: { type: string; coordinates: any }; properties: Record<string, any> };
type FC = { type: 'FeatureCollection'; features: Feature[] };

const projection = createLocalProjection(76.9, 43.25);
const parse = (chunks: Iterable<string>): FC => JSON.parse([...chunks].join(''));

/** Shoelace area of a ring given as [x, y] pairs (local metres). */
function shoelace(ring: number[][]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s / 2;
}

/** Every position of a geometry, flattened. */
function positions(c: any): number[][] {
  return typeof c[0] === 'number' ? [c] : c.flatMap(positions);
}

async function readFgb(bytes: Uint8Array): Promise<Feature[]> {
  const out: Feature[] = [];
  for await (const f of deserialize(bytes)) out.push(f as unknown as Feature);
  return out;
}

describe('camera-footprints.geojson', () => {
  const lenses = [
    { x: 0, y: 0, heading: 0, fov: 40, range: 105.5 },
    { x: 500, y: -300, heading: 90, fov: 90, range: 10 },
    { x: -800, y: 200, heading: 225, fov: 180, range: 300 },
    { x: 100, y: 900, heading: 30, fov: 360, range: 50 },
    { x: 50, y: 50, heading: 359, fov: 1, range: 30 },
  ];
  const cams = createCameraSet(lenses.map((l) => ({ ...l, height: 6, tilt: 10 })));
  const e = CAMERA_FOOTPRINTS_DEFAULTS.maxChordError;
  const fc = parse(cameraFootprintsGeoJsonChunks(cams, projection));

  it('has one counter-clockwise, closed Polygon per camera with the camera properties', () => {
    expect(fc.features).toHaveLength(lenses.length);
    fc.features.forEach((f, i) => {
      expect(f.geometry.type).toBe('Polygon');
      const ring = f.geometry.coordinates[0];
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      expect(turf.booleanClockwise(ring)).toBe(false);
      expect(f.properties).toMatchObject({ id: i, heading: lenses[i].heading, fov: lenses[i].fov, range: lenses[i].range, kind: 'fixed' });
    });
  });

  it("has the sector's area ½ r² fov, short by less than fov · r · maxChordError (local metres, and turf on the sphere within 0.5 %)", () => {
    fc.features.forEach((f, i) => {
      const { range: r, fov } = lenses[i];
      const exact = 0.5 * r * r * ((fov * Math.PI) / 180);
      const local = shoelace(f.geometry.coordinates[0].map(([lon, lat]: number[]) => projection.forward(lon, lat)));
      // 7 decimals ≈ 1 cm: a small allowance for the rounding of every vertex.
      const rounding = 0.02 * r * 4;
      expect(local).toBeLessThanOrEqual(exact + rounding);
      expect(local).toBeGreaterThanOrEqual(exact - ((fov * Math.PI) / 180) * r * e - rounding);
      // turf measures on a sphere (0.5 %); the chords cut off up to fov · r · maxChordError; each vertex moved up to ≈1 cm by the rounding.
      expect(Math.abs(turf.area(f as any) - exact)).toBeLessThan(0.005 * exact + ((fov * Math.PI) / 180) * r * e + (2 + (fov * Math.PI) / 180) * r * 0.02);
    });
  });

  it('keeps every chord within maxChordError of the arc: chord midpoints lie at least r − maxChordError from the apex', () => {
    fc.features.forEach((f, i) => {
      const { x, y, range: r, fov } = lenses[i];
      const pts = f.geometry.coordinates[0].map(([lon, lat]: number[]) => projection.forward(lon, lat));
      const arc = fov === 360 ? pts : pts.slice(1, -1); // without the apex
      for (let k = 0; k + 1 < arc.length; k++) {
        const mx = (arc[k][0] + arc[k + 1][0]) / 2 - x;
        const my = (arc[k][1] + arc[k + 1][1]) / 2 - y;
        expect(Math.hypot(mx, my)).toBeGreaterThan(r - e - 0.03);
        expect(Math.hypot(arc[k][0] - x, arc[k][1] - y)).toBeCloseTo(r, 1);
      }
    });
  });

  it('contains the camera and the point halfway along its heading, not the point just beyond its range', () => {
    fc.features.forEach((f, i) => {
      const { x, y, heading, range: r } = lenses[i];
      const along = (d: number) => turf.point(projection.inverse(x + d * Math.sin((heading * Math.PI) / 180), y + d * Math.cos((heading * Math.PI) / 180)));
      // The camera as cameras.geojson places it (rounded to 7 decimals) is the wedge's apex, on its boundary.
      const apex = projection.inverse(x, y).map((v) => Math.round(v * 1e7) / 1e7);
      expect(turf.booleanPointInPolygon(turf.point(apex), f as any)).toBe(true);
      expect(turf.booleanPointInPolygon(along(r / 100), f as any)).toBe(true);
      expect(turf.booleanPointInPolygon(along(r / 2), f as any)).toBe(true);
      expect(turf.booleanPointInPolygon(along(r * 1.02), f as any)).toBe(false);
    });
  });

  it('refuses a chord error that is not a positive number of metres', () => {
    expect(() => parse(cameraFootprintsGeoJsonChunks(cams, projection, { maxChordError: 0 }))).toThrow(InvalidInputError);
    expect(() => parse(cameraFootprintsGeoJsonChunks(cams, projection, { maxChordError: Number.NaN }))).toThrow(/maxChordError/);
    expect(() => parse(cameraFootprintsGeoJsonChunks(cams, projection, { maxChordErorr: 1 } as never))).toThrow(/maxChordErorr/);
  });
});

describe('flatgeobufBytes', () => {
  it('writes a file the flatgeobuf reader reads back: polygons with holes, every column type, nulls left out', async () => {
    const features = [
      { geometry: { type: 'Polygon' as const, coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]], [[0.2, 0.1], [0.3, 0.1], [0.3, 0.2], [0.2, 0.1]]] }, properties: { id: 1, name: 'Almalı', live: true, share: 0.25, big: 2 ** 40, missing: null, list: [1, 2] } },
      { geometry: { type: 'Polygon' as const, coordinates: [[[5, 5], [6, 5], [6, 6], [5, 5]]] }, properties: { id: 2, name: 'b', live: false, share: 1, big: 3, missing: 'now' } },
    ];
    const back = await readFgb(flatgeobufBytes('t', 'Polygon', features));
    expect(back.map((f) => f.geometry)).toEqual(features.map((f) => f.geometry));
    expect(back[0].properties).toEqual({ id: 1, name: 'Almalı', live: true, share: 0.25, big: 2 ** 40, list: [1, 2] });
    expect(back[1].properties).toEqual({ id: 2, name: 'b', live: false, share: 1, big: 3, missing: 'now' });
  });

  it('refuses a feature of another geometry type', () => {
    expect(() => flatgeobufBytes('t', 'Point', [{ geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] }, properties: {} }])).toThrow(/geometry.type/);
  });
});

let run: ScenarioRun;
let dir = '';
beforeAll(async () => {
  run = await runScenarioDetailed({
    seed: 7,
    city: { preset: 'almaty', blockSize: 600 },
    cameras: [{ from: 'preset', name: 'almaty', numCameras: 800 }],
    network: { from: 'preset' },
    analyses: { coverage: {}, districts: { streets: false }, network: {}, raster: { cellSize: 1000 } },
  });
  dir = mkdtempSync(join(tmpdir(), 'sightline-gis-'));
  writeScenarioOutputs(run, dir, { formats: ['geojson', 'fgb'] });
}, 120_000);

const read = (name: string): FC => JSON.parse(readFileSync(join(dir, name), 'utf8'));

describe('the GIS files of a run', () => {
  it('writes the FlatGeobuf twins of the large layers beside their GeoJSON when asked', () => {
    const files = readdirSync(dir);
    for (const name of ['cameras', 'camera-footprints', 'coverage-grid', 'camera-density']) {
      expect(files).toContain(`${name}.geojson`);
      expect(files).toContain(`${name}.fgb`);
    }
    expect(files.every((f) => (OUTPUT_FILES as readonly string[]).includes(f))).toBe(true);
  });

  it('writes only the FlatGeobuf files of the large layers with formats ["fgb"], and refuses an unknown format', () => {
    const only = mkdtempSync(join(tmpdir(), 'sightline-fgb-'));
    writeScenarioOutputs(run, only, { formats: ['fgb'] });
    const files = readdirSync(only);
    expect(files).toContain('cameras.fgb');
    for (const name of ['cameras', 'camera-footprints', 'coverage-grid', 'camera-density']) {
      expect(files).toContain(`${name}.fgb`);
      expect(files).not.toContain(`${name}.geojson`);
    }
    expect(files).toContain('districts.geojson');
    expect(() => writeScenarioOutputs(run, only, { formats: ['shp' as 'fgb'] })).toThrow(/formats/);
  });

  it('holds the same features and properties in each .fgb as in its GeoJSON', async () => {
    for (const name of ['cameras', 'camera-footprints', 'coverage-grid', 'camera-density']) {
      const geo = read(`${name}.geojson`).features;
      const fgb = await readFgb(readFileSync(join(dir, `${name}.fgb`)));
      expect(fgb.length, name).toBe(geo.length);
      expect(geo.length, name).toBeGreaterThan(0);
      fgb.forEach((f, i) => {
        expect(f.geometry).toEqual(geo[i].geometry);
        // FlatGeobuf leaves a null value out of the feature.
        expect(f.properties).toEqual(Object.fromEntries(Object.entries(geo[i].properties).filter(([, v]) => v !== null)));
      });
    }
  });

  it('rounds every coordinate of every GeoJSON file to 7 decimals', () => {
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.geojson'))) {
      for (const f of read(name).features) {
        for (const [lon, lat] of positions(f.geometry.coordinates)) {
          expect(Math.round(lon * 1e7) / 1e7, name).toBe(lon);
          expect(Math.round(lat * 1e7) / 1e7, name).toBe(lat);
        }
      }
    }
  });

  it('splits the network into nodes (Points) and links (LineStrings) whose ids are numbers, and the cameras name their node by that id', () => {
    const nodes = read('network-nodes.geojson').features;
    const links = read('network-links.geojson').features;
    const net = run.network!;
    expect(nodes).toHaveLength(net.numNodes);
    expect(links).toHaveLength(net.numLinks);
    expect(nodes.every((f, i) => f.geometry.type === 'Point' && f.id === i && f.properties.id === i && typeof f.properties.key === 'string')).toBe(true);
    const byKey = new Map(nodes.map((f) => [f.properties.key, f.properties.id]));
    for (const l of links) {
      expect(l.geometry.type).toBe('LineString');
      expect(typeof l.properties.id).toBe('number');
      expect(l.properties.sourceId).toBe(byKey.get(l.properties.source));
      expect(l.properties.targetId).toBe(byKey.get(l.properties.target));
      expect(l.geometry.coordinates[0]).toEqual(nodes[l.properties.sourceId].geometry.coordinates);
    }
    const cams = read('cameras.geojson').features;
    for (const c of cams.slice(0, 50)) {
      if (c.properties.nodeId === null) continue;
      expect(typeof nodes[c.properties.nodeId].properties.id).toBe('number');
    }
  });

  it('gives every `id` and `…Id` property a number (or null) and every `key` and `…Key` a string, in every file', () => {
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.geojson') && f !== 'network.geojson')) {
      for (const f of read(name).features) {
        if ('id' in f.properties) expect(typeof f.properties.id, name).toBe('number');
        for (const k of Object.keys(f.properties).filter((k) => k.endsWith('Id'))) expect(['number', 'object'], `${name} ${k}`).toContain(typeof f.properties[k]);
        for (const k of Object.keys(f.properties).filter((k) => k === 'key' || k.endsWith('Key'))) expect(['string', 'object'], `${name} ${k}`).toContain(typeof f.properties[k]);
      }
    }
  });

  it("divides each density cell by its area inside the real Almaty boundary (turf intersect/area, within 1 %)", () => {
    const cells = read('camera-density.geojson').features;
    const boundary = turf.feature(ALMATY_BOUNDARY as any);
    const edge = cells.filter((c) => c.properties.areaKm2 < 0.99);
    expect(edge.length).toBeGreaterThan(5);
    for (const c of edge.slice(0, 25)) {
      const inside = turf.intersect(turf.featureCollection([c as any, boundary as any]));
      const km2 = inside ? turf.area(inside) / 1e6 : 0;
      expect(Math.abs(c.properties.areaKm2 - km2) / km2).toBeLessThan(0.01);
      expect(c.properties.perKm2).toBeCloseTo(c.properties.cameras / c.properties.areaKm2, 2);
    }
    // Inner cells are whole square kilometres.
    const inner = cells.filter((c) => c.properties.areaKm2 >= 0.99);
    expect(inner.length).toBeGreaterThan(100);
    expect(inner.filter((c) => Math.abs(c.properties.areaKm2 - 1) < 1e-6).length / inner.length).toBeGreaterThan(0.9);
  });
});
