import { describe, expect, it } from 'vitest';
import { gatherRows, keptRowTable, PLAN_COLUMN_NAMES, planColumns, releaseRowTable, ROW_WIDTH } from '../../src/exposure/population-chunk.js';
import { packProfileEntries } from '../../src/exposure/sightings-scorer.js';
import type { StreetExposureProfile } from '../../src/exposure/street-exposure-profile.js';

/** A row table of n rows whose every value names its column and row (column c, row k: 1000·c + k). */
function numbered(n: number): Float64Array {
  const rows = keptRowTable(n);
  for (let k = 0; k < n; k++) for (let c = 0; c < ROW_WIDTH; c++) rows[ROW_WIDTH * k + c] = 1000 * c + k;
  return rows;
}

describe('gatherRows', () => {
  it('has one number per result column in a row, 14 in all', () => {
    expect(ROW_WIDTH).toBe(14);
    expect(new Set(PLAN_COLUMN_NAMES).size).toBe(14);
    expect(Object.keys(planColumns(1, false)).sort()).toEqual([...PLAN_COLUMN_NAMES].sort());
  });

  it('puts the rows written in chunk order into plan-order columns: row i of the result is row at[i] of the table', () => {
    // Chunk order 3, 0, 4, 1, 2 (order[k] = plan at position k), so plan p sits at position inv[p].
    const order = [3, 0, 4, 1, 2];
    const inv = new Uint32Array(5);
    order.forEach((p, k) => (inv[p] = k));
    expect([...inv]).toEqual([1, 3, 4, 0, 2]);
    const dst = planColumns(5, false);
    gatherRows(numbered(5), dst, inv, 0, 5);
    PLAN_COLUMN_NAMES.forEach((name, c) => expect([...dst[name]], name).toEqual([1, 3, 4, 0, 2].map((k) => 1000 * c + k)));
  });

  it('gathers a range of rows and leaves the others untouched, into shared columns too', () => {
    const at = Uint32Array.from([4, 2, 0]); // plans 1 and 3 unreachable: three routed rows
    const dst = planColumns(3, true);
    gatherRows(numbered(5), dst, at, 1, 3);
    expect(dst.cameraRow.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect([...dst.speed]).toEqual([0, 2, 0]);
    expect([...dst.sightings]).toEqual([0, 1002, 1000]);
    expect([...dst.cameraRow]).toEqual([0, 13002, 13000]);
  });
});

describe('keptRowTable', () => {
  it('keeps one shared table between calls: reused while big enough, grown when not, made anew for under a quarter, dropped on release', () => {
    releaseRowTable();
    const a = keptRowTable(1000);
    expect(a.length).toBe(1000 * ROW_WIDTH);
    expect(a.buffer).toBeInstanceOf(SharedArrayBuffer);
    const b = keptRowTable(600);
    expect(b.buffer).toBe(a.buffer);
    expect(b.length).toBe(600 * ROW_WIDTH);
    const c = keptRowTable(2000);
    expect(c.buffer).not.toBe(a.buffer);
    expect(keptRowTable(1500).buffer).toBe(c.buffer);
    const d = keptRowTable(100);
    expect(d.buffer).not.toBe(c.buffer);
    expect(d.buffer.byteLength).toBe(8 * 100 * ROW_WIDTH);
    releaseRowTable();
    expect(keptRowTable(100).buffer).not.toBe(d.buffer);
  });
});

describe('packProfileEntries', () => {
  it('interleaves s0, s1, frontalUntil, frontalFrom, camera and level, six numbers per entry, shared on request', () => {
    const profile = {
      s0: Float64Array.from([0, 1.5]), s1: Float64Array.from([2, 3.25]),
      frontalUntil: Float64Array.from([1, 3]), frontalFrom: Float64Array.from([0.5, 2]),
      camera: Uint32Array.from([7, 70000]), level: Uint8Array.from([0, 3]),
    } as unknown as StreetExposureProfile;
    const packed = packProfileEntries(profile, false);
    expect([...packed]).toEqual([0, 2, 1, 0.5, 7, 0, 1.5, 3.25, 3, 2, 70000, 3]);
    const shared = packProfileEntries(profile, true);
    expect(shared.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect([...shared]).toEqual([...packed]);
  });
});
