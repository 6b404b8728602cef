/**
 * Sweeps end to end through the library: a plan numbers its runs the same
 * way every time, runs with a shared stage cache equal runs from scratch,
 * shards merged give runs.csv and summary.json byte-identical to the whole
 * sweep, and a merge refuses missing, duplicated and foreign shards by name.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runScenario } from '../../src/index.js';
import { planSweep, runSweep, runScenarioDocument, writeSweepFolder, writeShardFolder, mergeSweepShards, shardFolderName, shardRuns, summariseSweep, sweepRowsCsv, readSweepRowsCsv, parseSweep, sweepJsonSchema, SweepError, setPath, getPath } from '../../src/sweep/index.js';

const dir = mkdtempSync(join(tmpdir(), 'sightline-sweep-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A small scenario: a coarse Almaty grid, 300 cameras, 100 residents, the assumed Almaty retention policy. */
const scenario = {
  name: 'small',
  city: { preset: 'almaty', blockSize: 600 },
  cameras: [{ from: 'uniform', numCameras: 1500, capabilities: ['face', 'plate'] }],
  residents: { count: 100 },
  retention: { preset: 'almaty-assumed' },
  analyses: { coverage: {}, exposure: { watchlistSize: 100 } },
};
writeFileSync(join(dir, 'scenario.json'), JSON.stringify(scenario));

const sweep = {
  scenario: 'scenario.json',
  seeds: 2,
  vary: { 'retention.policy.rules.city.video.days': { low: 7, high: 90, steps: 3, integer: true }, 'analyses.exposure.watchlistSize': [100, 1000] },
  design: 'grid',
};

