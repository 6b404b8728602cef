/**
 * Fault injection (issue 18, defect 7): `sightline run` is killed (SIGKILL,
 * SIGINT, SIGTERM) at points of its life — during the analysis, and at each
 * point of the write: staging folder made, each file written, manifest
 * written, old folder moved aside, new folder swapped in — in a child
 * process, over an output folder that holds an earlier run and a file of the
 * user. After each kill the folder is wholly the old run or wholly the new
 * one (or, killed between the swap's two renames, missing with both
 * complete folders beside it); after the next run it is the new one, with no
 * temporary file in it or beside it.
 *
 * The points come from a test-only hook: with SIGHTLINE_TEST_PAUSE_AT=<point>
 * the command prints `sightline-test: paused at <point>` and waits there.
 *
 * Default (about 20 runs of a second each on a quiet machine): SIGKILL at
 * all 12 points as one chain of runs over the same folder — each run starts
 * by cleaning what the one killed before it left, which the chain checks —
 * and SIGINT and SIGTERM at 4 points each. SIGHTLINE_FAULT_LONG=1: every
 * signal at every point, each over a fresh copy of the old folder followed
 * by a next run, and 24 SIGKILLs at moments spread over a run.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, leftovers, requireBuiltCli, snapshot, TINY } from './helpers.js';

const LONG = process.env.SIGHTLINE_FAULT_LONG === '1';
const POINTS = [
  'write:staging',
  'analysis',
  'write:file:cameras.geojson',
  'write:file:network.geojson',
  'write:file:districts.geojson',
  'write:file:coverage-grid.geojson',
  'write:file:exposure.csv',
  'write:file:report.html',
  'write:file:results.json',
  'write:manifest',
  'write:aside',
  'write:swapped',
] as const;
type Point = (typeof POINTS)[number];
type Sig = 'SIGKILL' | 'SIGINT' | 'SIGTERM';
/** Points where the new folder is committed: a signal there lets the swap finish. */
const COMMITTED: readonly Point[] = ['write:aside', 'write:swapped'];

const tmp = () => mkdtempSync(join(tmpdir(), 'sightline-fault-'));

interface Outcome {
  pid: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  sent: boolean;
}

/** Runs the command; once `ready(stderr)` holds, sends `sig` (or after `delayMs`). */
function runAndKill(args: string[], sig: Sig | null, opts: { pauseAt?: string; ready?: (stderr: string) => boolean; delayMs?: number }): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.SIGHTLINE_TEST_PAUSE_AT;
    if (opts.pauseAt) env.SIGHTLINE_TEST_PAUSE_AT = opts.pauseAt;
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let sent = false;
    const send = () => {
      if (!sent && sig) {
        sent = true;
        child.kill(sig);
      }
    };
    child.stdout.resume();
    child.stderr.on('data', (d) => {
      stderr += d;
      if (opts.ready?.(stderr)) send();
    });
    const timer = opts.delayMs !== undefined ? setTimeout(send, opts.delayMs) : undefined;
    // Never left running: a run that does not reach its point (or hangs) is killed after a minute.
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(guard);
      resolve({ pid: child.pid!, code, signal, stderr, sent });
    });
  });
}

/** Runs tasks `limit` at a time. */
async function pool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const out: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, tasks.length) }, async () => {
      while (next < tasks.length) {
        const i = next++;
        out[i] = await tasks[i]();
      }
    }),
  );
  return out;
}

let scenarioNew: string;
let template: string;
let OLD: Record<string, string>;
let NEW: Record<string, string>;

