/**
 * Writes the Vega and Vega-Lite browser bundles (inlined into report.html),
 * Brotli-compressed (`<file>.br`: 772 KB → about a third; the installed
 * package's size is what this is for), with their licences into
 * dist/assets/, where src/io/html-kit.ts reads them at run time: the installed package then needs neither vega nor vega-lite
 * (devDependencies). Run by tsup's onSuccess (tsup.config.ts); also runnable
 * on its own: `node scripts/copy-chart-assets.mjs`.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

/** The chart bundles: package, file in the folder of its main entry. */
export const CHART_ASSETS = [
  { pkg: 'vega', file: 'vega.min.js' },
  { pkg: 'vega-lite', file: 'vega-lite.min.js' },
];

/** The folder of package `pkg` (its package.json is not always exported): up from its main entry. */
function packageDir(pkg, mainFile) {
  for (let dir = dirname(mainFile); dir !== dirname(dir); dir = dirname(dir)) {
    const pj = join(dir, 'package.json');
    if (existsSync(pj) && JSON.parse(readFileSync(pj, 'utf8')).name === pkg) return dir;
  }
  throw new Error(`copy-chart-assets: no package.json of ${pkg} above ${mainFile}`);
}

/**
 * @param {string} outDir - where to copy (default dist/assets of this repository)
 * @returns {string[]} the files written
 */
export function copyChartAssets(outDir = resolve(dirname(fileURLToPath(import.meta.url)), '../dist/assets')) {
  const require = createRequire(import.meta.url);
  mkdirSync(outDir, { recursive: true });
  const written = [];
  for (const { pkg, file } of CHART_ASSETS) {
    const main = require.resolve(pkg);
    const src = join(dirname(main), file);
    const packed = brotliCompressSync(readFileSync(src), { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } });
    writeFileSync(join(outDir, `${file}.br`), packed);
    const licence = join(packageDir(pkg, main), 'LICENSE');
    copyFileSync(licence, join(outDir, `${pkg}.LICENSE`));
    written.push(join(outDir, `${file}.br`), join(outDir, `${pkg}.LICENSE`));
  }
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) copyChartAssets();
