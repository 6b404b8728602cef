/**
 * `runs.csv` of a sweep: one row per run (run id, variant, seed, each varied
 * input's value, every headline number), and reading it back for a merge.
 * Numbers are written as JavaScript prints them (the shortest text that reads
 * back as the same double), so a merge recomputes exactly what the sweep had.
 */
import { InvalidInputError } from '../core/index.js';
import type { SweepPlan } from './plan-sweep.js';
import type { SweepRow } from './run-sweep.js';

/** A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
function field(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Every headline key any row has, sorted (so shards and the whole sweep agree). */
export function headlineKeys(rows: readonly SweepRow[]): string[] {
  const keys = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r.headline)) keys.add(k);
  return [...keys].sort();
}

/**
 * The text of runs.csv.
 *
 * @param plan - the sweep's plan (names the varied inputs)
 * @param rows - rows sorted by run id
 * @returns CSV text with a header line, `\n` line ends
 */
export function sweepRowsCsv(plan: SweepPlan, rows: readonly SweepRow[]): string {
  const keys = headlineKeys(rows);
  const head = ['run', 'variant', 'seed', ...plan.parameters.map((p) => p.key), ...keys].map(field).join(',');
  const lines = [head];
  for (const r of rows) {
    const cells = [String(r.run), String(r.variant), String(r.seed), ...r.values.map(String), ...keys.map((k) => (k in r.headline ? String(r.headline[k]) : ''))];
    lines.push(cells.map(field).join(','));
  }
  return lines.join('\n') + '\n';
}

/** Splits CSV text into records of fields (RFC 4180 quoting). */
export function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cur += '"';
          i++;
        } else quoted = false;
      } else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cur);
      cur = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cur);
      out.push(row);
      row = [];
      cur = '';
    } else cur += c;
  }
  if (quoted) throw new InvalidInputError('parseCsv', 'text', 'ends inside a quoted field', text.length);
  if (cur !== '' || row.length > 0) {
    row.push(cur);
    out.push(row);
  }
  return out;
}

/**
 * Reads runs.csv back into rows (seed and values from the plan, which the
 * shard's own record names; headline numbers from the file).
 *
 * @param plan - the sweep's plan
 * @param text - the CSV text
 * @param where - the file, for messages
 * @returns the rows, in file order
 * @throws {InvalidInputError} on a header that does not match the plan, an unknown run id or a non-numeric cell
 */
export function readSweepRowsCsv(plan: SweepPlan, text: string, where: string): SweepRow[] {
  const recs = parseCsv(text);
  if (recs.length === 0) throw new InvalidInputError('readSweepRowsCsv', where, 'is empty (no header)', '');
  const [head, ...body] = recs;
  const fixed = ['run', 'variant', 'seed', ...plan.parameters.map((p) => p.key)];
  for (let i = 0; i < fixed.length; i++) if (head[i] !== fixed[i]) throw new InvalidInputError('readSweepRowsCsv', where, `column ${i + 1} must be ${JSON.stringify(fixed[i])}`, head[i]);
  const keys = head.slice(fixed.length);
  return body.map((cells, li) => {
    if (cells.length !== head.length) throw new InvalidInputError('readSweepRowsCsv', `${where}:${li + 2}`, `has ${cells.length} fields, the header ${head.length}`, cells.length);
    const id = Number(cells[0]);
    const run = Number.isInteger(id) ? plan.runs[id] : undefined;
    if (run === undefined || String(run.variant) !== cells[1]) throw new InvalidInputError('readSweepRowsCsv', `${where}:${li + 2}`, 'names a run this sweep does not have', cells[0]);
    const headline: Record<string, number> = {};
    keys.forEach((k, j) => {
      const c = cells[fixed.length + j];
      if (c === '') return;
      const v = Number(c);
      if (Number.isNaN(v) && c !== 'NaN') throw new InvalidInputError('readSweepRowsCsv', `${where}:${li + 2}`, `${k} is not a number`, c);
      headline[k] = v;
    });
    return { run: run.id, variant: run.variant, seed: run.seed, values: plan.variants[run.variant], headline };
  });
}
