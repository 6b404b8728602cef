/**
 * Issue 20: `sightline run` on a scenario with a timeline prints one row per
 * year with the count's series and source, and with `analyses.uptime` the
 * uptime lines; results.json holds metrics.timeline.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuiltCli, runCliProcess, TINY } from './helpers.js';

beforeAll(() => requireBuiltCli());

describe('sightline run with a timeline', () => {
  it('prints the table of years (count, series, live share, area seen, source) and the uptime lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sightline-timeline-'));
    const scenario = {
      ...TINY,
      cameras: [{ from: 'preset', name: 'almaty', numCameras: 60 }],
      analyses: { ...TINY.analyses, uptime: { days: 10 } },
      timeline: {
        years: [
          { year: 2022, cameras: 20, series: 'police-centre-connected', source: 'kgnews-2022-01-17', liveShare: 1 },
          { year: 2024, sergekComplexes: 1341, sergekSource: 'kazlenta-2024' },
          { year: 2025, cameras: 60, series: 'police-centre-connected', source: 'bestnews-2025-09-17' },
        ],
      },
    };
    writeFileSync(join(dir, 's.json'), JSON.stringify(scenario));
    const out = join(dir, 'out');
    const r = await runCliProcess(['run', join(dir, 's.json'), '--quiet', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/timeline \(each year run with its count/);
    expect(r.stdout).toMatch(/2022\s+20\s+police-centre-connected\s+100\.00%\s+[\d.]+%.*kgnews-2022-01-17/);
    expect(r.stdout).toMatch(/2024\s+–\s+\(not run\).*1,341\s+kazlenta-2024/);
    expect(r.stdout).toMatch(/2025\s+60\s+police-centre-connected/);
    expect(r.stdout).toMatch(/uptime over 10 days\s+districts fully covered on [\d.]+% of days/);
    expect(r.stdout).not.toMatch(/different series/);
    const res = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(res.metrics.timeline.years.map((y: { year: number }) => y.year)).toEqual([2022, 2024, 2025]);
    expect(res.inputs.timeline.years).toHaveLength(3);
    expect(res.inputs.timelineYear).toBeUndefined();
  }, 180_000);
});