beforeAll(async () => {
  requireBuiltCli();
  const dir = tmp();
  // The old run: another seed, no network, residents or raster (so the new run adds files and changes all others).
  const scenarioOld = join(dir, 'old.json');
  writeFileSync(scenarioOld, JSON.stringify({ seed: 4, city: TINY.city, cameras: TINY.cameras, analyses: { coverage: {}, districts: { streets: false } } }));
  scenarioNew = join(dir, 'new.json');
  writeFileSync(scenarioNew, JSON.stringify(TINY));
  template = join(dir, 'template');
  const r = await runAndKill(['run', scenarioOld, '--out', template, '--quiet'], null, {});
  expect(r.code).toBe(0);
  writeFileSync(join(template, 'notes.txt'), 'a file of the user');
  OLD = snapshot(template);
  const fresh = join(tmp(), 'out');
  cpSync(template, fresh, { recursive: true });
  expect((await runAndKill(['run', scenarioNew, '--out', fresh, '--quiet'], null, {})).code).toBe(0);
  NEW = snapshot(fresh);
  expect(Object.keys(NEW)).toEqual(['camera-density.geojson', 'camera-footprints.geojson', 'cameras.geojson', 'coverage-grid.geojson', 'districts.geojson', 'exposure.csv', 'manifest.json', 'network-links.geojson', 'network-nodes.geojson', 'network.geojson', 'notes.txt', 'report.html', 'results.json']);
  expect(Object.keys(OLD)).toEqual(['camera-density.geojson', 'camera-footprints.geojson', 'cameras.geojson', 'districts.geojson', 'manifest.json', 'notes.txt', 'report.html', 'results.json']);
  for (const n of ['cameras.geojson', 'results.json', 'manifest.json']) expect(NEW[n]).not.toBe(OLD[n]);
});

/** Kills a run over a copy of the old folder at `point` with `sig`; checks the folder, then (after a kill) a next run. */
async function killAt(point: Point, sig: Sig): Promise<string> {
  const parent = tmp();
  const out = join(parent, 'out');
  cpSync(template, out, { recursive: true });
  const pausing = point !== 'analysis';
  const r = await runAndKill(['run', scenarioNew, '--out', out], sig, {
    pauseAt: pausing ? point : undefined,
    ready: pausing ? (s) => s.includes(`sightline-test: paused at ${point}\n`) : (s) => /^\[2\/\d+\] /m.test(s),
  });
  const where = `${sig} at ${point}`;
  expect(r.sent, `${where}: the point was reached`).toBe(true);
  if (sig === 'SIGKILL') {
    expect(r.signal, where).toBe('SIGKILL');
    if (point === 'write:aside') {
      // Between the swap's two renames: the folder is missing, both complete folders are beside it.
      expect(existsSync(out), where).toBe(false);
      const old = leftovers(parent).filter((n) => n.startsWith('.sightline-old-'));
      const staging = leftovers(parent).filter((n) => n.startsWith('.sightline-staging-'));
      expect(old, where).toHaveLength(1);
      expect(staging, where).toHaveLength(1);
      expect(snapshot(join(parent, old[0])), where).toEqual(OLD);
      expect(snapshot(join(parent, staging[0])), where).toEqual(NEW);
    } else {
      expect(snapshot(out), where).toEqual(point === 'write:swapped' ? NEW : OLD);
    }
    // The next run: the new folder, nothing left in it or beside it.
    const next = await runAndKill(['run', scenarioNew, '--out', out, '--quiet'], null, {});
    expect(next.code, `${where}: next run`).toBe(0);
    expect(snapshot(out), `${where}: next run`).toEqual(NEW);
    expect(leftovers(parent), `${where}: next run`).toEqual([]);
  } else {
    expect(r.code, where).toBe(sig === 'SIGINT' ? 130 : 143);
    // Honoured at once: before the commit the old folder stays, after it the swap completes; either way nothing is left over.
    expect(snapshot(out), where).toEqual(COMMITTED.includes(point) ? NEW : OLD);
    expect(leftovers(parent), where).toEqual([]);
    expect(r.stderr, where).toMatch(COMMITTED.includes(point) ? /after the outputs were complete/ : /stopped cleanly, no partial file left/);
  }
  return where;
}

/**
 * SIGKILL at each point in turn, each run over the folder the previous killed
 * run left: the folder is wholly old until a run commits, wholly new after;
 * the only leftovers beside it are those of the run just killed (the next
 * run removes them, or completes its swap).
 */
