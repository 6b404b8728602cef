// The scenario examples run against the built package (imported by its name,
// as a user does) and print what they promise; the example scenario files
// validate and run through the command.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseScenario, scenarioJsonSchema } from '../../src/index.js';
import { requireBuiltCli, runCliProcess } from './helpers.js';

const root = resolve(__dirname, '..', '..');
const node = (args: string[]) => execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: 300_000 });

beforeAll(() => {
  requireBuiltCli();
  if (!existsSync(join(root, 'dist', 'index.js'))) throw new Error('dist/index.js is missing: run `npm run build` first');
});

describe('examples/scenario-*.mjs', () => {
  it('scenario-almaty.mjs runs the Almaty scenario and writes the report', () => {
    const out = mkdtempSync(join(tmpdir(), 'sightline-ex-'));
    const text = node(['examples/scenario-almaty.mjs', '--num-cameras', '1500', '--residents', '300', '--out', out]);
    expect(text).toMatch(/Almaty: 1,500 cameras, [\d,]+ live/);
    expect(text).toMatch(/live at the command centre: [\d.]+%; \d+ links over capacity; outages: mean live share [\d.]+% over 1000 trials/);
    expect(text).toMatch(/worst hub failure: hub-\w+ cuts [\d,]+ cameras off/);
    expect(text).toMatch(/a day for 300 residents: [\d.]+ sightings each; P\(identified ≥ once\) [\d.]+%/);
    expect(text).toMatch(/unicity: k=1 [\d.]+%.*k=8 [\d.]+%/);
    expect(text).toMatch(/area seen at level identify \(buildings block\): [\d.]+% of 705 km²/);
    expect(text).toMatch(/street length seen: [\d.]+%/);
    expect(text).not.toMatch(/NaN/);
    expect(readdirSync(out)).toContain('report.html');
    expect(readdirSync(out)).toContain('exposure.csv');
    expect(readdirSync(out)).toContain('network.geojson');
  });

  it('scenario-almaty-january-2022.mjs prints the damage and the crowd live vs from the archive', () => {
    const out = mkdtempSync(join(tmpdir(), 'sightline-ex-'));
    const text = node(['examples/scenario-almaty-january-2022.mjs', '--num-cameras', '3000', '--out', out]);
    // Issue 17: aimed at Republic Square and the akimat, the rest of the (scaled) reported totals at random.
    expect(text).toMatch(/destroyed: 18 units and 12 cameras \(Republic Square and the akimat: \d+ units, \d+ cameras; the rest at random, seed [^)]+\); [\d,]+ cameras dark/);
    expect(text).toMatch(/Republic Square and the akimat: (\d+) of \1 cameras inside dark/);
    expect(text).toMatch(/live at the command centre: [\d.]+% → [\d.]+%/);
    expect(text).toMatch(/Republic Square after the damage\s+10,000/);
    // The archive later: the 90-day rule at 30 days, only the legal hold at 120 and 365 days.
    expect(text).toMatch(/Republic Square\s+30\s+the 90-day rule/);
    expect(text).toMatch(/Republic Square\s+120\s+legal hold\s+[\d.]+\s+0\.0/);
    expect(text).toMatch(/Republic Square\s+365\s+legal hold/);
    expect(text).not.toMatch(/NaN/);
    expect(readdirSync(out)).toContain('report.html');
  });
});

describe('examples/scenario-almaty-retention.mjs', () => {
  it('compares the assumed Almaty retention policy with the minimal one and writes the report', () => {
    const out = mkdtempSync(join(tmpdir(), 'sightline-ex-'));
    const text = node(['examples/scenario-almaty-retention.mjs', '--num-cameras', '3000', '--residents', '300', '--out', out]);
    expect(text).toMatch(/almaty-assumed\s+almaty-minimal/);
    expect(text).toMatch(/video kept, days\s+90\s+30/);
    expect(text).toMatch(/face templates kept, days\s+365\s+0/);
    expect(text).toMatch(/"closed loop" \(police only\)\s+broken\s+holds/);
    expect(text).not.toMatch(/NaN/);
    expect(readdirSync(out)).toContain('report.html');
  });
});

describe('example scenario files', () => {
  for (const f of readdirSync(join(root, 'examples')).filter((n) => /^scenario-.*\.json$/.test(n))) {
    it(`${f} validates`, () => {
      expect(() => parseScenario(JSON.parse(readFileSync(join(root, 'examples', f), 'utf8')))).not.toThrow();
    });
  }

  it('scenario.schema.json is the current schema (regenerate with `sightline schema --out examples/scenario.schema.json`)', () => {
    expect(JSON.parse(readFileSync(join(root, 'examples', 'scenario.schema.json'), 'utf8'))).toEqual(scenarioJsonSchema());
  });

  it('scenario-custom.json runs through `sightline coverage`', async () => {
    const r = await runCliProcess(['coverage', 'examples/scenario-custom.json', '--json', '--quiet'], { cwd: root });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.name).toBe('Almaty, a smaller public network');
    expect(j.coverage[0].coveredFraction).toBeGreaterThan(0);
  });
});
