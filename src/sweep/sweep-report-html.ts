/**
 * The sweep's report page (report.html): the inputs varied, every headline
 * number's median and 90 % interval over seeds per variant, and the
 * sensitivity charts researchers expect — intervals per variant, a tornado
 * chart (one-at-a-time) and Sobol index bars (sobol). Self-contained like the
 * run report (Vega-Lite inlined).
 */
import { esc, fmtNum, VEGA_LITE_SCHEMA } from '../scenario/internal.js';
import { chartScript, HTML_STYLE } from '../io/internal.js';
import type { SweepSummary } from './summarise-sweep.js';

/** Headline numbers charted first when a sweep has them (the rest are in the tables). */
export const SWEEP_FEATURED_KEYS = [
  'coveredFraction',
  'streetCoveredFraction',
  'networkDeliveredLiveShare',
  'outageLiveShareMean',
  'exposureSightingsMean',
  'exposurePIdentifiedMean',
  'watchlistTruePerDay',
  'watchlistFalsePerDay',
  'unicityK4',
  'retentionStorageTB',
  'retentionReconstructableShareMean',
] as const;

/** At most this many headline numbers get charts. */
const MAX_CHARTED = 8;

const fmt = (v: number) => fmtNum(v);

/** Keys to chart: the featured ones the sweep has, then those that vary most (relative spread of medians across variants). */
function chartedKeys(s: SweepSummary): string[] {
  const keys = Object.keys(s.variants[0]?.headline ?? {});
  const spread = (k: string) => {
    const m = s.variants.map((v) => v.headline[k]?.median).filter((x): x is number => x !== undefined);
    if (m.length === 0) return 0;
    const lo = Math.min(...m), hi = Math.max(...m);
    const scale = Math.max(Math.abs(lo), Math.abs(hi));
    return scale > 0 ? (hi - lo) / scale : 0;
  };
  const featured = SWEEP_FEATURED_KEYS.filter((k) => keys.includes(k));
  const others = keys.filter((k) => !featured.includes(k as never) && spread(k) > 0).sort((a, b) => spread(b) - spread(a) || (a < b ? -1 : 1));
  const varying = featured.filter((k) => s.variants.length === 1 || spread(k) > 0 || s.seeds.length > 1);
  return [...varying, ...others].slice(0, MAX_CHARTED);
}

/** A variant's label: its values, or "base" without varied inputs. */
function variantLabel(s: SweepSummary, v: SweepSummary['variants'][number]): string {
  const parts = s.parameters.map((p) => `${p.key}=${fmt(v.values[p.key])}`);
  return parts.length ? `#${v.variant} ${parts.join(', ')}` : 'base';
}

/**
 * Builds the sweep's report page.
 *
 * @param s - the sweep's summary
 * @returns the HTML text of one self-contained page
 * @example writeFileSync('report.html', buildSweepReportHtml(summariseSweep(plan, rows)));
 */
