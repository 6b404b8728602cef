/**
 * The built package, seen the way a user sees it: what `npm pack` ships, and
 * the public contract imported from an ESM and from a CommonJS consumer (at
 * run time and through the type declarations).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Closed form: one sector of radius 40 m and opening 60°, wholly inside the bounds. */
const EXPECTED_AREA = (Math.PI * 40 * 40 * 60) / 360; // 837.7580409572781 m²
const BOUNDS_AREA = 1000 * 1000;

const CONTRACT_BODY = `
const cameras = createCameraSet([{ x: 10, y: 20, heading: 90, fov: 60, range: 40 }]);
const r = computeCoverage(cameras, { bounds: [0, 0, 1000, 1000] });
console.log(JSON.stringify({ coveredArea: r.coveredArea, coveredFraction: r.coveredFraction, atLeast: Array.from(r.atLeast) }));
`;

interface ContractOutput {
  coveredArea: number;
  coveredFraction: number;
  atLeast: number[];
}

let work = '';
/** The package's subpath entries besides the root (package.json "exports"). */
const SUBPATHS = ['geo', 'network', 'retention', 'mobility', 'exposure', 'planning', 'sweep'];

function run(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', timeout: 180_000, stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(() => {
  // On a fresh clone CI builds before testing; locally dist may be missing.
  if (!existsSync(join(root, 'dist/index.js')) || !existsSync(join(root, 'dist/index.cjs'))) {
    run(npm, ['run', 'build'], root);
  }
  work = mkdtempSync(join(tmpdir(), 'sightline-consumer-'));
  mkdirSync(join(work, 'node_modules'));
  // node_modules/sightline -> the repository: resolved through package.json
  // "exports" exactly as an installed copy would be; its own dependencies
  // resolve from the repository's node_modules (Node follows the symlink).
  symlinkSync(root, join(work, 'node_modules/sightline'), 'dir');
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  writeFileSync(join(work, 'consumer.mjs'), `import { createCameraSet, computeCoverage } from 'sightline';\n${CONTRACT_BODY}`);
  writeFileSync(join(work, 'consumer.cjs'), `const { createCameraSet, computeCoverage } = require('sightline');\n${CONTRACT_BODY}`);
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

function expectContract(out: string): void {
  const lines = out.trim().split('\n');
  const r = JSON.parse(lines[lines.length - 1]) as ContractOutput;
  expect(Math.abs(r.coveredArea - 837.758041)).toBeLessThan(1e-6);
  expect(Math.abs(r.coveredArea - EXPECTED_AREA)).toBeLessThan(1e-6);
  expect(Math.abs(r.coveredFraction - EXPECTED_AREA / BOUNDS_AREA)).toBeLessThan(1e-12);
  expect(r.atLeast[0]).toBe(1);
  expect(Math.abs(r.atLeast[1] - r.coveredFraction)).toBeLessThan(1e-12);
  // One camera: nothing is covered twice.
  if (r.atLeast.length > 2) expect(r.atLeast[2]).toBe(0);
}

describe('the published package', () => {
  it('ships only dist/**, package.json, README.md and LICENSE', () => {
    const out = run(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], root);
    const packed = JSON.parse(out) as Array<{ files: Array<{ path: string }> }>;
    const paths = packed[0].files.map((f) => f.path);
    const stray = paths.filter((p) => !(p.startsWith('dist/') || p === 'package.json' || p === 'README.md' || p === 'LICENSE'));
    expect(stray).toEqual([]);
    for (const required of ['package.json', 'README.md', 'LICENSE', 'dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts']) {
      expect(paths).toContain(required);
    }
    expect(paths.some((p) => p.startsWith('src/') || p.startsWith('tests/') || p.startsWith('benchmarks/'))).toBe(false);
  });

  it('has type declarations for both module systems, listed first in every exports condition', () => {
    expect(existsSync(join(root, 'dist/index.d.ts'))).toBe(true);
    expect(existsSync(join(root, 'dist/index.d.cts'))).toBe(true);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      exports: Record<string, unknown>;
      sideEffects: unknown;
      files: unknown;
    };
    const dot = pkg.exports['.'] as Record<string, Record<string, string>>;
    expect(Object.keys(dot)).toEqual(expect.arrayContaining(['import', 'require']));
    expect(Object.keys(dot.import)[0]).toBe('types');
    expect(dot.import.types).toBe('./dist/index.d.ts');
    expect(Object.keys(dot.require)[0]).toBe('types');
    expect(dot.require.types).toBe('./dist/index.d.cts');
    expect(pkg.sideEffects).toBe(false);
    // dist/ without its source maps (built for development only).
    expect(pkg.files).toEqual(['dist', '!dist/**/*.map']);
  });

  it('runs the public contract from an ESM consumer and prints the closed-form sector area', () => {
    expectContract(run(process.execPath, ['consumer.mjs'], work));
  });

  it('runs the public contract from a CommonJS consumer and prints the closed-form sector area', () => {
    expectContract(run(process.execPath, ['consumer.cjs'], work));
  });

  it('declares each subpath entry (sightline/geo, /network, /retention, /mobility, /exposure, /planning, /sweep) with types first, for ESM and CommonJS', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, Record<string, Record<string, string>>> };
    for (const name of SUBPATHS) {
      const entry = pkg.exports[`./${name}`];
      expect(entry.import).toEqual({ types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` });
      expect(entry.require).toEqual({ types: `./dist/${name}.d.cts`, default: `./dist/${name}.cjs` });
      for (const file of Object.values(entry.import).concat(Object.values(entry.require))) expect(existsSync(join(root, file)), file).toBe(true);
    }
  });

  it('loads the subpaths from ESM and CommonJS, sharing one copy of the library with the root (one error class)', () => {
    // sampleOutageScenario (sightline/network) on a bad input throws the root's InvalidInputError:
    // the entries share their modules instead of bundling a copy each.
    const body = (load: string) => `${load}
const out = { geo: typeof geo.sectorFrame, network: typeof network.sampleOutageScenario, retention: typeof retention.personChannelDays, mobility: typeof mobility.shortestPath, exposure: typeof exposure.validateRecognition, planning: typeof planning.optimisePlacement, sweep: typeof sweep.sobolIndices, sameClass: false };
try { network.sampleOutageScenario(null, {}); } catch (e) { out.sameClass = e instanceof root.InvalidInputError; }
console.log(JSON.stringify(out));
`;
    writeFileSync(join(work, 'subpaths.mjs'), body(`import * as root from 'sightline';\n${SUBPATHS.map((n) => `import * as ${n} from 'sightline/${n}';`).join('\n')}`));
    writeFileSync(join(work, 'subpaths.cjs'), body(`const root = require('sightline');\n${SUBPATHS.map((n) => `const ${n} = require('sightline/${n}');`).join('\n')}`));
    for (const file of ['subpaths.mjs', 'subpaths.cjs']) {
      const lines = run(process.execPath, [file], work).trim().split('\n');
      expect(JSON.parse(lines[lines.length - 1]), file).toEqual({ geo: 'function', network: 'function', retention: 'function', mobility: 'function', exposure: 'function', planning: 'function', sweep: 'function', sameClass: true });
    }
  });

  it('type-checks an ESM and a CommonJS TypeScript consumer against the shipped declarations', () => {
    const body = `
const cameras = createCameraSet([{ x: 10, y: 20, heading: 90, fov: 60, range: 40 }]);
const r = computeCoverage(cameras, { bounds: [0, 0, 1000, 1000] });
const area: number = r.coveredArea;
const fraction: number = r.coveredFraction;
const k0: number = r.atLeast[0];
export { area, fraction, k0 };
`;
    const subpathBody = `\nconst arcs: Uint32Array = shortestPath.length >= 0 ? new Uint32Array(0) : new Uint32Array(1);\nexport { arcs };\n`;
    writeFileSync(join(work, 'typed-esm.mts'), `import { createCameraSet, computeCoverage } from 'sightline';\nimport { shortestPath } from 'sightline/mobility';\n${body}${subpathBody}`);
    writeFileSync(join(work, 'typed-cjs.cts'), `import { createCameraSet, computeCoverage } from 'sightline';\nimport { shortestPath } from 'sightline/mobility';\n${body}${subpathBody}`);
    writeFileSync(
      join(work, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, types: [] },
        files: ['typed-esm.mts', 'typed-cjs.cts'],
      }),
    );
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    // tsc prints its diagnostics on stdout and exits non-zero on any error.
    let output = '';
    let ok = true;
    try {
      output = run(process.execPath, [tsc, '-p', 'tsconfig.json'], work);
    } catch (e) {
      ok = false;
      output = String((e as { stdout?: string }).stdout ?? e);
    }
    expect(output.trim()).toBe('');
    expect(ok).toBe(true);
  });
});
