// The by-hour analyses on the command line: the summary lines, results.json and the report's charts.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuiltCli, runCliProcess } from './helpers.js';

beforeAll(() => requireBuiltCli());

describe('sightline run with coverageByHour and exposureByHour', () => {
  it('prints the day / night coverage and identifications, and writes their metrics and charts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sightline-cli-day-night-'));
    const file = join(dir, 'scenario.json');
    writeFileSync(file, JSON.stringify({
      name: 'day and night',
      city: { preset: 'almaty' },
      cameras: [{ from: 'preset', name: 'almaty', numCameras: 1500 }],
      residents: { count: 200 },
      analyses: {
        coverage: { levels: ['range'] },
        coverageByHour: { date: '2026-12-21', levels: ['range', 'identify'] },
        exposure: { occlusion: false },
        exposureByHour: { date: '2026-12-21', nightFaceFactor: 0.4 },
      },
    }));
    const out = join(dir, 'out');
    const r = await runCliProcess(['run', file, '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/area seen by day \/ night \(identify\)\s+[\d.]+% \/ [\d.]+% \(2026-12-21: \d+ day hours\)/);
    expect(r.stdout).toMatch(/identifications a day, day \/ night trips\s+[\d,]+ \/ [\d,]+ city-wide/);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(results.metrics.coverageByHour.hours).toHaveLength(24);
    expect(results.metrics.exposureByHour.params.nightFaceFactor).toBe(0.4);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('chart-coverage-by-hour');
    expect(html).toContain('chart-identified-by-hour');
    expect(html).toContain('Exposure by hour of day');
  }, 180_000);
});
