// Benchmark cases of the later layers, one module per area in benchmarks/cases/.
//
// A module exports:
//   cases:  Case[]  — { name, tags, target?: { seconds?, rssMB?, speedup? (checks the result's medianRatio), label }, limitS? } (as in run.mjs)
//   run(name, ctx): Promise<object | undefined> — runs ONE case in this process and
//           returns { ...ctx.timing(r), details?: string (markdown for the README), ...extra };
//           ctx = { pkg, bench, timing, skipped, seed }. Call ctx.skipped(name, exportName)
//           and return undefined when an export is missing.
//   method?: string — markdown paragraph(s) describing how its cases are measured.
//   summary?(results: Map<name, result>): string | null — markdown drawn from several cases (e.g. a speed-up).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BENCH_DIR } from './lib.mjs';

/** Loads every benchmarks/cases/*.mjs module, sorted by file name. */
export async function loadCasePlugins() {
  const dir = join(BENCH_DIR, 'cases');
  let files = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.mjs')).sort();
  } catch {
    return [];
  }
  const out = [];
  for (const f of files) {
    const mod = await import(pathToFileURL(join(dir, f)).href);
    if (!Array.isArray(mod.cases) || typeof mod.run !== 'function') throw new Error(`benchmarks/cases/${f} must export cases[] and run(name, ctx)`);
    out.push({ file: f, cases: mod.cases, run: mod.run, method: mod.method, summary: mod.summary });
  }
  return out;
}
