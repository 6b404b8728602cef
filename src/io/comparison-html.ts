/**
 * The comparison page: two scenario results side by side, with charts of the
 * deltas (headline numbers, per district). Self-contained like the report.
 */
import { InvalidInputError } from '../core/index.js';
import { type ScenarioComparison } from '../scenario/index.js';
import { esc, VEGA_LITE_SCHEMA } from '../scenario/internal.js';
import { chartScript, HTML_STYLE } from './html-kit.js';

const fmt = (key: string, v: number) => (/Fraction/.test(key) ? `${(100 * v).toFixed(v !== 0 && Math.abs(v) < 0.01 ? 3 : 2)}%` : v.toLocaleString('en-US', { maximumFractionDigits: Math.abs(v) >= 100 ? 0 : 3 }));

/**
 * Builds the comparison page of two results.
 *
 * @param d - from compareScenarios(a, b)
 * @returns the HTML text of one self-contained page
 * @throws {InvalidInputError} when `d` is not a comparison
 * @example writeFileAtomic('comparison.html', buildComparisonHtml(compareScenarios(a, b)));
 */
export function buildComparisonHtml(d: ScenarioComparison): string {
  if (typeof d !== 'object' || d === null || !Array.isArray(d.headline) || !Array.isArray(d.districts)) {
    throw new InvalidInputError('buildComparisonHtml', 'comparison', 'must be a ScenarioComparison (from compareScenarios)', d);
  }
  const schema = VEGA_LITE_SCHEMA;
  const specs: Record<string, unknown> = {};
  const rel = d.headline.filter((x) => x.relative !== null).map((x) => ({ metric: x.key, change: x.relative }));
  if (rel.length > 0) {
    specs['chart-headline'] = {
      $schema: schema,
      title: 'Change of each headline number, B relative to A',
      width: 480,
      height: { step: 18 },
      data: { values: rel },
      mark: { type: 'bar', tooltip: true },
      encoding: {
        y: { field: 'metric', type: 'nominal', title: null, sort: null },
        x: { field: 'change', type: 'quantitative', title: '(B − A) / A', axis: { format: '+%' } },
        color: { condition: { test: 'datum.change < 0', value: '#b91c1c' }, value: '#047857' },
      },
    };
  }
  const districtValues: { district: string; scenario: string; coveredFraction: number }[] = [];
  for (const r of d.districts) {
    const x = r.deltas.find((v) => v.key === 'coveredFraction');
    if (!x) continue;
    districtValues.push({ district: r.name, scenario: `A: ${d.a.name}`, coveredFraction: x.a }, { district: r.name, scenario: `B: ${d.b.name}`, coveredFraction: x.b });
  }
  if (districtValues.length > 0) {
    specs['chart-districts'] = {
      $schema: schema,
      title: 'Share of each district seen, A and B',
      width: 480,
      height: { step: 12 },
      data: { values: districtValues },
      mark: { type: 'bar', tooltip: true },
      encoding: {
        y: { field: 'district', type: 'nominal', title: null },
        yOffset: { field: 'scenario' },
        x: { field: 'coveredFraction', type: 'quantitative', title: 'area seen', axis: { format: '%' } },
        color: { field: 'scenario', type: 'nominal', title: null, legend: { orient: 'bottom', direction: 'vertical' } },
      },
    };
  }
  const rows = d.headline
    .map((x) => `<tr><td>${esc(x.key)}</td><td>${esc(fmt(x.key, x.a))}</td><td>${esc(fmt(x.key, x.b))}</td><td>${esc((x.delta >= 0 ? '+' : '') + fmt(x.key, x.delta))}</td><td>${x.relative === null ? '–' : esc(`${x.relative >= 0 ? '+' : ''}${(100 * x.relative).toFixed(1)}%`)}</td></tr>`)
    .join('');
  const charts = Object.keys(specs).map((id) => `<div class="chart" id="${id}"></div>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(d.a.name)} vs ${esc(d.b.name)} — sightline comparison</title>
<style>
${HTML_STYLE}</style>
</head>
<body>
<header><h1>${esc(d.a.name)} → ${esc(d.b.name)}</h1><p>A: ${esc(d.a.name)} (seed ${esc(d.a.seed)}, sightline ${esc(d.a.libraryVersion)}) · B: ${esc(d.b.name)} (seed ${esc(d.b.seed)}, sightline ${esc(d.b.libraryVersion)})</p></header>
<main>
<h2>What changes</h2>
<div class="row">${charts}</div>
<h2>Headline numbers</h2>
<div class="table-wrap"><table><thead><tr><th>Metric</th><th>A</th><th>B</th><th>B − A</th><th>relative</th></tr></thead><tbody>${rows}</tbody></table></div>
${d.onlyInA.length || d.onlyInB.length ? `<p>Only in A: ${esc(d.onlyInA.join(', ') || 'none')}. Only in B: ${esc(d.onlyInB.join(', ') || 'none')}.</p>` : ''}
<footer><p>Each scenario's assumptions and sources are in its own report.html.</p><div id="errors"></div></footer>
</main>
${chartScript(specs)}
</body>
</html>
`;
}
