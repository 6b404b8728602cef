/**
 * The stage cache: a run that restores steps from the cache gives the same
 * result, byte for byte (results.json without timings), as a run from
 * scratch; a change to an input a step reads reruns that step and every step
 * after it.
 */
import { describe, expect, test } from 'vitest';
import { runScenario, scenarioPreset, parseScenario, InvalidInputError } from '../../src/index.js';
import { StageCache, stageInputs } from '../../src/scenario/index.js';
import { RETENTION_PRESETS } from '../../src/retention/index.js';

const base = () => scenarioPreset('almaty', { numCameras: 1500, numResidents: 200, outageTrials: 20 }) as Record<string, any>;
const json = (r: { timings?: unknown }) => {
  const { timings: _t, ...rest } = r;
  return JSON.stringify(rest);
};

/** Almaty's assumed policy written out, with its city video kept `days`. */
function withVideoDays(days: number) {
  const s = base();
  const policy = structuredClone(RETENTION_PRESETS['almaty-assumed']) as any;
  policy.rules.city.video.days = days;
  s.retention = { policy };
  return s;
}

describe('StageCache', () => {
  test('a run restored from the cache equals a run from scratch, for variants of late and early inputs', async () => {
    const variants = [
      withVideoDays(90),
      withVideoDays(7), // retention only
      { ...withVideoDays(7), analyses: { ...withVideoDays(7).analyses, exposure: { ...withVideoDays(7).analyses.exposure, watchlistSize: 1000 } } }, // recognition
      { ...withVideoDays(7), seed: 2 }, // everything
    ];
    const cache = new StageCache();
    const timings: { id: string; cached?: boolean }[][] = [];
    for (const v of variants) {
      const cached = await runScenario(v, { cache });
      const fresh = await runScenario(v);
      expect(json(cached)).toBe(json(fresh));
      timings.push(cached.timings.steps);
    }
    const cachedIds = (i: number) => timings[i].filter((s) => s.cached).map((s) => s.id);
    expect(cachedIds(0)).toEqual([]);
    // Only retention changed: every step before it comes from the cache.
    expect(cachedIds(1)).toEqual(timings[1].map((s) => s.id).filter((id) => id !== 'retention'));
    // The watchlist changed: every step up to the residents' trips is reused; exposure (rescoring) and retention rerun.
    expect(cachedIds(2)).toContain('coverage');
    expect(cachedIds(2)).toContain('trips');
    expect(cachedIds(2)).not.toContain('exposure');
    expect(cachedIds(2)).not.toContain('retention');
    // A new seed changes the city step's inputs: nothing is reused.
    expect(cachedIds(3)).toEqual([]);
    expect(cache.hits).toBeGreaterThan(0);
  }, 240_000);

  test('the inputs of a step are the parts of the scenario it reads', () => {
    const s = parseScenario(withVideoDays(30));
    expect(stageInputs('retention', s)).toEqual([s.retention]);
    expect(JSON.stringify(stageInputs('coverage', s))).not.toContain('retention');
    // A step with no declared list is keyed on the whole scenario.
    expect(stageInputs('no-such-step', s)).toBe(s);
  });

  test('bad options are typed errors', async () => {
    expect(() => new StageCache({ maxEntriesPerStep: 0 })).toThrow(InvalidInputError);
    expect(() => new StageCache({ maxEntries: 2 } as never)).toThrow(/maxEntries/);
    await expect(runScenario(base(), { cache: {} as never })).rejects.toThrow(/options\.cache/);
  });
});

describe('runScenario without bootstrap intervals', () => {
  test('gives the same headline numbers and every interval but the bootstrap ones', async () => {
    const s = base();
    const full = await runScenario(s);
    const quick = await runScenario(s, { bootstrap: false });
    expect(JSON.stringify(quick.headline)).toBe(JSON.stringify(full.headline));
    const boot = Object.entries(full.intervals ?? {}).filter(([, i]) => /bootstrap/.test(i.method)).map(([k]) => k);
    expect(boot).toContain('exposurePIdentifiedMean');
    expect(Object.keys(quick.intervals ?? {}).sort()).toEqual(Object.keys(full.intervals ?? {}).filter((k) => !boot.includes(k)).sort());
    await expect(runScenario(s, { bootstrap: 'no' as never })).rejects.toThrow(/options\.bootstrap/);
  }, 120_000);
});
