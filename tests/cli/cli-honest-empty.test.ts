/**
 * Issue 17, "honest empty results", from the command line: the Zürich
 * scenario (OSM cameras of all Switzerland, a boundary, no streets),
 * `--occlusion` without buildings, and the warning of an option that cannot
 * take effect.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuiltCli, runCliProcess } from './helpers.js';
import { zurichFolder } from '../scenario/zurich-fixture.js';

beforeAll(() => requireBuiltCli());

describe('sightline run: the Zürich scenario without street data', () => {
  it('says street coverage is not computed (no street data) and counts the cameras of the study area, in the summary, results.json and the report', async () => {
    const { dir } = zurichFolder();
    const out = join(dir, 'out');
    const r = await runCliProcess(['run', join(dir, 'zurich.json'), '--quiet', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}street coverage: not computed \(no street data\)$/m);
    expect(r.stdout).toMatch(/^ {2}per-district coverage: not computed \(no district data\)$/m);
    expect(r.stdout).not.toMatch(/of 0 km/);
    const m = /cameras\s+(\d+) in the study area \(([\d,]+) outside not counted\)/.exec(r.stdout);
    expect(m).not.toBeNull();
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(results.metrics.streetCoverage).toMatchObject({ coveredFraction: null, reason: 'no street data: street coverage not computed' });
    expect(results.headline.streetCoveredFraction).toBeUndefined();
    expect(results.headline.cameras).toBe(Number(m![1]));
    expect(results.metrics.cameras.numOutside).toBe(Number(m![2].replace(/,/g, '')));
    expect(results.headline.camerasPerKm2).toBeCloseTo(results.headline.cameras / results.metrics.city.areaKm2, 9);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('Street coverage: not computed (no street data: street coverage not computed)');
    expect(html).toContain(`${m![1]} cameras in the study area (${m![2]} outside not counted)`);
    expect(html).not.toMatch(/0\.000%<\/div><div class="s">0 km of street/);
  });

  it('--json carries the headline without the street key, and the warnings', async () => {
    const { dir } = zurichFolder();
    const r = await runCliProcess(['run', join(dir, 'zurich.json'), '--quiet', '--json', '--out', join(dir, 'out')]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.headline.streetCoveredFraction).toBeUndefined();
    expect(j.warnings).toEqual([]);
  });
});

describe('--occlusion and occlusion: true without buildings', () => {
  it('`sightline coverage --occlusion` on a city without buildings is a usage error naming --occlusion (exit 2)', async () => {
    const { dir } = zurichFolder();
    const r = await runCliProcess(['coverage', join(dir, 'zurich.json'), '--occlusion', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/usage error: .*--occlusion needs buildings to block the view, but the scenario city has none/);
    const plain = await runCliProcess(['coverage', join(dir, 'zurich.json'), '--quiet']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/in the study area \([\d,]+ outside not counted\)/);
  });

  it('`sightline route --occlusion` on a city without buildings is a usage error', async () => {
    const { dir } = zurichFolder();
    const r = await runCliProcess(['route', join(dir, 'zurich.json'), '--path', '8.535,47.368;8.542,47.372', '--occlusion', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/route: --occlusion needs buildings/);
  });

  it('a scenario asking for occlusion in a city without buildings is an invalid scenario naming the field (exit 3)', async () => {
    const { dir } = zurichFolder({ streetCoverage: { occlusion: true } });
    const r = await runCliProcess(['run', join(dir, 'zurich.json'), '--quiet', '--out', join(dir, 'out')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/invalid scenario: .*analyses\.streetCoverage\.occlusion needs buildings to block the view/s);
  });

  it("the exposure analysis's default occlusion without buildings is a warning in the summary, --json and the report", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sightline-warn-'));
    const f = join(dir, 'no-buildings.json');
    writeFileSync(f, JSON.stringify({ seed: 2, city: { preset: 'almaty', blockSize: 1500, buildings: false }, cameras: [{ from: 'uniform', numCameras: 30 }], residents: { count: 10 }, analyses: { exposure: { threads: 1 } } }));
    const r = await runCliProcess(['run', f, '--quiet', '--out', join(dir, 'out')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}warning: analyses\.exposure\.occlusion is true \(its default\) but the city has no buildings/m);
    expect(readFileSync(join(dir, 'out', 'report.html'), 'utf8')).toMatch(/<b>Warning:<\/b> analyses\.exposure\.occlusion is true/);
    const j = await runCliProcess(['run', f, '--quiet', '--json', '--out', join(dir, 'out2')]);
    expect(JSON.parse(j.stdout).warnings).toHaveLength(1);
  });
});
