/** Small hand-built cities for the camera tests (no dependency on the city generators). */
import Graph from 'graphology';
import type { BuildingSet, City, PopulationGrid, StreetClass, StreetEdgeAttributes, StreetNodeAttributes } from '../../src/city/city.js';

export interface GridSpec {
  /** Nodes per side. */
  n: number;
  /** Block size in metres. */
  block: number;
  /** Rows (by index) whose horizontal streets are arterial. */
  arterialRows?: number[];
  /** Building inset from the street centre lines, metres (0 = no buildings). */
  inset?: number;
  population?: { cellSize: number; cols: number; rows: number; values: number[] };
  /** Write building rings clockwise instead of counter-clockwise. */
  clockwise?: boolean;
}

/**
 * A square grid city: nodes at (i·block, j·block), streets between neighbours
 * (width 12 m arterial, 8 m local), one square building per block inset from the streets.
 */
export function gridCity(spec: GridSpec): City {
  const { n, block } = spec;
  const g = new Graph<StreetNodeAttributes, StreetEdgeAttributes>({ type: 'undirected', multi: false, allowSelfLoops: false });
  const id = (i: number, j: number) => `${i},${j}`;
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) g.addNode(id(i, j), { x: i * block, y: j * block });
  const arterial = new Set(spec.arterialRows ?? []);
  const add = (a: string, b: string, cls: StreetClass) => g.addEdge(a, b, { length: block, streetClass: cls, width: cls === 'arterial' ? 12 : 8 });
  for (let j = 0; j < n; j++) for (let i = 0; i + 1 < n; i++) add(id(i, j), id(i + 1, j), arterial.has(j) ? 'arterial' : 'local');
  for (let i = 0; i < n; i++) for (let j = 0; j + 1 < n; j++) add(id(i, j), id(i, j + 1), 'local');
  const inset = spec.inset ?? 0;
  const rings: number[][] = [];
  if (inset > 0) {
    for (let j = 0; j + 1 < n; j++) {
      for (let i = 0; i + 1 < n; i++) {
        const x0 = i * block + inset, x1 = (i + 1) * block - inset;
        const y0 = j * block + inset, y1 = (j + 1) * block - inset;
        const ccw = [x0, y0, x1, y0, x1, y1, x0, y1];
        rings.push(spec.clockwise ? [x0, y0, x0, y1, x1, y1, x1, y0] : ccw);
      }
    }
  }
  const size = (n - 1) * block;
  return {
    name: 'test grid',
    projection: null,
    boundary: [{ outer: Float64Array.of(0, 0, size, 0, size, size, 0, size), holes: [] }],
    bounds: [0, 0, size, size],
    streets: g,
    buildings: buildingSet(rings),
    districts: [],
    population: populationGrid(spec.population ?? { cellSize: block, cols: 1, rows: 1, values: [1] }),
    provenance: {
      boundary: { kind: 'synthetic', description: 'test' },
      streets: { kind: 'synthetic', description: 'test' },
      buildings: { kind: 'synthetic', description: 'test' },
      districts: { kind: 'synthetic', description: 'test' },
      population: { kind: 'synthetic', description: 'test' },
    },
  };
}

export function buildingSet(rings: number[][]): BuildingSet {
  const ringStart = new Uint32Array(rings.length + 1);
  const flat: number[] = [];
  rings.forEach((r, i) => {
    flat.push(...r);
    ringStart[i + 1] = ringStart[i] + r.length / 2;
  });
  return { numBuildings: rings.length, ringStart, coords: Float64Array.from(flat), height: new Float32Array(rings.length).fill(10) };
}

export function populationGrid(p: { cellSize: number; cols: number; rows: number; values: number[]; originX?: number; originY?: number }): PopulationGrid {
  const values = Float64Array.from(p.values);
  return { originX: p.originX ?? 0, originY: p.originY ?? 0, cellSize: p.cellSize, cols: p.cols, rows: p.rows, values, total: values.reduce((a, b) => a + b, 0) };
}

/** Smallest angular difference between two headings, degrees in [0, 180]. */
export function angleDiff(a: number, b: number): number {
  const d = Math.abs((((a - b) % 360) + 360) % 360);
  return Math.min(d, 360 - d);
}

/** Column snapshot of a camera set, for equality checks. */
export function snapshot(set: { x: Float64Array; y: Float64Array; heading: Float64Array }): number[][] {
  return [Array.from(set.x), Array.from(set.y), Array.from(set.heading)];
}
