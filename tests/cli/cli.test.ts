import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json';
import { requireBuiltCli, runCliProcess } from './helpers.js';

const FIXTURES = join(__dirname, '..', 'fixtures');
const tmp = () => mkdtempSync(join(tmpdir(), 'sightline-cli-'));

beforeAll(() => requireBuiltCli());

describe('sightline: usage and exit codes', () => {
  it('prints the version and the help with exit 0', async () => {
    const v = await runCliProcess(['--version']);
    expect(v).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    const h = await runCliProcess(['--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('sightline run <scenario.json>');
    expect(h.stdout).toContain('130 interrupted');
  });

  it('exits 2 on a usage error: no command, unknown command, unknown or misplaced option, missing argument', async () => {
    expect((await runCliProcess([])).code).toBe(2);
    const unknown = await runCliProcess(['fly']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('usage error: sightline: unknown command "fly" (run sightline --help)\n');
    expect((await runCliProcess(['run', '--colour', 'red'])).code).toBe(2);
    expect((await runCliProcess(['import-osm', 'x.geojson', '--occlusion'])).code).toBe(2);
    expect((await runCliProcess(['compare', 'only-one.json'])).code).toBe(2);
    expect((await runCliProcess(['run', '--preset', 'paris'])).code).toBe(2);
    expect((await runCliProcess(['run', '--preset', 'almaty', '--num-cameras', 'many'])).code).toBe(2);
    // --cameras is the deprecated name of --num-cameras: checked the same way, and not both at once.
    const old = await runCliProcess(['run', '--preset', 'almaty', '--cameras', 'many']);
    expect(old.code).toBe(2);
    expect(old.stderr).toContain('--cameras must be an integer >= 1, got "many"');
    const both = await runCliProcess(['run', '--preset', 'almaty', '--cameras', '10', '--num-cameras', '10']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--cameras is the deprecated name of --num-cameras');
    expect((await runCliProcess(['run', join(tmpdir(), 'does-not-exist.json')])).code).toBe(2);
  });

  it('reports a usage error as JSON with --json', async () => {
    const r = await runCliProcess(['fly', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({ ok: false, exitCode: 2, error: { name: 'UsageError', message: 'sightline: unknown command "fly" (run sightline --help)' } });
  });

  it('exits 3 on an invalid scenario and lists every problem (--json: with path, value and expectation)', async () => {
    const dir = tmp();
    const f = join(dir, 'bad.json');
    writeFileSync(f, JSON.stringify({ city: { preset: 'almaty' }, cameras: [{ from: 'uniform', numCameras: -1 }], colour: 'red' }));
    const r = await runCliProcess(['run', f, '--json', '--out', join(dir, 'out')]);
    expect(r.code).toBe(3);
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(false);
    expect(out.error.name).toBe('ScenarioError');
    expect(out.error.issues.map((i: { path: string }) => i.path)).toEqual(['cameras[0].numCameras', 'colour']);
    expect(out.error.issues[0]).toMatchObject({ value: -1, expected: 'must be >= 0' });
    const plain = await runCliProcess(['run', f, '--out', join(dir, 'plain')]);
    expect(plain.code).toBe(3);
    expect(plain.stderr).toContain('invalid scenario: parseScenario: 2 problems in the scenario:');
    writeFileSync(f, '{ not json');
    expect((await runCliProcess(['run', f, '--out', join(dir, 'plain')])).code).toBe(3);
  });

  it('exits 1 when the analysis fails (a file named in the scenario cannot be read)', async () => {
    const dir = tmp();
    const f = join(dir, 'missing-file.json');
    writeFileSync(f, JSON.stringify({ city: { import: { streets: 'nowhere.osm' } }, cameras: [{ from: 'uniform', numCameras: 1 }] }));
    const r = await runCliProcess(['run', f, '--json', '--quiet', '--out', join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error).toMatchObject({ name: 'InvalidInputError' });
    expect(JSON.parse(r.stdout).error.message).toMatch(/city\.import\.streets must name a readable file/);
  });

  it('prints the scenario JSON Schema', async () => {
    const r = await runCliProcess(['schema']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).title).toBe('sightline scenario');
  });
});

describe('sightline import-osm', () => {
  it('imports OSM cameras to WGS84 GeoJSON with a per-tag report', async () => {
    const dir = tmp();
    const out = join(dir, 'cams.geojson');
    const r = await runCliProcess(['import-osm', join(FIXTURES, 'osm-cameras-switzerland-2023.geojson'), '--out', out, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    // 2,144 features, each either imported or skipped (reported).
    expect(j.imported + j.skipped).toBe(2144);
    expect(j.report.filter((e: { action: string }) => e.action === 'skipped').length).toBeGreaterThan(0);
    const fc = JSON.parse(readFileSync(out, 'utf8'));
    expect(fc.features).toHaveLength(j.cameras);
    // Switzerland: lon 5.9–10.5, lat 45.8–47.9.
    for (const f of fc.features) {
      expect(f.geometry.coordinates[0]).toBeGreaterThan(5.9);
      expect(f.geometry.coordinates[0]).toBeLessThan(10.5);
      expect(f.geometry.coordinates[1]).toBeGreaterThan(45.8);
      expect(f.geometry.coordinates[1]).toBeLessThan(47.9);
    }
    const plain = await runCliProcess(['import-osm', join(FIXTURES, 'osm-cameras-switzerland-2023.geojson'), '--out', out]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/^\d+ features imported as \d+ cameras, \d+ skipped/);
  });
});
