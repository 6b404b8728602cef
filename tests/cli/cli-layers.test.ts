// The command with the network and exposure layers: --residents, the
// headline lines, a network imported from GeoJSON (the network.geojson of a
// run, read back) and the exit code of a network file that cannot be read.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuiltCli, runCliProcess } from './helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'sightline-cli-layers-'));

beforeAll(() => requireBuiltCli());

describe('sightline run with the network and exposure layers', () => {
  it('scales the preset residents with --residents and prints the network and exposure headline', async () => {
    const dir = tmp();
    const r = await runCliProcess(['run', '--preset', 'almaty', '--num-cameras', '1500', '--residents', '200', '--out', dir, '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/live at the command centre\s+[\d.]+% \([\d,]+ cameras\)/);
    expect(r.stdout).toMatch(/worst single failure below the centre\s+hub-\w+: [\d,]+ cameras cut off/);
    expect(r.stdout).toMatch(/a day for 200 residents\s+[\d.]+ \(90 %: [\d.]+–[\d.]+\) sightings each/);
    expect(r.stdout).toMatch(/least-surveilled Almaty-2 station → Republic Square\s+[\d.]+ km/);
    // Face-on coverage beside plain coverage (the preset's fullView analysis).
    expect(r.stdout).toMatch(/streets face-on \(identify, θ 45°, buildings block\)\s+walker [\d.]+%, full view [\d.]+% of the [\d,]+ km seen/);
    expect(r.stdout).toMatch(/area full-view \(identify, θ 45°\)\s+[\d.]+% \(90 %: [\d.]+%–[\d.]+%\) of the area/);
    expect(readdirSync(dir)).toEqual(expect.arrayContaining(['network.geojson', 'exposure.csv']));
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
    expect(results.inputs.residents).toEqual({ count: 200 });
    expect(results.metrics.exposure.population.numResidents).toBe(200);
  }, 120_000);

  it('rejects --residents that is not a positive integer, and --residents with a scenario file', async () => {
    const bad = await runCliProcess(['run', '--preset', 'almaty', '--residents', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--residents must be an integer >= 1, got "0"');
    const dir = tmp();
    const f = join(dir, 's.json');
    writeFileSync(f, JSON.stringify({ city: { preset: 'almaty' } }));
    const withFile = await runCliProcess(['run', f, '--residents', '10']);
    expect(withFile.code).toBe(2);
    expect(withFile.stderr).toContain('--seed, --num-cameras and --residents apply to --preset only');
  });

  it('reads a network topology from GeoJSON: the network.geojson of a run gives the same live share', async () => {
    const dir = tmp();
    const scenario = { seed: 3, city: { preset: 'almaty', blockSize: 600 }, cameras: [{ from: 'preset', name: 'almaty', numCameras: 1000 }], analyses: { network: {} } };
    const a = join(dir, 'a.json');
    writeFileSync(a, JSON.stringify({ ...scenario, network: { from: 'preset' } }));
    const ra = await runCliProcess(['run', a, '--out', join(dir, 'out-a'), '--json', '--quiet']);
    expect(ra.code).toBe(0);
    const b = join(dir, 'b.json');
    writeFileSync(b, JSON.stringify({ ...scenario, network: { from: 'geojson', file: 'out-a/network.geojson' } }));
    const rb = await runCliProcess(['run', b, '--out', join(dir, 'out-b'), '--json', '--quiet']);
    expect(rb.code).toBe(0);
    const ja = JSON.parse(ra.stdout);
    const jb = JSON.parse(rb.stdout);
    expect(jb.headline.networkNodes).toBe(ja.headline.networkNodes);
    expect(jb.headline.networkLinks).toBe(ja.headline.networkLinks);
    // Cameras attach to the nearest aggregation point on import (not the builder's capacity-limited choice), so the
    // live share is the same (every node reaches the centre) while per-node loads may differ.
    expect(jb.headline.networkLiveShare).toBe(ja.headline.networkLiveShare);
    const res = JSON.parse(readFileSync(join(dir, 'out-b', 'results.json'), 'utf8'));
    expect(res.metrics.network.source).toEqual({ from: 'geojson', file: 'out-a/network.geojson' });
    expect(res.assumptions.some((x: { topic: string; kind: string }) => x.topic === 'Command network topology' && x.kind === 'real')).toBe(true);
  }, 120_000);

  it('exits 1 naming the field when the network file cannot be read', async () => {
    const dir = tmp();
    const f = join(dir, 's.json');
    writeFileSync(f, JSON.stringify({ city: { preset: 'almaty', blockSize: 600 }, cameras: [{ from: 'preset', name: 'almaty', numCameras: 100 }], network: { from: 'geojson', file: 'missing.geojson' }, analyses: {} }));
    const r = await runCliProcess(['run', f, '--out', join(dir, 'out'), '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/runScenario: network\.file must be a readable GeoJSON file \(ENOENT/);
    expect(readdirSync(dir)).toEqual(['s.json']);
  });

  it('coverage and route on a preset with network and residents build the city and cameras only', async () => {
    const c = await runCliProcess(['coverage', '--preset', 'almaty', '--num-cameras', '500', '--json', '--quiet']);
    expect(c.code).toBe(0);
    expect(JSON.parse(c.stdout).cameras).toBe(500);
    const r = await runCliProcess(['route', '--preset', 'almaty', '--cameras', '500', '--path', '76.90,43.24;76.96,43.24', '--json', '--quiet']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).length).toBeGreaterThan(4000);
  }, 60_000);
});
