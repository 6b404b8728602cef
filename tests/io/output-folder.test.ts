/**
 * Issue 18, defect 7 (the output folder as a unit) and defect 11 (byte-identical
 * outputs), in process: what writeScenarioOutputs leaves in the folder and
 * beside it, over an earlier run, over the user's own files, and after the
 * leftovers of a killed write (simulated here; tests/cli/fault-injection.test.ts
 * kills real runs).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenarioDetailed, writeScenarioOutputs, InvalidInputError, TEMP_PREFIX, type ScenarioRun } from '../../src/index.js';
import { MANIFEST_FILE } from '../../src/io/index.js';
import { snapshot, leftovers } from '../cli/helpers.js';
import { outputFolderProblem, outputFileProblem, recoverOutputFolder, STAGING_PREFIX, OLD_PREFIX } from '../../src/io/internal.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'sightline-folder-'));
/** The pid of a process that has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

let big: ScenarioRun;
let small: ScenarioRun;
let bigAgain: ScenarioRun;
beforeAll(async () => {
  const scenario = (seed: number, extra: object) => ({ seed, city: { preset: 'almaty', blockSize: 1500 }, cameras: [{ from: 'preset', name: 'almaty', numCameras: 30 }], ...extra });
  const full = { network: { from: 'preset' }, residents: { count: 10 }, analyses: { coverage: {}, districts: { streets: false }, raster: { cellSize: 5000 }, network: {}, exposure: {} } };
  big = await runScenarioDetailed(scenario(3, full));
  bigAgain = await runScenarioDetailed(scenario(3, full));
  small = await runScenarioDetailed(scenario(4, { analyses: { coverage: {}, districts: { streets: false } } }));
});

describe('writeScenarioOutputs writes the folder as a unit', () => {
  it('gives byte-identical folders for the same scenario and seed: results.json has no timings, manifest.json lists every file with its hash (defect 11)', () => {
    const a = join(tmp(), 'a');
    const b = join(tmp(), 'b');
    writeScenarioOutputs(big, a);
    writeScenarioOutputs(bigAgain, b);
    expect(big.result.timings.totalMs).not.toBe(bigAgain.result.timings.totalMs);
    expect(snapshot(a)).toEqual(snapshot(b));
    const results = JSON.parse(readFileSync(join(a, 'results.json'), 'utf8'));
    expect(results.timings).toBeUndefined();
    const { timings: _t, ...rest } = big.result;
    expect(results).toEqual(JSON.parse(JSON.stringify(rest)));
    const manifest = JSON.parse(readFileSync(join(a, MANIFEST_FILE), 'utf8'));
    expect(manifest.format).toBe('sightline-outputs');
    const snap = snapshot(a);
    expect(manifest.files.map((f: { name: string }) => f.name).sort()).toEqual(Object.keys(snap).filter((n) => n !== MANIFEST_FILE).sort());
    for (const f of manifest.files) expect(f.sha256).toBe(snap[f.name]);
  });

  it('drops the files of a bigger earlier run that a smaller run does not write, and leaves nothing beside the folder (defect 7)', () => {
    const parent = tmp();
    const dir = join(parent, 'out');
    writeScenarioOutputs(big, dir);
    expect(readdirSync(dir)).toEqual(expect.arrayContaining(['network.geojson', 'exposure.csv', 'coverage-grid.geojson']));
    writeScenarioOutputs(small, dir);
    expect(readdirSync(dir).sort()).toEqual(['camera-density.geojson', 'camera-footprints.geojson', 'cameras.geojson', 'districts.geojson', 'manifest.json', 'report.html', 'results.json']);
    expect(leftovers(parent)).toEqual([]);
  });

  it("keeps the user's own files (by the previous manifest) and drops old temp files (defect 7)", () => {
    const parent = tmp();
    const dir = join(parent, 'out');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    writeFileSync(join(dir, `${TEMP_PREFIX}results.json-4194000-1`), '{"half');
    writeScenarioOutputs(big, dir);
    writeScenarioOutputs(small, dir);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(readdirSync(dir)).not.toContain('network.geojson');
    // The user's file is not listed as one of the run's.
    expect(JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')).files.map((f: { name: string }) => f.name)).not.toContain('notes.txt');
  });

  it('refuses a folder that holds folders of the user (it cannot be swapped as a unit), before writing anything', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'x'), 'x');
    expect(() => writeScenarioOutputs(small, dir)).toThrow(InvalidInputError);
    expect(() => writeScenarioOutputs(small, dir)).toThrow(/holds folders sightline did not write \(data\/\)/);
    expect(readdirSync(dir)).toEqual(['data']);
  });

  it('leaves the folder as it was when aborted while writing: old files, no temp file, nothing beside it', () => {
    const parent = tmp();
    const dir = join(parent, 'out');
    writeScenarioOutputs(small, dir);
    const before = snapshot(dir);
    const ac = new AbortController();
    expect(() => writeScenarioOutputs(big, dir, { signal: ac.signal, onFile: (name) => name === 'districts.geojson' && ac.abort() })).toThrow(expect.objectContaining({ name: 'AbortError' }));
    expect(snapshot(dir)).toEqual(before);
    expect(leftovers(parent)).toEqual([]);
  });

  it('repairs what a killed write left: a staging folder is removed, a swap cut between its renames is completed or undone', () => {
    const parent = tmp();
    const dir = join(parent, 'out');
    writeScenarioOutputs(small, dir);
    const old = snapshot(dir);
    const pid = deadPid();
    // Killed while staging: the folder is the old one; the staging folder goes.
    const staging = join(parent, `${STAGING_PREFIX}${pid}-0badc0de-out`);
    mkdirSync(staging);
    writeFileSync(join(staging, 'cameras.geojson'), '{"type":"Feat');
    expect(recoverOutputFolder(dir)).toEqual([`${STAGING_PREFIX}${pid}-0badc0de-out`]);
    expect(snapshot(dir)).toEqual(old);
    expect(leftovers(parent)).toEqual([]);

    // Killed between "out → old" and "staging → out", with the staging folder complete: rolled forward.
    const other = join(parent, 'other');
    writeScenarioOutputs(big, other);
    const next = snapshot(other);
    renameSync(dir, join(parent, `${OLD_PREFIX}${pid}-00000001-out`));
    renameSync(other, join(parent, `${STAGING_PREFIX}${pid}-00000001-out`));
    recoverOutputFolder(dir);
    expect(snapshot(dir)).toEqual(next);
    expect(leftovers(parent)).toEqual([]);

    // The same cut with no staging folder left: rolled back.
    renameSync(dir, join(parent, `${OLD_PREFIX}${pid}-00000002-out`));
    recoverOutputFolder(dir);
    expect(snapshot(dir)).toEqual(next);
    expect(leftovers(parent)).toEqual([]);
  });

  it("leaves alone the staging folder of a write still running (a live process's), and leftovers of other targets", () => {
    const parent = tmp();
    const live = join(parent, `${STAGING_PREFIX}${process.ppid}-0000000a-out`);
    const otherTarget = join(parent, `${STAGING_PREFIX}${deadPid()}-0000000b-elsewhere`);
    mkdirSync(live);
    mkdirSync(otherTarget);
    recoverOutputFolder(join(parent, 'out'));
    expect(existsSync(live)).toBe(true);
    expect(existsSync(otherTarget)).toBe(true);
  });
});

describe('output paths are checked before any work (defects 8 and 2)', () => {
  it('names what is wrong with a folder: empty, a file, under a file, /proc, the root', () => {
    const dir = tmp();
    const file = join(dir, 'file.txt');
    writeFileSync(file, 'x');
    expect(outputFolderProblem('')).toMatch(/is empty/);
    expect(outputFolderProblem(file)).toBe(`${file} exists and is not a folder`);
    expect(outputFolderProblem(join(file, 'sub', 'out'))).toBe(`${file} is a file, not a folder`);
    expect(outputFolderProblem('/')).toMatch(/root of the file system/);
    expect(outputFolderProblem(join(dir, 'new', 'nested'))).toBeNull();
    expect(existsSync(join(dir, 'new'))).toBe(false);
    expect(readdirSync(dir)).toEqual(['file.txt']);
  });

  it.skipIf(!existsSync('/proc/self'))('fails fast on /proc/x, where a recursive mkdir loops forever', () => {
    const t0 = performance.now();
    expect(outputFolderProblem('/proc/x')).toMatch(/^cannot create files in \/proc \(ENOENT/);
    expect(() => writeScenarioOutputs(small, '/proc/x')).toThrow(/writeScenarioOutputs: dir must be a folder sightline can write: cannot create files in \/proc/);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('names what is wrong with a file: a folder, a name ending in a slash, under a file', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'f'), 'x');
    expect(outputFileProblem(dir)).toBe(`${dir} is a folder (give a file name)`);
    expect(outputFileProblem(`${dir}/x/`)).toMatch(/names a folder/);
    expect(outputFileProblem(join(dir, 'f', 'x.json'))).toBe(`${join(dir, 'f')} is a file, not a folder`);
    expect(outputFileProblem(join(dir, 'f'))).toBeNull();
    expect(outputFileProblem('')).toMatch(/is empty/);
  });

  it.skipIf(process.getuid?.() === 0)('names a folder without write permission (EACCES)', async () => {
    const { chmodSync } = await import('node:fs');
    const dir = tmp();
    chmodSync(dir, 0o555);
    expect(outputFolderProblem(join(dir, 'out'))).toMatch(/cannot create files in .* \(EACCES: permission denied\)/);
    chmodSync(dir, 0o755);
  });
});
