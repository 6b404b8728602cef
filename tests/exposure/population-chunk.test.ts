import { describe, expect, it } from 'vitest';
import { gatherColumn, gatherColumns, PLAN_COLUMN_NAMES, planColumns } from '../../src/exposure/population-chunk.js';
import { packProfileEntries } from '../../src/exposure/sightings-scorer.js';
import type { StreetExposureProfile } from '../../src/exposure/street-exposure-profile.js';

/** Columns of n rows whose every value names its column and row (column c, row k: 1000·c + k). */
function numbered(n: number) {
  const cols = planColumns(n, false);
  PLAN_COLUMN_NAMES.forEach((name, c) => {
    for (let k = 0; k < n; k++) cols[name][k] = 1000 * c + k;
  });
  return cols;
}

describe('gatherColumns', () => {
  it('puts the rows written in chunk order into plan order: row i of the result is row at[i] of the source, in every column', () => {
    // Chunk order 3, 0, 4, 1, 2 (order[k] = plan at position k), so plan p sits at position inv[p].
    const order = [3, 0, 4, 1, 2];
    const inv = new Uint32Array(5);
    order.forEach((p, k) => (inv[p] = k));
    expect([...inv]).toEqual([1, 3, 4, 0, 2]);
    const src = numbered(5);
    const dst = planColumns(5, false);
    gatherColumns(src, dst, inv, 0, 5);
    PLAN_COLUMN_NAMES.forEach((name, c) => expect([...dst[name]], name).toEqual([1, 3, 4, 0, 2].map((k) => 1000 * c + k)));
  });

  it('gathers a range of rows, leaving the others untouched, and one column at a time the same way', () => {
    const at = Uint32Array.from([4, 2, 0]); // plans 1 and 3 unreachable: three routed rows
    const src = numbered(5);
    const part = planColumns(3, false);
    gatherColumns(src, part, at, 1, 3);
    expect([...part.sightings]).toEqual([0, 1002, 1000]);
    const byColumn = planColumns(3, true);
    for (let c = 0; c < PLAN_COLUMN_NAMES.length; c++) gatherColumn(src, byColumn, at, c);
    expect(byColumn.cameraRow.buffer).toBeInstanceOf(SharedArrayBuffer);
    PLAN_COLUMN_NAMES.forEach((name, c) => expect([...byColumn[name]], name).toEqual([4, 2, 0].map((k) => 1000 * c + k)));
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