describe('planSweep', () => {
  test('lists every variant of a grid, seed-major, with the scenario file read relative to the sweep', () => {
    const plan = planSweep(sweep, { baseDir: dir });
    expect(plan.variants).toEqual([
      [7, 100], [7, 1000], [49, 100], [49, 1000], [90, 100], [90, 1000],
    ]);
    expect(plan.seeds).toEqual([1, 2]);
    expect(plan.runs.map((r) => [r.id, r.variant, r.seed]).slice(5, 8)).toEqual([[5, 5, 1], [6, 0, 2], [7, 1, 2]]);
    // The central value of an input is the scenario's own (the preset's 90 days here).
    expect(plan.parameters[0]).toMatchObject({ low: 7, central: 90, high: 90 });
    // Same file, same plan, same hash.
    expect(planSweep(sweep, { baseDir: dir }).hash).toBe(plan.hash);
    expect(planSweep({ ...sweep, seeds: 3 }, { baseDir: dir }).hash).not.toBe(plan.hash);
  });

  test('writes out a preset retention policy when a path reaches into it', () => {
    const plan = planSweep(sweep, { baseDir: dir });
    const doc = runScenarioDocument(plan, plan.runs[3]) as any;
    expect(doc.retention.preset).toBeUndefined();
    expect(doc.retention.policy.name).toBe('almaty-assumed');
    expect(doc.retention.policy.rules.city.video.days).toBe(49);
    expect(doc.analyses.exposure.watchlistSize).toBe(1000);
    expect(doc.seed).toBe(1);
  });

  test('one-at-a-time: the central point, then each input low and high', () => {
    const plan = planSweep({ ...sweep, design: 'one-at-a-time' }, { baseDir: dir });
    expect(plan.variants).toEqual([[90, 100], [7, 100], [90, 100], [90, 100], [90, 1000]]);
  });

  test('sobol: N × (d + 2) points of the Saltelli design', () => {
    const plan = planSweep({ ...sweep, design: 'sobol', samples: 8 }, { baseDir: dir });
    expect(plan.variants.length).toBe(8 * 4);
    expect(plan.sobol?.samples).toBe(8);
  });

  test('assumption names: their registry range; varied at the scenario\'s own path when it sets one, else through its assumptions section', () => {
    const plan = planSweep({ scenario: { preset: 'almaty', numCameras: 1000 }, vary: { watchlistSize: 'range', plateReadRate: 'range' }, design: 'one-at-a-time' });
    const [w, p] = plan.parameters;
    // The preset sets the watchlist (10,000): varied there, its central value the preset's.
    expect(w).toMatchObject({ path: 'analyses.exposure.watchlistSize', central: 10_000, low: 1000, high: 100_000 });
    // The preset leaves the plate read rate to the library: varied through `assumptions`, central = the registry's (the default in force).
    expect(p).toMatchObject({ path: 'assumptions.plateReadRate', central: 0.95, low: 0.8, high: 0.99 });
    const doc = runScenarioDocument(plan, plan.runs[3]) as any;
    expect(doc.assumptions.plateReadRate).toBe(0.8);
    expect(() => planSweep({ scenario: { preset: 'almaty' }, vary: { plateRate: 'range' } })).toThrow(/nor an assumption name of the registry; did you mean "plateReadRate"\?/);
    expect(() => planSweep({ scenario: { preset: 'almaty' }, vary: { 'analyses.exposure.watchlistSize': 'range' } })).toThrow(/assumption names only/);
  });

  test('refuses a bad sweep with every problem named', () => {
    expect(() => parseSweep({ scenario: 'x.json', design: 'grids' })).toThrow(SweepError);
    expect(() => parseSweep({ scenario: 'x.json', seed: 3 })).toThrow(/seed/);
    expect(() => parseSweep({ scenario: 'x.json', design: 'sobol' })).toThrow(/vary/);
    expect(() => planSweep({ scenario: 'missing.json' }, { baseDir: dir })).toThrow(/cannot read/);
    expect(() => planSweep({ ...sweep, vary: { 'cameras.3.numCameras': [1, 2] } }, { baseDir: dir })).toThrow(/cameras\.3/);
    expect(() => planSweep({ ...sweep, vary: { 'analyses.exposure.watchlistSize': [-5] } }, { baseDir: dir })).toThrow(/watchlistSize/);
  });

  test('setPath and getPath follow dotted paths, array indices included', () => {
    const d: Record<string, unknown> = { a: [{ b: 1 }] };
    setPath(d, 'a.0.b', 2);
    setPath(d, 'c.d', 3);
    expect(getPath(d, 'a.0.b')).toBe(2);
    expect(getPath(d, 'c.d')).toBe(3);
    expect(getPath(d, 'a.1.b')).toBeUndefined();
    expect(() => setPath(d, 'a.0.b.c', 1)).toThrow(SweepError);
    expect(() => setPath(d, '__proto__.x', 1)).toThrow(SweepError);
  });
});

