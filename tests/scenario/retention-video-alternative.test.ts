/**
 * The unverified 90-day video rule is shown beside a documented alternative
 * (30 days). Check by closed form: video storage is linear in its days, and
 * the other kinds do not change, so (alternative − records) / (main − records)
 * = 30 / 90 exactly.
 */
import { describe, expect, test } from 'vitest';
import { runScenario, scenarioPreset } from '../../src/index.js';

describe('the 90-day video rule beside its 30-day alternative', () => {
  test('storage with video at 30 days is the main figure with its video part scaled by 30 / 90, and the row says the rule is unverified', async () => {
    const r = await runScenario(scenarioPreset('almaty', { numCameras: 20000, numResidents: 1000, outageTrials: 5 }));
    const ret = r.metrics.retention!;
    const alt = ret.videoAlternative!;
    expect(alt).toMatchObject({ videoDays: 30, replacesDays: 90 });
    const s = ret.policy.storage!;
    const records = s.byKind.filter((k) => k.kind !== 'video').reduce((t, k) => t + k.storedTB, 0);
    const video = s.byKind.find((k) => k.kind === 'video')!.storedTB;
    expect(video).toBeGreaterThan(0);
    expect((alt.storedTB - records) / video).toBeCloseTo(30 / 90, 12);
    expect(r.headline.retentionStorageTBVideo30d).toBe(alt.storedTB);
    const row = r.assumptions.find((a) => a.topic === 'Video retention 90 days (unverified)')!;
    expect(row.kind).toBe('assumption');
    expect(row.source).toMatch(/^not verified/);
    expect(row.sources).toEqual(['kazpravda-2026-01-06', 'nypd-das-2009']);
    // The copy rule is stated: only live cameras reach the centre.
    expect(r.assumptions.find((a) => a.topic === 'Which cameras are copied to upper tiers')!.value).toMatch(/only the cameras that stream live/);
  }, 120_000);
});