export function buildSweepReportHtml(s: SweepSummary): string {
  const schema = VEGA_LITE_SCHEMA;
  const specs: Record<string, unknown> = {};
  const charted = chartedKeys(s);
  const sections: string[] = [];
  const manyVariants = s.variants.length > 40;
  // Intervals per variant (at most 40 variants charted; a sobol design's many points are summarised by its indices).
  if (!manyVariants && charted.length > 0) {
    const parts: string[] = [];
    for (const k of charted) {
      const id = `chart-interval-${k}`;
      specs[id] = {
        $schema: schema,
        title: `${k}: median and 90 % interval over ${s.seeds.length} seed(s)`,
        width: 420,
        height: { step: 16 },
        data: { values: s.variants.filter((v) => v.headline[k]).map((v) => ({ variant: variantLabel(s, v), median: v.headline[k].median, lo: v.headline[k].lo, hi: v.headline[k].hi })) },
        encoding: { y: { field: 'variant', type: 'nominal', sort: null, title: null } },
        layer: [
          { mark: { type: 'rule' }, encoding: { x: { field: 'lo', type: 'quantitative', title: k, scale: { zero: false } }, x2: { field: 'hi' } } },
          { mark: { type: 'point', filled: true, tooltip: true }, encoding: { x: { field: 'median', type: 'quantitative' } } },
        ],
      };
      parts.push(`<div class="chart" id="${id}"></div>`);
    }
    sections.push(`<h2>Intervals over seeds</h2><p>Each point is the median over the ${s.seeds.length} seed(s) of a variant; the line its 90 % interval (${esc(s.interval.method)}).</p><div class="row">${parts.join('')}</div>`);
  }
  if (s.oneAtATime) {
    const parts: string[] = [];
    for (const k of charted) {
      const o = s.oneAtATime[k];
      if (!o) continue;
      const id = `chart-tornado-${k}`;
      const data = o.swings.flatMap((w) => [
        { parameter: w.parameter, end: 'low', from: o.base, to: w.outputAtLow, label: `${w.parameter} = ${fmt(w.low)}` },
        { parameter: w.parameter, end: 'high', from: o.base, to: w.outputAtHigh, label: `${w.parameter} = ${fmt(w.high)}` },
      ]);
      specs[id] = {
        $schema: schema,
        title: `${k}: swing of each input, low to high (base ${fmt(o.base)})`,
        width: 420,
        height: { step: 22 },
        data: { values: data },
        mark: { type: 'bar', tooltip: true },
        encoding: {
          y: { field: 'parameter', type: 'nominal', sort: o.swings.map((w) => w.parameter), title: null },
          x: { field: 'from', type: 'quantitative', title: k, scale: { zero: false } },
          x2: { field: 'to' },
          color: { field: 'end', type: 'nominal', title: 'input at', scale: { domain: ['low', 'high'], range: ['#2563eb', '#dc2626'] } },
        },
      };
      parts.push(`<div class="chart" id="${id}"></div>`);
    }
    sections.push(`<h2>One at a time (tornado)</h2><p>Each bar runs from the base (every input central) to the output with one input at its low (blue) or high (red) value, the others central; inputs sorted by swing.</p><div class="row">${parts.join('')}</div>`);
    const rows = Object.entries(s.oneAtATime)
      .map(([k, o]) => `<tr><td>${esc(k)}</td><td>${esc(fmt(o.base))}</td><td>${o.swings.map((w) => `${esc(w.parameter)}: ${esc(fmt(w.outputAtLow))} → ${esc(fmt(w.outputAtHigh))}`).join('<br>')}</td></tr>`)
      .join('');
    sections.push(`<h3>Every headline number</h3><table><thead><tr><th>number</th><th>base</th><th>low → high, largest swing first</th></tr></thead><tbody>${rows}</tbody></table>`);
  }
  if (s.sobol) {
    const parts: string[] = [];
    for (const k of charted) {
      const ix = s.sobol.indices[k];
      if (!ix) continue;
      const id = `chart-sobol-${k}`;
      const data = Object.keys(ix.first).flatMap((p) => [
        { parameter: p, index: 'first-order', value: ix.first[p], lo: ix.firstInterval[p].lo, hi: ix.firstInterval[p].hi },
        { parameter: p, index: 'total', value: ix.total[p], lo: ix.totalInterval[p].lo, hi: ix.totalInterval[p].hi },
      ]);
      specs[id] = {
        $schema: schema,
        title: `${k}: Sobol indices`,
        width: 420,
        height: { step: 14 },
        data: { values: data },
        encoding: { y: { field: 'parameter', type: 'nominal', title: null }, yOffset: { field: 'index' } },
        layer: [
          { mark: { type: 'bar', tooltip: true }, encoding: { x: { field: 'value', type: 'quantitative', title: 'share of variance' }, color: { field: 'index', type: 'nominal', title: null } } },
          { mark: { type: 'rule' }, encoding: { x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } } },
        ],
      };
      parts.push(`<div class="chart" id="${id}"></div>`);
    }
    sections.push(`<h2>Sobol indices</h2><p>${esc(s.sobol.method)}; ${s.sobol.samples} base samples, ${s.sobol.evaluations} design points. First-order: the share of the output's variance due to the input alone; total: including its interactions.</p><div class="row">${parts.join('')}</div>`);
    const rows = Object.entries(s.sobol.indices)
      .map(([k, ix]) => `<tr><td>${esc(k)}</td><td>${ix ? Object.keys(ix.first).map((p) => `${esc(p)}: ${esc(fmt(ix.first[p]))} (${esc(fmt(ix.firstInterval[p].lo))}–${esc(fmt(ix.firstInterval[p].hi))}) / ${esc(fmt(ix.total[p]))} (${esc(fmt(ix.totalInterval[p].lo))}–${esc(fmt(ix.totalInterval[p].hi))})`).join('<br>') : 'does not vary'}</td></tr>`)
      .join('');
    sections.push(`<h3>Every headline number: first-order / total (90 % interval)</h3><table><thead><tr><th>number</th><th>indices</th></tr></thead><tbody>${rows}</tbody></table>`);
  }
  // Table: every headline number per variant (at most 40 variants shown).
  const shown = s.variants.slice(0, 40);
  const keys = Object.keys(s.variants[0]?.headline ?? {});
  const head = shown.map((v) => `<th>${esc(variantLabel(s, v))}</th>`).join('');
  const body = keys
    .map((k) => `<tr><td>${esc(k)}</td>${shown.map((v) => { const x = v.headline[k]; return `<td>${x ? `${esc(fmt(x.median))}${s.seeds.length > 1 ? ` <span class="s">(90 %: ${esc(fmt(x.lo))}–${esc(fmt(x.hi))})</span>` : ''}` : '–'}</td>`; }).join('')}</tr>`)
    .join('');
  sections.push(`<h2>Every headline number</h2><p>Median over seeds${s.seeds.length > 1 ? ' (90 % interval)' : ''}${s.variants.length > 40 ? `; the first 40 of ${s.variants.length} variants (all are in summary.json and runs.csv)` : ''}.</p><div style="overflow-x:auto"><table><thead><tr><th>number</th>${head}</tr></thead><tbody>${body}</tbody></table></div>`);
  const params = s.parameters.map((p) => `<tr><td>${esc(p.key)}</td><td>${esc(p.path)}</td><td>${esc(fmt(p.low))}</td><td>${esc(fmt(p.central))}</td><td>${esc(fmt(p.high))}</td><td>${esc(p.values.map(fmt).join(', '))}</td></tr>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(s.name)} — sightline sweep</title>
<style>
${HTML_STYLE}.s{color:#6b7280}</style>
</head>
<body>
<header><h1>${esc(s.name)}: sweep</h1><p>${esc(s.design)} design · ${s.variants.length} variant(s) × ${s.seeds.length} seed(s) = ${s.numRuns} runs · sightline ${esc(s.libraryVersion)} · sweep ${esc(s.sweepHash.slice(0, 12))}</p></header>
<main>
<h2>Inputs varied</h2>
${s.parameters.length ? `<table><thead><tr><th>input</th><th>scenario path</th><th>low</th><th>central</th><th>high</th><th>values (grid)</th></tr></thead><tbody>${params}</tbody></table>` : '<p>None: the scenario over seeds only.</p>'}
<p>Seeds: ${esc(s.seeds.map(String).join(', '))}.</p>
${sections.join('\n')}
<div id="errors"></div>
<footer>Made by sightline ${esc(s.libraryVersion)}. runs.csv has one row per run; summary.json these figures.</footer>
</main>
${chartScript(specs)}
</body>
</html>
`;
}
