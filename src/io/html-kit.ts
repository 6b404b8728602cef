/**
 * Shared pieces of the HTML pages (report, comparison): the inlined Vega and
 * Vega-Lite bundles, the page style and the chart-rendering script. Escaping
 * and number formatting live with the report sections
 * (src/scenario/report-kit.ts), which this layer imports.
 */
import { nodeFs, nodeModule, nodePath, nodeUrl, nodeZlib } from '../core/internal.js';

let bundles: { vega: string; vegaLite: string } | null = null;

/**
 * The file names of the Vega and Vega-Lite browser bundles. The build
 * (scripts/copy-assets.mjs, run by tsup) copies them with their licences
 * into `dist/assets/`, so that the installed package needs neither `vega`
 * nor `vega-lite` (both are devDependencies).
 */
const CHART_ASSETS = { vega: { pkg: 'vega', file: 'vega.min.js' }, vegaLite: { pkg: 'vega-lite', file: 'vega-lite.min.js' } } as const;

/**
 * One chart bundle: from `assets/<file>.br` next to this module (the built
 * package: dist/assets), else from its package in node_modules (running from the
 * TypeScript sources, where `vega` and `vega-lite` are installed as
 * devDependencies).
 */
function readChartAsset(pkg: string, file: string): string {
  const built = new URL(`./assets/${file}.br`, import.meta.url);
  if (built.protocol === 'file:') {
    const path = nodeUrl.fileURLToPath(built);
    if (nodeFs.existsSync(path)) return nodeZlib.brotliDecompressSync(nodeFs.readFileSync(path)).toString('utf8');
  }
  const require = nodeModule.createRequire(import.meta.url);
  return nodeFs.readFileSync(nodePath.join(nodePath.dirname(require.resolve(pkg)), file), 'utf8');
}

/** The Vega and Vega-Lite browser bundles (UMD), read once (dist/assets, or node_modules from the sources). */
export function chartBundles(): { vega: string; vegaLite: string } {
  if (bundles === null) {
    bundles = { vega: readChartAsset(CHART_ASSETS.vega.pkg, CHART_ASSETS.vega.file), vegaLite: readChartAsset(CHART_ASSETS.vegaLite.pkg, CHART_ASSETS.vegaLite.file) };
  }
  return bundles;
}

/** Makes text safe inside an inline <script> element. */
export function scriptSafe(js: string): string {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/** JSON for an inline <script>: `<` escaped so no `</script>` can close the element. */
export function jsonSafe(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The pages' CSS. */
export const HTML_STYLE = `body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111827;margin:0;background:#f8fafc}
header{background:#111827;color:#f9fafb;padding:24px 32px}header h1{margin:0 0 4px;font-size:26px}header p{margin:0;color:#d1d5db}
main{max-width:1100px;margin:0 auto;padding:16px 24px 48px}
h2{font-size:19px;margin:32px 0 8px;border-bottom:1px solid #e5e7eb;padding-bottom:4px}h3{font-size:16px;margin:20px 0 6px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(230px,1fr));gap:12px;margin-top:16px}
.warning{background:#fef3c7;border:1px solid #f59e0b;border-radius:8px;padding:8px 12px}.not-computed{color:#92400e}
.card{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:12px 14px}.card .v{font-size:28px;font-weight:650}.card .l{color:#374151;font-weight:600}.card .s{color:#6b7280;font-size:13px}
.row{display:flex;flex-wrap:wrap;gap:16px}.chart{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:8px;box-sizing:border-box;flex:1 1 420px;min-width:0;max-width:100%;overflow-x:auto}
.table-wrap{max-width:100%;overflow-x:auto;margin:8px 0}
table{border-collapse:collapse;width:100%;background:#fff;font-size:13.5px}th,td{border-bottom:1px solid #e5e7eb;padding:5px 8px;text-align:left;vertical-align:top}th{background:#f3f4f6}
td:not(:first-child){font-variant-numeric:tabular-nums}
.tag{border-radius:4px;padding:1px 6px;font-size:12px}.tag.sourced{background:#dcfce7}.tag.assumption{background:#fef3c7}.tag.synthetic{background:#e0e7ff}.tag.real{background:#cffafe}
footer{color:#6b7280;font-size:13px;margin-top:32px}
#errors{color:#b91c1c}
p,li,td,th,.card{overflow-wrap:anywhere}
@media (max-width:600px){header{padding:16px}header h1{font-size:21px}main{padding:12px 12px 32px}.cards{grid-template-columns:1fr}.card .v{font-size:24px}}
ol.sources{font-size:13px;padding-left:24px}ol.sources li{margin:4px 0;overflow-wrap:anywhere}ol.sources .s{color:#4b5563}a.ref{font-size:11px;text-decoration:none}
`;

/**
 * The inline scripts that draw Vega-Lite specifications into the elements
 * whose ids are their keys (SVG renderer). Progress is exposed as
 * `window.sightlineCharts = { total, rendered, failed }`; errors also go to
 * the element `#errors` and the console.
 *
 * @param specs - Vega-Lite specifications by element id
 * @returns HTML: the Vega and Vega-Lite bundles and the rendering script, inlined
 * @example `<body>…${chartScript({ 'chart-k': spec })}</body>`
 */
export function chartScript(specs: Record<string, unknown>): string {
  const { vega, vegaLite } = chartBundles();
  return `<script>${scriptSafe(vega)}</script>
<script>${scriptSafe(vegaLite)}</script>
<script>
(function () {
  var specs = ${jsonSafe(specs)};
  var ids = Object.keys(specs);
  window.sightlineCharts = { total: ids.length, rendered: 0, failed: 0 };
  ids.forEach(function (id) {
    var el = document.getElementById(id);
    try {
      var vg = vegaLite.compile(specs[id]).spec;
      new vega.View(vega.parse(vg), { renderer: 'svg', container: el, hover: true })
        .runAsync()
        .then(function () { window.sightlineCharts.rendered++; })
        .catch(function (e) { window.sightlineCharts.failed++; document.getElementById('errors').textContent += id + ': ' + e.message + ' '; console.error(e); });
    } catch (e) {
      window.sightlineCharts.failed++;
      document.getElementById('errors').textContent += id + ': ' + e.message + ' ';
      console.error(e);
    }
  });
})();
</script>
`;
}
