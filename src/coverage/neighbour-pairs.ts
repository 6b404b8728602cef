/**
 * All pairs of boxes that overlap, as compressed neighbour lists (CSR).
 *
 * Why not flatbush here: one `search` per footprint allocates a result array.
 * A uniform grid sized to the typical box gives the same pairs with no
 * allocation per query; `npm run bench` times both on the 128,000 Almaty
 * footprints (cases pairs-grid and pairs-flatbush). flatbush still serves
 * the one-off queries elsewhere.
 */
import { scratchInt32, scratchUint32 } from '../core/internal.js';

export interface NeighbourLists {
  /** Neighbours of box i: list[start[i]] … list[start[i + 1] − 1] (i itself excluded). */
  start: Uint32Array;
  list: Uint32Array;
  maxDegree: number;
}

/**
 * Finds, for every box, the other boxes whose closed extents overlap it
 * (grown by `pad` on every side).
 *
 * @param minX - box minima x (length ≥ n); likewise minY, maxX, maxY
 * @param n - number of boxes
 * @param pad - metres added on every side before testing overlap
 * @returns neighbour lists in CSR form, each list in increasing box order of discovery
 * @example
 * const nb = overlappingPairs(Float64Array.of(0, 5), Float64Array.of(0, 0), Float64Array.of(10, 20), Float64Array.of(10, 10), 2, 0);
 * Array.from(nb.list) // [1, 0]
 *
 * Complexity: O(n + pairs) for boxes of similar size.
 */
export function overlappingPairs(minX: Float64Array, minY: Float64Array, maxX: Float64Array, maxY: Float64Array, n: number, pad: number): NeighbourLists {
  return neighbourLists(minX, minY, maxX, maxY, n, pad, false);
}

/**
 * {@link overlappingPairs}, optionally into scratch memory (`pooled`: the
 * returned arrays are only valid until the next pooled call).
 * @internal
 */
export function neighbourLists(minX: Float64Array, minY: Float64Array, maxX: Float64Array, maxY: Float64Array, n: number, pad: number, pooled: boolean): NeighbourLists {
  const start = pooled ? scratchUint32('pairs.start', n + 1) : new Uint32Array(n + 1);
  start[0] = 0;
  if (n === 0) return { start, list: new Uint32Array(0), maxDegree: 0 };
  let gx0 = Infinity;
  let gy0 = Infinity;
  let gx1 = -Infinity;
  let gy1 = -Infinity;
  let sumSize = 0;
  for (let i = 0; i < n; i++) {
    if (minX[i] < gx0) gx0 = minX[i];
    if (minY[i] < gy0) gy0 = minY[i];
    if (maxX[i] > gx1) gx1 = maxX[i];
    if (maxY[i] > gy1) gy1 = maxY[i];
    sumSize += maxX[i] - minX[i] + (maxY[i] - minY[i]);
  }
  // Cell about twice the mean box side, and no more than ~4n cells.
  let cell = Math.max(sumSize / n, 1e-6); // mean (w + h): measured best of 0.5–3× on Almaty (pairs-grid)
  const spanX = gx1 - gx0 + 2 * pad;
  const spanY = gy1 - gy0 + 2 * pad;
  while ((spanX / cell) * (spanY / cell) > 4 * n + 16) cell *= 1.5;
  const cols = Math.max(1, Math.ceil(spanX / cell));
  const rows = Math.max(1, Math.ceil(spanY / cell));
  const ox = gx0 - pad;
  const oy = gy0 - pad;
  const inv = 1 / cell;
  const numCells = cols * rows;
  const cellCount = scratchUint32('pairs.cellCount', numCells + 1);
  cellCount.fill(0);
  // Pass 1: count entries per cell.
  for (let i = 0; i < n; i++) {
    const c0 = clampIndex(Math.floor((minX[i] - pad - ox) * inv), cols);
    const c1 = clampIndex(Math.floor((maxX[i] + pad - ox) * inv), cols);
    const r0 = clampIndex(Math.floor((minY[i] - pad - oy) * inv), rows);
    const r1 = clampIndex(Math.floor((maxY[i] + pad - oy) * inv), rows);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) cellCount[r * cols + c + 1]++;
  }
  for (let k = 0; k < numCells; k++) cellCount[k + 1] += cellCount[k];
  const cellItems = scratchUint32('pairs.cellItems', cellCount[numCells]);
  const fill = scratchUint32('pairs.fill', numCells);
  fill.set(cellCount.subarray(0, numCells));
  for (let i = 0; i < n; i++) {
    const c0 = clampIndex(Math.floor((minX[i] - pad - ox) * inv), cols);
    const c1 = clampIndex(Math.floor((maxX[i] + pad - ox) * inv), cols);
    const r0 = clampIndex(Math.floor((minY[i] - pad - oy) * inv), rows);
    const r1 = clampIndex(Math.floor((maxY[i] + pad - oy) * inv), rows);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) cellItems[fill[r * cols + c]++] = i;
  }
  // Pass 2: neighbours, deduplicated with a stamp per box.
  const stamp = scratchInt32('pairs.stamp', n);
  stamp.fill(-1);
  let list = pooled ? scratchUint32('pairs.list', Math.max(64, 8 * n)) : new Uint32Array(Math.max(64, 8 * n));
  let count = 0;
  let maxDegree = 0;
  for (let i = 0; i < n; i++) {
    start[i] = count;
    const ax0 = minX[i] - pad;
    const ay0 = minY[i] - pad;
    const ax1 = maxX[i] + pad;
    const ay1 = maxY[i] + pad;
    const c0 = clampIndex(Math.floor((ax0 - ox) * inv), cols);
    const c1 = clampIndex(Math.floor((ax1 - ox) * inv), cols);
    const r0 = clampIndex(Math.floor((ay0 - oy) * inv), rows);
    const r1 = clampIndex(Math.floor((ay1 - oy) * inv), rows);
    stamp[i] = i;
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const cellIndex = r * cols + c;
        const end = cellCount[cellIndex + 1];
        for (let q = cellCount[cellIndex]; q < end; q++) {
          const j = cellItems[q];
          if (stamp[j] === i) continue;
          stamp[j] = i;
          if (minX[j] > ax1 || maxX[j] < ax0 || minY[j] > ay1 || maxY[j] < ay0) continue;
          if (count === list.length) {
            const grown = pooled ? scratchUint32('pairs.list.grown', list.length * 2) : new Uint32Array(list.length * 2);
            grown.set(list);
            list = grown;
          }
          list[count++] = j;
        }
      }
    }
    const deg = count - start[i];
    if (deg > maxDegree) maxDegree = deg;
  }
  start[n] = count;
  return { start, list: list.subarray(0, count), maxDegree };
}

function clampIndex(v: number, size: number): number {
  return v < 0 ? 0 : v >= size ? size - 1 : v;
}
