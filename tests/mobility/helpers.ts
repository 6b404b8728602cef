import Graph from 'graphology';
import { createRng } from '../../src/core/random.js';
import type { StreetGraph } from '../../src/city/city.js';

/**
 * A random street graph for brute-force checks: `n` nodes at random points,
 * `m` edges between random pairs (parallel edges and self-loops allowed),
 * each with a random length in [1, 100) (not the Euclidean distance: routing
 * must use the stored length).
 */
export function randomStreetGraph(seed: number, n: number, m: number): StreetGraph {
  const rng = createRng(seed);
  const g = new Graph({ type: 'undirected', multi: true, allowSelfLoops: true }) as unknown as StreetGraph;
  for (let i = 0; i < n; i++) g.addNode(`n${i}`, { x: rng.uniform(0, 1000), y: rng.uniform(0, 1000) });
  for (let k = 0; k < m; k++) {
    const a = rng.int(n);
    const b = rng.int(n);
    g.addEdge(`n${a}`, `n${b}`, { length: rng.uniform(1, 100), streetClass: 'local', width: 10 });
  }
  return g;
}

/**
 * A rows × cols grid of nodes `r,c` spaced `step` metres apart (x = c·step,
 * y = r·step), edges between 4-neighbours with length = step.
 */
export function gridStreetGraph(rows: number, cols: number, step = 100): StreetGraph {
  const g = new Graph({ type: 'undirected' }) as unknown as StreetGraph;
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) g.addNode(`${r},${c}`, { x: c * step, y: r * step });
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols) g.addEdge(`${r},${c}`, `${r},${c + 1}`, { length: step, streetClass: 'local', width: 10 });
      if (r + 1 < rows) g.addEdge(`${r},${c}`, `${r + 1},${c}`, { length: step, streetClass: 'collector', width: 16 });
    }
  }
  return g;
}

/** All-pairs shortest distances over directed arcs with the given per-arc weights (Floyd–Warshall). */
export function floydWarshall(n: number, edgeSource: Uint32Array, edgeTarget: Uint32Array, arcWeight: Float64Array): Float64Array[] {
  const d: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const row = new Float64Array(n).fill(Infinity);
    row[i] = 0;
    d.push(row);
  }
  for (let e = 0; e < edgeSource.length; e++) {
    const a = edgeSource[e];
    const b = edgeTarget[e];
    if (arcWeight[2 * e] < d[a][b]) d[a][b] = arcWeight[2 * e];
    if (arcWeight[2 * e + 1] < d[b][a]) d[b][a] = arcWeight[2 * e + 1];
  }
  for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (d[i][k] + d[k][j] < d[i][j]) d[i][j] = d[i][k] + d[k][j];
  return d;
}
