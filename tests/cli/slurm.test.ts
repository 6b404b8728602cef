/**
 * A sweep on a real Slurm cluster: examples/sweep/slurm.sbatch submits a
 * 4-task job array and a dependent merge job; the merged runs.csv and
 * summary.json equal, byte for byte, the same sweep run whole on this
 * machine. CI starts a single-node cluster first (.ci/slurm-single-node) and
 * sets SIGHTLINE_REQUIRE_SLURM=1, so there a missing cluster fails the test;
 * elsewhere it runs when `sbatch` answers and is skipped otherwise.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { CLI, requireBuiltCli, TINY } from './helpers.js';

const required = process.env.SIGHTLINE_REQUIRE_SLURM === '1';
const available = spawnSync('sinfo', ['-h', '-o', '%a'], { encoding: 'utf8' }).stdout?.includes('up') ?? false;
const script = resolve(__dirname, '../../examples/sweep/slurm.sbatch');
// A scratch folder the Slurm daemons (root, on this node) can write.
const dir = mkdtempSync(join(tmpdir(), 'sightline-slurm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.runIf(required || available)('a sweep through a real Slurm job array', () => {
  test('4 array tasks and a dependent merge give the unsharded sweep, byte for byte', () => {
    requireBuiltCli();
    expect(available, 'no Slurm cluster answers (run .ci/slurm-single-node)').toBe(true);
    writeFileSync(join(dir, 'scenario.json'), JSON.stringify({ ...TINY, residents: { count: 40 }, retention: { preset: 'almaty-assumed' } }));
    writeFileSync(
      join(dir, 'sweep.json'),
      JSON.stringify({ scenario: 'scenario.json', seeds: 3, vary: { 'retention.policy.rules.city.video.days': { low: 7, high: 90, steps: 3, integer: true } } }),
    );
    const whole = spawnSync(process.execPath, [CLI, 'sweep', 'sweep.json', '--out', 'whole', '--quiet'], { cwd: dir, encoding: 'utf8' });
    expect(whole.status, whole.stderr).toBe(0);
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SLURM_')));
    const submit = spawnSync('bash', [script, 'sweep.json', 'cluster', '4'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...env, SIGHTLINE: `${process.execPath} ${CLI}`, SIGHTLINE_WAIT: '1' },
      timeout: 600_000,
    });
    const logs = readdirSync(dir).filter((f) => f.endsWith('.log')).map((f) => `${f}:\n${readFileSync(join(dir, f), 'utf8')}`).join('\n');
    expect(submit.status, `${submit.stdout}\n${submit.stderr}\n${logs}`).toBe(0);
    expect(submit.stdout).toMatch(/submitted array job \d+ \(4 shards\)/);
    expect(readdirSync(join(dir, 'cluster', 'shards')).sort()).toEqual(['shard-0000-of-0004', 'shard-0001-of-0004', 'shard-0002-of-0004', 'shard-0003-of-0004']);
    for (const f of ['runs.csv', 'summary.json']) expect(readFileSync(join(dir, 'cluster', 'merged', f), 'utf8'), f).toBe(readFileSync(join(dir, 'whole', f), 'utf8'));
    // A re-run of one failed shard alone (here: shard 2 again) replaces its folder whole; the merge is unchanged.
    const again = spawnSync('sbatch', ['--wait', '--array=2', `--output=${join(dir, 'rerun.log')}`, script, 'sweep.json', 'cluster', '4'], { cwd: dir, encoding: 'utf8', env: { ...env, SIGHTLINE: `${process.execPath} ${CLI}` }, timeout: 300_000 });
    expect(again.status, again.stderr).toBe(0);
    const remerge = spawnSync(process.execPath, [CLI, 'sweep', 'merge', 'cluster/shards', '--out', 'remerged', '--quiet'], { cwd: dir, encoding: 'utf8' });
    expect(remerge.status, remerge.stderr).toBe(0);
    expect(readFileSync(join(dir, 'remerged', 'summary.json'), 'utf8')).toBe(readFileSync(join(dir, 'whole', 'summary.json'), 'utf8'));
    void execFileSync;
  }, 900_000);
});
