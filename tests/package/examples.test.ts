/**
 * The examples named in the README run against the built package and print
 * what they promise; `npm start` (examples/scenario-start.mjs) runs the
 * Almaty preset end to end through `sightline run`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

beforeAll(() => {
  if (!existsSync(join(root, 'dist/index.js')) || !existsSync(join(root, 'dist/coverage-worker.js'))) {
    execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: root, stdio: 'ignore', timeout: 300_000 });
  }
}, 300_000);

describe('npm start (examples/scenario-start.mjs)', () => {
  it('runs the almaty preset end to end (reduced by flags here) and prints the headline numbers and where the report is', () => {
    const out = mkdtempSync(join(tmpdir(), 'sightline-start-'));
    const text = execFileSync(process.execPath, ['examples/scenario-start.mjs', '--num-cameras', '3000', '--residents', '300', '--quiet', '--out', out], {
      cwd: root,
      encoding: 'utf8',
      timeout: 300_000,
      // dist/ was built in beforeAll; no rebuild in the middle of the test run (other files use dist/).
      env: { ...process.env, SIGHTLINE_NO_BUILD: '1' },
    });
    expect(text).toMatch(/^Almaty — sightline [\d.]+, seed 1$/m);
    expect(text).toMatch(/cameras\s+3,000 in the study area; [\d,]+ live/);
    expect(text).toMatch(/live at the command centre\s+[\d.]+% \([\d,]+ cameras\); \d+ links over capacity/);
    expect(text).toMatch(/live share over 1,000 outage trials\s+mean [\d.]+%/);
    expect(text).toMatch(/a day for 300 residents\s+[\d.]+ \(90 %: [\d.]+–[\d.]+\) sightings each/);
    expect(text).toMatch(/watchlist of 10,000, city-wide per day/);
    expect(text).toContain(`report: ${join(out, 'report.html')}`);
    expect(text).not.toMatch(/NaN/);
    for (const f of ['report.html', 'results.json', 'network.geojson', 'exposure.csv', 'districts.geojson', 'cameras.geojson']) expect(readdirSync(out)).toContain(f);
  });
});

describe('examples/almaty-coverage.mjs', () => {
  it('runs the Almaty preset end to end and prints the headline numbers, the district table and the sources', () => {
    const out = execFileSync(process.execPath, ['examples/almaty-coverage.mjs', '--num-cameras', '30000', '--seed', '2'], { cwd: root, encoding: 'utf8', timeout: 300_000 });
    expect(out).toMatch(/cameras: 30,000/);
    expect(out).toMatch(/seen by ≥1 camera: [\d.]+ km² = [\d.]+%/);
    expect(out).toMatch(/with occlusion by buildings: [\d.]+%/);
    expect(out).toMatch(/Per district/);
    for (const name of ['Alatau', 'Almaly', 'Auezov', 'Bostandyk', 'Zhetysu', 'Medeu', 'Nauryzbay', 'Turksib']) expect(out).toContain(name);
    expect(out).toMatch(/EN 62676-4/);
    expect(out).toMatch(/OpenStreetMap relation 2465058/);
    expect(out).not.toMatch(/NaN/);
  });
});

describe('examples/osm-cameras.mjs', () => {
  it('imports the Swiss OSM cameras, accounts for every feature and measures central Zürich', () => {
    const out = execFileSync(process.execPath, ['examples/osm-cameras.mjs'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    expect(out).toMatch(/features: 2144 — imported 2025, skipped 119/);
    expect(out).toMatch(/camera:direction/);
    expect(out).toMatch(/Central Zürich \(4 km²\): \d+ mapped cameras reach it; they cover [\d.]+% of it/);
    expect(out).not.toMatch(/NaN/);
  });
});

describe('examples/almaty-network.mjs', () => {
  it('builds the Almaty command network and prints steady-state metrics, single points of failure, outages and the January 2022 damage', () => {
    const out = execFileSync(process.execPath, ['examples/almaty-network.mjs', '--trials', '50'], { cwd: root, encoding: 'utf8', timeout: 300_000 });
    expect(out).toMatch(/128,000 cameras → [\d,]+ aggregation points → 8 district hubs → 1 city centre → 1 national platform/);
    // 53,000 of the 128,000 preset cameras are live (DESIGN.md), and the centre's analytics capacity covers the face cameras.
    expect(out).toMatch(/live share: 53,000 of 128,000 cameras = 41\.41%/);
    expect(out).toMatch(/Single points of failure/);
    expect(out).toMatch(/centre-0\s+city-centre\s+128,000\s+53,000\s+0\.00%/);
    expect(out).toMatch(/Random outages: 50 seeded trials/);
    expect(out).toMatch(/live share: [\d.]+% \(95% CI [\d.]+%–[\d.]+%/);
    expect(out).toMatch(/Targeted damage: the January 2022 counts \(766 Sergek units, 493 cameras\)/);
    expect(out).not.toMatch(/NaN/);
  });
});

describe('examples/almaty-exposure.mjs', () => {
  it('runs a day of trips for Almaty residents and prints exposure distributions, the district table, the watchlist, unicity and routes', () => {
    const out = execFileSync(process.execPath, ['examples/almaty-exposure.mjs', '--residents', '1000'], { cwd: root, encoding: 'utf8', timeout: 300_000 });
    expect(out).toMatch(/1,000 residents, a day of trips, routed and scored/);
    expect(out).toMatch(/sightings \(seen\)\s+[\d.]+/);
    expect(out).toMatch(/P\(identified ≥ once\)\s+[\d.]+/);
    for (const name of ['Alatau', 'Almaly', 'Auezov', 'Bostandyk', 'Zhetysu', 'Medeu', 'Nauryzbay', 'Turksib']) expect(out).toContain(name);
    expect(out).toMatch(/Watchlist of 10,000 people/);
    expect(out).toMatch(/share singled out by k random \(camera, hour\) points: k=1 [\d.]+%/);
    expect(out).toMatch(/Least-surveilled route [\d.]+ km \(\+[\d.]+%\)/);
    expect(out).not.toMatch(/NaN/);
  });
});

describe('examples/almaty-retention.mjs', () => {
  it('compares 30 and 90 days of video and templates kept or deleted, on Almaty and on Astana, and lists every retention preset', () => {
    for (const city of ['almaty', 'astana']) {
      const out = execFileSync(process.execPath, ['examples/almaty-retention.mjs', '--city', city, '--residents', '500'], { cwd: root, encoding: 'utf8', timeout: 300_000 });
      expect(out).toMatch(new RegExp(`data retention in ${city === 'almaty' ? 'Almaty' : 'Astana'}`));
      for (const v of ['video 30 d, templates deleted', 'video 90 d, templates deleted', 'video 30 d, templates kept', 'video 90 d, templates kept']) expect(out).toContain(v);
      // Video storage scales with the days kept: exactly ×3 from 30 to 90 days.
      expect(out).toMatch(/video storage ×3\.00/);
      expect(out).toMatch(/templates reach back 0 → 365 days/);
      expect(out).toMatch(/principals beyond the police added: banks, telecoms/);
      for (const name of ['nypd-das', 'met-lfr', 'flock', 'kazakhstan-90d', 'keep-everything', 'almaty-assumed']) expect(out).toContain(name);
      expect(out).not.toMatch(/NaN/);
    }
  });
});

describe('examples/almaty-routes.mjs', () => {
  it('prints the shortest route from Almaty-2 station to Republic Square and the least-surveilled ones for four detour budgets and two weights', () => {
    const out = execFileSync(process.execPath, ['examples/almaty-routes.mjs'], { cwd: root, encoding: 'utf8', timeout: 300_000 });
    expect(out).toMatch(/Almaty-2 station → Republic Square, shortest route [\d.]+ km/);
    expect(out).toMatch(/\d+ cameras see part of it; [\d.]+ km observed \([\d.]+%\)/);
    // Eight rows (two weights × four budgets); no route is longer than its budget allows.
    const rows = [...out.matchAll(/^\s+(\d+)\s+≤\s+([\d.]+)%\s+([\d.]+) km\s+([\d.]+)%/gm)];
    expect(rows).toHaveLength(8);
    for (const [, , budget, , detour] of rows) expect(Number(detour)).toBeLessThanOrEqual(Number(budget) + 1e-9);
    expect(out).not.toMatch(/NaN/);
  });
});
