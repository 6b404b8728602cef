import { setTimeout as tick } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { fullCollector } from '../../src/core/collect-garbage.js';

describe('fullCollector', () => {
  it('gives a function that collects an object nothing refers to any more', async () => {
    const gc = fullCollector();
    expect(typeof gc).toBe('function');
    let target: object | null = { payload: new Float64Array(1024) };
    const ref = new WeakRef(target);
    target = null;
    // A WeakRef keeps its target alive until the current job ends (ECMA-262 ClearKeptObjects): wait one turn.
    await tick(0);
    gc!();
    expect(ref.deref()).toBeUndefined();
  });

  it('keeps an object that is still referred to', async () => {
    const kept = { payload: new Float64Array(16) };
    const ref = new WeakRef(kept);
    await tick(0);
    fullCollector()!();
    expect(ref.deref()).toBe(kept);
  });

  it('resolves once and gives the same function every time', () => {
    expect(fullCollector()).toBe(fullCollector());
  });

  it('leaves the flag off: a new vm context has no gc of its own', async () => {
    fullCollector();
    const { runInNewContext } = await import('node:vm');
    // Unless the process itself was started with --expose-gc.
    const exposedAtStart = process.execArgv.includes('--expose-gc') || (process.env.NODE_OPTIONS ?? '').includes('--expose-gc');
    expect(runInNewContext('typeof gc')).toBe(exposedAtStart ? 'function' : 'undefined');
  });
});
