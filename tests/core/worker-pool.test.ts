import { once } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { claimTasks, WorkerPool, waitForChunks } from '../../src/core/worker-pool.js';

// The pool resolves its worker file relative to a base URL: here this test file's, with a tiny echo worker.
const ECHO = '../fixtures/workers/echo-worker.mjs';

async function ask(w: Worker, msg: unknown): Promise<{ threadId: number; msg: unknown }> {
  w.postMessage(msg);
  const [reply] = await once(w, 'message');
  return reply as { threadId: number; msg: unknown };
}

describe('WorkerPool', () => {
  it('reports a missing worker file as unavailable and gives no workers', () => {
    const pool = new WorkerPool('./no-such-worker.js', import.meta.url);
    expect(pool.available()).toBe(false);
    expect(pool.get(2)).toBeNull();
  });

  it('starts workers on demand and hands out the same ones on later calls', async () => {
    const pool = new WorkerPool(ECHO, import.meta.url);
    expect(pool.available()).toBe(true);
    const a = pool.get(1)!;
    const b = pool.get(2)!;
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(2);
    expect(b[0]).toBe(a[0]);
    const replies = await Promise.all(b.map((w, i) => ask(w, i)));
    expect(replies.map((r) => r.msg)).toEqual([0, 1]);
    expect(new Set(replies.map((r) => r.threadId)).size).toBe(2);
    await pool.terminate();
  });

  it('retires its workers: they exit, and the next get starts fresh ones', async () => {
    const pool = new WorkerPool(ECHO, import.meta.url);
    const old = pool.get(2)!;
    const oldIds = (await Promise.all(old.map((w) => ask(w, 'hi')))).map((r) => r.threadId);
    const exits = old.map((w) => once(w, 'exit'));
    pool.retire();
    await Promise.all(exits); // both old workers stop (a hang here fails the test by its timeout)
    const fresh = pool.get(2)!;
    for (const w of fresh) expect(old).not.toContain(w);
    const freshIds = (await Promise.all(fresh.map((w) => ask(w, 'again')))).map((r) => r.threadId);
    for (const id of freshIds) expect(oldIds).not.toContain(id);
    await pool.terminate();
  });

  it('releases its workers by keeping them and telling each to collect', async () => {
    const pool = new WorkerPool(ECHO, import.meta.url);
    const ws = pool.get(2)!;
    const ids = (await Promise.all(ws.map((w) => ask(w, 'hi')))).map((r) => r.threadId);
    const told = ws.map((w) => once(w, 'message'));
    expect(pool.release(true)).toBe(true);
    // The echo worker answers the release message with what it got.
    expect((await Promise.all(told)).map(([r]) => (r as { msg: unknown }).msg)).toEqual([{ kind: 'release' }, { kind: 'release' }]);
    const again = pool.get(2)!;
    expect(again).toEqual(ws);
    expect((await Promise.all(again.map((w) => ask(w, 'still there')))).map((r) => r.threadId)).toEqual(ids);
    await pool.terminate();
  });

  it('retires its workers on release when they cannot collect', async () => {
    const pool = new WorkerPool(ECHO, import.meta.url);
    const old = pool.get(2)!;
    await Promise.all(old.map((w) => ask(w, 'hi')));
    const exits = old.map((w) => once(w, 'exit'));
    expect(pool.release(false)).toBe(false);
    await Promise.all(exits);
    for (const w of pool.get(2)!) expect(old).not.toContain(w);
    await pool.terminate();
  });

  it('terminates every worker and awaits their exit', async () => {
    const pool = new WorkerPool(ECHO, import.meta.url);
    const ws = pool.get(2)!;
    const exits = ws.map((w) => once(w, 'exit'));
    await pool.terminate();
    await Promise.all(exits);
    expect(pool.get(1)![0]).not.toBe(ws[0]);
    await pool.terminate();
  });
});

describe('waitForChunks', () => {
  it('returns as soon as the finished count reaches the number of chunks', () => {
    const ctl = new Int32Array(new SharedArrayBuffer(8));
    Atomics.store(ctl, 1, 3);
    const t0 = Date.now();
    waitForChunks(ctl, 3, 60_000);
    expect(Date.now() - t0).toBeLessThan(30_000); // returns at once; the bound only guards against the 60 s stall wait
  });

  it('gives up once no chunk has finished for the stall time', () => {
    const ctl = new Int32Array(new SharedArrayBuffer(8));
    Atomics.store(ctl, 1, 1);
    const t0 = Date.now();
    waitForChunks(ctl, 3, 100);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(100);
    expect(Atomics.load(ctl, 1)).toBe(1);
  });
});

describe('claimTasks', () => {
  it('runs every unclaimed task once, marks each done or failed, and counts them all', () => {
    const ctl = new Int32Array(new SharedArrayBuffer(8));
    const status = new Int32Array(new SharedArrayBuffer(4 * 5));
    Atomics.store(ctl, 0, 1); // task 0 already claimed elsewhere
    const ran: number[] = [];
    claimTasks(ctl, status, (c) => {
      ran.push(c);
      if (c === 3) throw new Error('task 3 fails');
    });
    expect(ran).toEqual([1, 2, 3, 4]);
    expect(Array.from(status)).toEqual([0, 1, 1, 2, 1]);
    expect(Atomics.load(ctl, 1)).toBe(4);
    claimTasks(ctl, status, () => ran.push(-1)); // nothing left to claim
    expect(ran).toHaveLength(4);
  });
});
