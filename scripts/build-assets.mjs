// Builds the browser files of report.html's interactive map into dist/assets
// (run by tsup's onSuccess after the library build, see tsup.config.ts):
//   - leaflet.js, leaflet.css and leaflet.LICENSE.txt, copied from the
//     leaflet devDependency (the page inlines them with the licence);
//   - report-live-page.js: src/io/report-live/page.ts, the map's page script;
//   - report-live-worker.js: src/io/report-live/worker.ts, the Web Worker that
//     runs sightline's own coverage, route-exposure and routing code in the
//     browser.
// Kept separate from any other asset step (e.g. Vega's) so that the two merge.
//
// The worker imports the library's core, which still imports a few Node
// built-ins (node:os for the thread count, node:worker_threads, node:fs,
// node:url, node:v8, node:vm for the parallel engines). The page never
// reaches those code paths (the worker calls everything with threads: 1), so
// the plugin below maps every `node:*` import to an empty module, except
// node:os whose availableParallelism() answers 1. When the core stops
// importing Node built-ins, the plugin can go.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'assets');
mkdirSync(out, { recursive: true });

const require = createRequire(import.meta.url);
const leafletDir = dirname(require.resolve('leaflet/package.json'));
// The attribution control's default prefix links to leafletjs.com. The report's map has no attribution
// control (it credits Leaflet beside the map, with the licence text), and the report holds no web address
// but its sources' links (tests/io/report-browser.test.ts checks), so the link goes; the code is otherwise as shipped.
const leafletJs = readFileSync(join(leafletDir, 'dist', 'leaflet.js'), 'utf8');
const prefixLink = '<a href="https://leafletjs.com" title="A JavaScript library for interactive maps">';
if (!leafletJs.includes(prefixLink)) throw new Error('build-assets: Leaflet\'s attribution prefix changed; update the substitution');
writeFileSync(join(out, 'leaflet.js'), leafletJs.replace(prefixLink, '<a title="A JavaScript library for interactive maps">'));
copyFileSync(join(leafletDir, 'dist', 'leaflet.css'), join(out, 'leaflet.css'));
copyFileSync(join(leafletDir, 'LICENSE'), join(out, 'leaflet.LICENSE.txt'));

/** Maps node:* built-ins to stubs (see above). */
const stubNodeBuiltins = {
  name: 'stub-node-builtins',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) => ({ path: args.path, namespace: 'node-stub' }));
    b.onLoad({ filter: /.*/, namespace: 'node-stub' }, (args) => ({
      contents: args.path === 'node:os' ? 'module.exports = { availableParallelism: () => 1, cpus: () => [{}] };' : 'module.exports = {};',
      loader: 'js',
    }));
  },
};

const common = { bundle: true, minify: true, format: 'iife', platform: 'browser', target: 'es2022', legalComments: 'inline', logLevel: 'warning' };
await build({ ...common, entryPoints: [join(root, 'src/io/report-live/page.ts')], outfile: join(out, 'report-live-page.js') });
await build({ ...common, entryPoints: [join(root, 'src/io/report-live/worker.ts')], outfile: join(out, 'report-live-worker.js'),
  plugins: [stubNodeBuiltins],
  // The parallel engines' worker pools are made at module load with import.meta.url, which an IIFE has not;
  // they resolve it only when asked for threads, which the page never is.
  define: { 'import.meta.url': '"about:blank"' },
});
console.log(`build-assets: wrote ${out}`);
