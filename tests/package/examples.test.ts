/**
 * The examples named in the README run against the built package and print
 * what they promise (the same files `npm start` runs).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

beforeAll(() => {
  if (!existsSync(join(root, 'dist/index.js')) || !existsSync(join(root, 'dist/coverage-worker.js'))) {
    execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: root, stdio: 'ignore', timeout: 300_000 });
  }
}, 300_000);

describe('examples/almaty-coverage.mjs (npm start)', () => {
  it('runs the Almaty preset end to end and prints the headline numbers, the district table and the sources', () => {
    const out = execFileSync(process.execPath, ['examples/almaty-coverage.mjs', '--cameras', '30000', '--seed', '2'], { cwd: root, encoding: 'utf8', timeout: 300_000 });
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
