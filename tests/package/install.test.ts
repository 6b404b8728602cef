/**
 * The light install: the packed package installed the way a user installs it
 * (`npm install --omit=dev` of the tarball into an empty project, from the
 * registry) stays at most 20 MB on disk, holds no vega or vega-lite (their
 * browser bundles ship in dist/assets/), no source maps and no CommonJS CLI,
 * and still works: `sightline --version`, and a run whose report.html
 * inlines the Vega and Vega-Lite bundles from dist/assets.
 *
 * Needs the npm registry (reachable in CI).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

/** The budget of the production install (node_modules on disk, as `du` counts it). */
const MAX_INSTALL_BYTES = 20 * 1024 * 1024;

let work = '';
let tarball = '';
let tarFiles: string[] = [];

function run(cmd: string, args: string[], cwd: string, timeout = 300_000): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', timeout, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Bytes on disk under `dir` (allocated blocks, as `du` counts them; symbolic links not followed). */
function diskBytes(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    const st = lstatSync(p);
    total += st.blocks * 512;
    if (e.isDirectory()) total += diskBytes(p);
  }
  return total;
}

/** The installed packages: every folder of node_modules (and of nested node_modules) holding a package.json. */
function installedPackages(nm: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(nm)) {
    if (name.startsWith('.')) continue;
    const dirs = name.startsWith('@') ? readdirSync(join(nm, name)).map((n) => `${name}/${n}`) : [name];
    for (const d of dirs) {
      if (!existsSync(join(nm, d, 'package.json'))) continue;
      out.push(d);
      if (existsSync(join(nm, d, 'node_modules'))) out.push(...installedPackages(join(nm, d, 'node_modules')));
    }
  }
  return out;
}

beforeAll(() => {
  // On a fresh clone CI builds before testing; locally dist may be missing.
  if (!existsSync(join(root, 'dist/index.js')) || !existsSync(join(root, 'dist/assets'))) run(npm, ['run', 'build'], root, 600_000);
  work = mkdtempSync(join(tmpdir(), 'sightline-install-'));
  // --ignore-scripts: pack the dist/ that is there (`prepare` would build it again).
  const packed = JSON.parse(run(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', work], root)) as Array<{ filename: string; size: number; unpackedSize: number; files: Array<{ path: string }> }>;
  tarball = join(work, packed[0].filename);
  tarFiles = packed[0].files.map((f) => f.path);
  console.log(`tarball: ${(packed[0].size / 1024).toFixed(0)} KB packed, ${(packed[0].unpackedSize / 1024).toFixed(0)} KB unpacked, ${tarFiles.length} files`);
  const project = join(work, 'project');
  execFileSync('mkdir', [project]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'light-install', private: true, type: 'module' }));
  run(npm, ['install', '--omit=dev', '--no-audit', '--no-fund', '--no-package-lock', tarball], project, 600_000);
}, 900_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('ships no source maps, no CommonJS CLI or workers, and the chart bundles with their licences', () => {
    expect(tarFiles.filter((p) => p.endsWith('.map'))).toEqual([]);
    expect(tarFiles).not.toContain('dist/cli.cjs');
    expect(tarFiles.filter((p) => /worker\.cjs$/.test(p))).toEqual([]);
    for (const f of ['dist/cli.js', 'dist/assets/vega.min.js.br', 'dist/assets/vega-lite.min.js.br', 'dist/assets/vega.LICENSE', 'dist/assets/vega-lite.LICENSE', 'dist/platform-node.js', 'dist/platform-node.cjs', 'dist/platform-browser.js']) {
      expect(tarFiles, f).toContain(f);
    }
  });
});

describe('a production install of the packed package', () => {
  const project = () => join(work, 'project');

  it(`takes at most ${MAX_INSTALL_BYTES / 1024 / 1024} MB on disk, without vega or vega-lite`, () => {
    const nm = join(project(), 'node_modules');
    const bytes = diskBytes(nm);
    const packages = installedPackages(nm);
    console.log(`production install: ${(bytes / 1024 / 1024).toFixed(1)} MB on disk, ${packages.length} packages (${packages.join(', ')})`);
    expect(packages).toContain('sightline');
    expect(packages).not.toContain('vega');
    expect(packages).not.toContain('vega-lite');
    expect(bytes).toBeLessThanOrEqual(MAX_INSTALL_BYTES);
  });

  it('runs its command: sightline --version', () => {
    const out = run(join(project(), 'node_modules/.bin/sightline'), ['--version'], project(), 60_000);
    expect(out.trim()).toBe(version);
  });

  it('writes a report that inlines the Vega and Vega-Lite bundles from dist/assets', () => {
    writeFileSync(
      join(project(), 'scenario.json'),
      JSON.stringify({ name: 'Light install', city: { preset: 'almaty', blockSize: 600 }, cameras: [{ from: 'preset', name: 'almaty', numCameras: 200 }], analyses: { coverage: {} } }),
    );
    run(join(project(), 'node_modules/.bin/sightline'), ['run', 'scenario.json', '--out', 'out', '--quiet'], project(), 300_000);
    const html = readFileSync(join(project(), 'out/report.html'), 'utf8');
    // The same bytes as the devDependencies' own builds (a slice from the middle of each, free of `</script`).
    const require = createRequire(import.meta.url);
    for (const [pkg, file] of [['vega', 'vega.min.js'], ['vega-lite', 'vega-lite.min.js']]) {
      const js = readFileSync(join(dirname(require.resolve(pkg)), file), 'utf8');
      const mid = Math.floor(js.length / 2);
      expect(html.includes(js.slice(mid, mid + 4000)), `${file} inlined`).toBe(true);
    }
  });
});
