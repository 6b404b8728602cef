/**
 * `sightline sweep` from the user's side: the whole sweep, the same sweep with
 * two worker processes, and its shards merged write the same runs.csv and
 * summary.json, byte for byte; a scheduler's array index picks the shard; a
 * re-run shard replaces its folder whole; merges refuse missing, duplicated
 * and foreign shards; usage errors exit 2.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { requireBuiltCli, runCliProcess, TINY, snapshot, leftovers, type CliOutcome } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'sightline-sweep-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sightline(args: string[], env: Record<string, string> = {}): Promise<CliOutcome> {
  // The scheduler variables of the test's own environment must not leak in.
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(SLURM_|JOB_COMPLETION_INDEX|SIGHTLINE_SHARD_COUNT)/.test(k)));
  return runCliProcess(args, { cwd: dir, env: { ...base, ...env } });
}

const scenario = { ...TINY, residents: { count: 40 }, retention: { preset: 'almaty-assumed' }, analyses: { ...TINY.analyses, exposure: { watchlistSize: 5 } } };
const sweep = {
  name: 'tiny sweep',
  scenario: 'scenario.json',
  seeds: 2,
  vary: { 'retention.policy.rules.city.video.days': { low: 7, high: 90 }, 'analyses.exposure.watchlistSize': { low: 5, high: 50, integer: true } },
  design: 'one-at-a-time',
};

beforeAll(() => {
  requireBuiltCli();
  writeFileSync(join(dir, 'scenario.json'), JSON.stringify(scenario));
  writeFileSync(join(dir, 'sweep.json'), JSON.stringify(sweep));
});

const read = (d: string, f: string) => readFileSync(join(dir, d, f), 'utf8');

describe('sightline sweep', () => {
  test('whole, with two worker processes, and as three shards merged: the same runs.csv and summary.json', async () => {
    const whole = await sightline(['sweep', 'sweep.json', '--out', 'whole']);
    expect(whole.code, whole.stderr).toBe(0);
    // Progress on stderr: a count and an ETA.
    expect(whole.stderr).toMatch(/sweep: 10\/10 runs \(100\.0 %\).*ETA/);
    expect(readdirSync(join(dir, 'whole')).sort()).toEqual(['manifest.json', 'report.html', 'runs.csv', 'summary.json']);
    const csv = read('whole', 'runs.csv').trim().split('\n');
    expect(csv.length).toBe(1 + 10);
    expect(csv[0]).toMatch(/^run,variant,seed,retention\.policy\.rules\.city\.video\.days,analyses\.exposure\.watchlistSize,/);
    const summary = JSON.parse(read('whole', 'summary.json'));
    expect(summary.oneAtATime.retentionVideoDays.swings[0]).toMatchObject({ parameter: 'retention.policy.rules.city.video.days', outputAtLow: 7, outputAtHigh: 90, swing: 83 });
    expect(read('whole', 'report.html')).toContain('One at a time (tornado)');

    const jobs = await sightline(['sweep', 'sweep.json', '--out', 'jobs', '--jobs', '2', '--quiet']);
    expect(jobs.code, jobs.stderr).toBe(0);
    expect(jobs.stderr).toBe('');
    for (const i of [0, 1, 2]) {
      const r = await sightline(['sweep', 'sweep.json', '--out', 'shards', '--shard', `${i}/3`, '--quiet']);
      expect(r.code, r.stderr).toBe(0);
    }
    const merged = await sightline(['sweep', 'merge', 'shards', '--out', 'merged', '--json']);
    expect(merged.code, merged.stderr).toBe(0);
    expect(JSON.parse(merged.stdout)).toMatchObject({ ok: true, summary: { numRuns: 10 } });
    for (const f of ['runs.csv', 'summary.json', 'report.html']) {
      expect(read('jobs', f), `jobs ${f}`).toBe(read('whole', f));
      expect(read('merged', f), `merged ${f}`).toBe(read('whole', f));
    }
  }, 300_000);

  test('a Slurm or Kubernetes array index picks the shard; a re-run shard replaces its folder whole', async () => {
    const slurm = await sightline(['sweep', 'sweep.json', '--out', 'env', '--quiet'], { SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_COUNT: '2' });
    expect(slurm.code, slurm.stderr).toBe(0);
    expect(existsSync(join(dir, 'env', 'shard-0001-of-0002', 'runs.csv'))).toBe(true);
    // A re-run of task 1 alone (sbatch --array=1): Slurm says 1 task from 1; without SIGHTLINE_SHARD_COUNT that is refused, with it the same shard.
    const rerun = { SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '1' };
    const refused = await sightline(['sweep', 'sweep.json', '--out', 'env', '--quiet'], rerun);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/SIGHTLINE_SHARD_COUNT/);
    const before1 = snapshot(join(dir, 'env', 'shard-0001-of-0002'));
    const rerunOk = await sightline(['sweep', 'sweep.json', '--out', 'env', '--quiet'], { ...rerun, SIGHTLINE_SHARD_COUNT: '2' });
    expect(rerunOk.code, rerunOk.stderr).toBe(0);
    expect(snapshot(join(dir, 'env', 'shard-0001-of-0002'))).toEqual(before1);
    const k8s = await sightline(['sweep', 'sweep.json', '--out', 'env', '--quiet'], { JOB_COMPLETION_INDEX: '0', SIGHTLINE_SHARD_COUNT: '2' });
    expect(k8s.code, k8s.stderr).toBe(0);
    const before = snapshot(join(dir, 'env', 'shard-0000-of-0002'));
    const again = await sightline(['sweep', 'sweep.json', '--out', 'env', '--quiet'], { JOB_COMPLETION_INDEX: '0', SIGHTLINE_SHARD_COUNT: '2' });
    expect(again.code).toBe(0);
    expect(snapshot(join(dir, 'env', 'shard-0000-of-0002'))).toEqual(before);
    expect(leftovers(join(dir, 'env'))).toEqual([]);
    const merged = await sightline(['sweep', 'merge', 'env/shard-0000-of-0002', 'env/shard-0001-of-0002', '--out', 'env-merged', '--quiet']);
    expect(merged.code, merged.stderr).toBe(0);
    expect(JSON.parse(read('env-merged', 'summary.json')).numRuns).toBe(10);
    // Without the count, a Kubernetes index is a usage error naming the variable.
    const noCount = await sightline(['sweep', 'sweep.json', '--out', 'env', '--quiet'], { JOB_COMPLETION_INDEX: '0' });
    expect(noCount.code).toBe(2);
    expect(noCount.stderr).toMatch(/SIGHTLINE_SHARD_COUNT/);
  }, 300_000);

  test('a merge refuses missing, duplicated and foreign shards, naming them', async () => {
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ ...sweep, seeds: 1 }));
    const o = await sightline(['sweep', 'other.json', '--out', 'other', '--shard', '0/2', '--quiet']);
    expect(o.code, o.stderr).toBe(0);
    const missing = await sightline(['sweep', 'merge', 'env/shard-0000-of-0002', '--out', 'm1']);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/shards 1 of 2.*missing/);
    const dup = await sightline(['sweep', 'merge', 'env', 'env/shard-0001-of-0002', '--out', 'm2']);
    expect(dup.code).toBe(3);
    expect(dup.stderr).toMatch(/both shard 1 of 2/);
    const foreign = await sightline(['sweep', 'merge', 'other/shard-0000-of-0002', 'env/shard-0001-of-0002', '--out', 'm3']);
    expect(foreign.code).toBe(3);
    expect(foreign.stderr).toMatch(/different sweep/);
    expect(existsSync(join(dir, 'm1'))).toBe(false);
  }, 300_000);

  test('usage errors exit 2 before any run; the sweep schema is printed for editors', async () => {
    expect((await sightline(['sweep', 'sweep.json'])).stderr).toMatch(/--out DIR is required/);
    expect((await sightline(['sweep', 'sweep.json', '--out', 'x', '--shard', '3/3'])).code).toBe(2);
    expect((await sightline(['sweep', 'sweep.json', '--out', 'x', '--shard', 'a/b'])).code).toBe(2);
    expect((await sightline(['sweep', 'sweep.json', '--out', 'x', '--jobs', '0'])).code).toBe(2);
    expect((await sightline(['sweep', 'merge', '--out', 'x'])).code).toBe(2);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...sweep, design: 'grids' }));
    const bad = await sightline(['sweep', 'bad.json', '--out', 'x']);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/design/);
    const schema = await sightline(['schema', '--sweep']);
    expect(schema.code).toBe(0);
    expect(JSON.parse(schema.stdout).title).toBe('sightline sweep');
    const help = await sightline(['sweep', '--help']);
    expect(help.stdout).toMatch(/sightline sweep merge/);
    expect(help.stdout).toMatch(/--shard I\/N/);
  }, 120_000);
});
