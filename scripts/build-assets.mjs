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
// The worker is bundled from the sources with the `browser` and
// `sightline-source` conditions, so `#platform` resolves to its browser side
// (src/core/platform-browser.ts): no Node built-in reaches the page, and the
// build fails if one does.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
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
/** Writes a script Brotli-compressed (`<file>.br`; src/io/report-map.ts decompresses it): the installed package's size. */
function writeCompressed(file, text) {
  writeFileSync(join(out, `${file}.br`), brotliCompressSync(Buffer.from(text, 'utf8'), { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }));
}
writeCompressed('leaflet.js', leafletJs.replace(prefixLink, '<a title="A JavaScript library for interactive maps">'));
copyFileSync(join(leafletDir, 'dist', 'leaflet.css'), join(out, 'leaflet.css'));
copyFileSync(join(leafletDir, 'LICENSE'), join(out, 'leaflet.LICENSE.txt'));

// The licences of the libraries bundled into dist/ (tsup.config.ts BUNDLED_DEPENDENCIES, and proj4's own
// dependencies wkt-parser and mgrs): the installed package carries their code, so it carries their terms.
const licences = join(root, 'dist', 'licenses');
mkdirSync(licences, { recursive: true });
for (const pkg of ['proj4', 'wkt-parser', 'mgrs', 'simple-statistics', 'flatbuffers', 'seedrandom']) {
  const dir = dirname(require.resolve(`${pkg}/package.json`, { paths: [root, dirname(require.resolve('proj4/package.json'))] }));
  const file = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'license', 'license.md'].map((f) => join(dir, f)).find((f) => existsSync(f));
  // seedrandom ships no licence file: its MIT notice is the opening comment of seedrandom.js.
  const text = file !== undefined ? readFileSync(file, 'utf8') : /^\/\*([\s\S]*?Permission is hereby granted[\s\S]*?)\*\//.exec(readFileSync(join(dir, `${pkg}.js`), 'utf8'))?.[1];
  if (text === undefined) throw new Error(`build-assets: no licence text in ${dir}`);
  writeFileSync(join(licences, `${pkg}.LICENSE`), text);
}

/** Fails the build on any Node built-in: the page's code must be the library's browser build. */
const refuseNodeBuiltins = {
  name: 'refuse-node-builtins',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) => ({ errors: [{ text: `build-assets: ${args.importer} imports ${args.path}, which a browser has not` }] }));
  },
};

const common = { conditions: ['sightline-source'], plugins: [refuseNodeBuiltins], bundle: true, minify: true, format: 'iife', platform: 'browser', target: 'es2022', legalComments: 'inline', logLevel: 'warning' };
/** Bundles one entry to memory and writes it compressed. */
async function bundle(entry, file, extra = {}) {
  const r = await build({ ...common, ...extra, entryPoints: [join(root, entry)], write: false, outfile: join(out, file) });
  writeCompressed(file, r.outputFiles[0].text);
}
await bundle('src/io/report-live/page.ts', 'report-live-page.js');
await bundle('src/io/report-live/worker.ts', 'report-live-worker.js', {
  // The worker pools are made at module load with import.meta.url, which an IIFE has not;
  // in the browser they run single-threaded and never read it.
  define: { 'import.meta.url': '"about:blank"' },
});
console.log(`build-assets: wrote ${out}`);