async function killChain(points: readonly Point[]): Promise<void> {
  const parent = tmp();
  const out = join(parent, 'out');
  cpSync(template, out, { recursive: true });
  let committed = false;
  for (const point of points) {
    const pausing = point !== 'analysis';
    const r = await runAndKill(['run', scenarioNew, '--out', out], 'SIGKILL', {
      pauseAt: pausing ? point : undefined,
      ready: pausing ? (s) => s.includes(`sightline-test: paused at ${point}\n`) : (s) => /^\[2\/\d+\] /m.test(s),
    });
    const where = `SIGKILL at ${point} (chain)`;
    expect(r.sent, `${where}: the point was reached`).toBe(true);
    expect(r.signal, where).toBe('SIGKILL');
    for (const n of leftovers(parent)) expect(n, `${where}: only the killed run's leftovers`).toMatch(new RegExp(`^\\.sightline-(staging|old|probe)-${r.pid}-`));
    if (point === 'write:aside') {
      expect(existsSync(out), where).toBe(false);
      const old = leftovers(parent).filter((n) => n.startsWith('.sightline-old-'));
      const staging = leftovers(parent).filter((n) => n.startsWith('.sightline-staging-'));
      expect(snapshot(join(parent, old[0])), where).toEqual(committed ? NEW : OLD);
      expect(snapshot(join(parent, staging[0])), where).toEqual(NEW);
    } else expect(snapshot(out), where).toEqual(committed || point === 'write:swapped' ? NEW : OLD);
    if (point === 'write:aside' || point === 'write:swapped') committed = true;
  }
  const next = await runAndKill(['run', scenarioNew, '--out', out, '--quiet'], null, {});
  expect(next.code).toBe(0);
  expect(snapshot(out)).toEqual(NEW);
  expect(leftovers(parent)).toEqual([]);
}

describe('killing a run never leaves a mixed output folder or a temporary file after the next run', () => {
  it.concurrent(`SIGKILL at each of ${POINTS.length} points of a run`, async () => {
    if (LONG) {
      const done = await pool(
        POINTS.map((p) => () => killAt(p, 'SIGKILL')),
        3,
      );
      expect(done).toHaveLength(POINTS.length);
    } else await killChain(POINTS);
  });

  it.concurrent('SIGINT and SIGTERM during the analysis and the write: exit 130 / 143, the folder wholly old (or, once committed, wholly new)', async () => {
    const some = (pts: Point[]) => (LONG ? [...POINTS] : pts);
    const cases: [Point, Sig][] = [
      ...some(['analysis', 'write:file:districts.geojson', 'write:manifest', 'write:swapped']).map((p): [Point, Sig] => [p, 'SIGINT']),
      ...some(['analysis', 'write:staging', 'write:file:report.html', 'write:aside']).map((p): [Point, Sig] => [p, 'SIGTERM']),
    ];
    const done = await pool(
      cases.map(([p, s]) => () => killAt(p, s)),
      2,
    );
    expect(done).toHaveLength(cases.length);
  });

  it.runIf(LONG)('SIGKILL at random moments: wholly old, wholly new, or mid-swap with both complete beside it', async () => {
    // How long a run takes here, to spread the kills over it.
    const t0 = performance.now();
    const probe = join(tmp(), 'out');
    expect((await runAndKill(['run', scenarioNew, '--out', probe, '--quiet'], null, {})).code).toBe(0);
    const total = performance.now() - t0;
    const seen = { old: 0, new: 0, mid: 0 };
    await pool(
      Array.from({ length: 24 }, (_, i) => async () => {
        const parent = tmp();
        const out = join(parent, 'out');
        cpSync(template, out, { recursive: true });
        await runAndKill(['run', scenarioNew, '--out', out, '--quiet'], 'SIGKILL', { delayMs: ((i + 0.5) / 24) * total * 1.1 });
        if (!existsSync(out)) seen.mid++;
        else {
          const s = snapshot(out);
          expect([OLD, NEW]).toContainEqual(s);
          if (JSON.stringify(s) === JSON.stringify(NEW)) seen.new++;
          else seen.old++;
        }
        expect((await runAndKill(['run', scenarioNew, '--out', out, '--quiet'], null, {})).code).toBe(0);
        expect(snapshot(out)).toEqual(NEW);
        expect(leftovers(parent)).toEqual([]);
      }),
      3,
    );
    expect(seen.old + seen.new + seen.mid).toBe(24);
  });
});
