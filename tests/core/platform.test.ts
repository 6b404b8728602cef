/**
 * The two sides of `#platform` (package.json "imports"): the browser side
 * offers every member of the Node side, with the same types (checked by the
 * compiler below), answers "one thread, no workers, no collector", and its
 * stand-ins for Node's modules refuse with a UsageError naming what was used.
 */
import { describe, expect, it } from 'vitest';
import * as browser from '../../src/core/platform-browser.js';
import * as node from '../../src/core/platform-node.js';
import { UsageError } from '../../src/core/errors.js';

// Compile-time check: the browser side can stand wherever the Node side is used.
const sameShape: typeof node = browser;

describe('#platform', () => {
  it('has the same members on both sides', () => {
    expect(Object.keys(browser).sort()).toEqual(Object.keys(node).sort());
    expect(Object.keys(sameShape).length).toBeGreaterThan(5);
  });

  it('says which platform it serves', () => {
    expect(node.PLATFORM).toBe('node');
    expect(browser.PLATFORM).toBe('browser');
  });

  it('runs on one thread in the browser: no worker file, no collector, at least one core', () => {
    expect(browser.workerFileUrl('./coverage-worker.js', import.meta.url)).toBeNull();
    expect(browser.fullCollector()).toBeNull();
    expect(Number.isInteger(browser.availableParallelism()) && browser.availableParallelism() >= 1).toBe(true);
    expect(() => browser.startWorker(new URL('file:///x.js'))).toThrow(UsageError);
  });

  it("refuses Node's modules in the browser with a UsageError naming the call", () => {
    expect(() => browser.nodeFs.readFileSync('x')).toThrow(UsageError);
    expect(() => browser.nodeFs.readFileSync('x')).toThrow(/node:fs\.readFileSync/);
    expect(() => browser.nodePath.join('a', 'b')).toThrow(/node:path\.join.*browser/);
    expect(() => browser.nodeCrypto.createHash('sha256')).toThrow(UsageError);
  });

  it('finds a worker file next to the module on Node, and nothing where there is none', () => {
    expect(node.workerFileUrl('./platform.test.ts', import.meta.url)?.href).toBe(import.meta.url);
    expect(node.workerFileUrl('./no-such-worker.js', import.meta.url)).toBeNull();
    expect(node.availableParallelism()).toBeGreaterThanOrEqual(1);
  });
});