describe('runSweep, shards and merge', () => {
  test('rows equal separate runs; shards merged are byte-identical to the whole sweep', async () => {
    const plan = planSweep(sweep, { baseDir: dir });
    const rows = await runSweep(plan);
    expect(rows.map((r) => r.run)).toEqual(plan.runs.map((r) => r.id));
    // Each row is what running its scenario alone gives.
    for (const id of [0, 4, 9]) {
      const alone = await runScenario(runScenarioDocument(plan, plan.runs[id]), { baseDir: dir });
      expect(JSON.stringify(rows[id].headline)).toBe(JSON.stringify(alone.headline));
    }
    // Retention days move the storage-free retention figures; the watchlist size moves the false alerts.
    expect(rows[0].headline.retentionVideoDays).toBe(7);
    expect(rows[4].headline.retentionVideoDays).toBe(90);
    // A longer watchlist never lowers the expected false alerts (P_N = 1 − (1 − P_1)^N grows with N).
    expect(rows[1].headline.watchlistFalsePerDay).toBeGreaterThanOrEqual(rows[0].headline.watchlistFalsePerDay);

    const whole = join(dir, 'whole');
    await writeSweepFolder(whole, plan, rows);
    const shardsDir = join(dir, 'shards');
    for (let i = 0; i < 3; i++) {
      const shard = { index: i, count: 3 };
      const part = await runSweep(plan, { shard });
      expect(part.map((r) => r.run)).toEqual(shardRuns(plan.runs, shard).map((r) => r.id));
      await writeShardFolder(join(shardsDir, shardFolderName(shard)), plan, shard, part);
    }
    const merged = mergeSweepShards([shardsDir]);
    const out = join(dir, 'merged');
    await writeSweepFolder(out, merged.plan, merged.rows);
    for (const f of ['runs.csv', 'summary.json']) expect(readFileSync(join(out, f), 'utf8')).toBe(readFileSync(join(whole, f), 'utf8'));

    // Refusals, by folder.
    const missing = join(dir, 'missing');
    cpSync(join(shardsDir, shardFolderName({ index: 0, count: 3 })), join(missing, shardFolderName({ index: 0, count: 3 })), { recursive: true });
    expect(() => mergeSweepShards([missing])).toThrow(/shards 1, 2 of 3.*missing/s);
    const a = join(shardsDir, shardFolderName({ index: 1, count: 3 }));
    expect(() => mergeSweepShards([shardsDir, a])).toThrow(/both shard 1 of 3/);
    const other = planSweep({ ...sweep, seeds: 1 }, { baseDir: dir });
    const foreign = join(dir, 'foreign', shardFolderName({ index: 0, count: 3 }));
    await writeShardFolder(foreign, other, { index: 0, count: 3 }, await runSweep(other, { shard: { index: 0, count: 3 } }));
    expect(() => mergeSweepShards([join(dir, 'foreign', shardFolderName({ index: 0, count: 3 })), join(shardsDir, shardFolderName({ index: 1, count: 3 })), join(shardsDir, shardFolderName({ index: 2, count: 3 }))])).toThrow(/different sweep/);
  }, 300_000);

  test('runs.csv reads back to the same numbers, and the summary gives the median and 90 % interval over seeds', () => {
    const plan = planSweep({ ...sweep, seeds: [1, 2, 3] }, { baseDir: dir });
    const rows = plan.runs.map((r) => ({ run: r.id, variant: r.variant, seed: r.seed, values: plan.variants[r.variant], headline: { x: 0.1 + r.variant + Number(r.seed) / 3, y: 1 / 3 } }));
    const csv = sweepRowsCsv(plan, rows);
    expect(readSweepRowsCsv(plan, csv, 'runs.csv')).toEqual(rows);
    const s = summariseSweep(plan, rows);
    // Three seeds: the median is the middle one; the 5th percentile lies 0.1 of the way from the smallest to the middle
    // ((n − 1)·p = 0.1, linear interpolation), the 95th 0.9 of the way from the middle to the largest.
    const x = [1, 2, 3].map((k) => 0.1 + 2 + k / 3);
    const v = s.variants[2].headline.x;
    expect(v.median).toBe(x[1]);
    expect(v.lo).toBeCloseTo(x[0] + 0.1 * (x[1] - x[0]), 12);
    expect(v.hi).toBeCloseTo(x[1] + 0.9 * (x[2] - x[1]), 12);
    expect(v.n).toBe(3);
    expect(() => summariseSweep(plan, rows.slice(1))).toThrow(SweepError);
  });
});

describe('the shipped sweep examples', () => {
  const examples = join(__dirname, '../../examples/sweep');
  test.each(['almaty-recognition-retention.json', 'almaty-seeds.json', 'almaty-one-at-a-time.json'])('%s plans without a problem (every variant a valid scenario)', (file) => {
    const plan = planSweep(readFileSync(join(examples, file), 'utf8'), { baseDir: examples });
    expect(plan.runs.length).toBeGreaterThan(1);
  }, 60_000);

  test('examples/sweep.schema.json is the schema sweepJsonSchema() gives (regenerate: sightline schema --sweep --out examples/sweep.schema.json)', () => {
    expect(JSON.parse(readFileSync(join(examples, '..', 'sweep.schema.json'), 'utf8'))).toEqual(sweepJsonSchema());
  });
});
