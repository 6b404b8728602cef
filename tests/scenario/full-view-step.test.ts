import { describe, expect, it } from 'vitest';
import { runScenarioDetailed, parseScenario } from '../../src/index.js';
import { computeFullViewCoverage } from '../../src/exposure/index.js';
import { COVERAGE_REPORT } from '../../src/scenario/coverage/report.js';

/** A small Almaty-shaped city (600 m blocks) with a few thousand cameras. */
const spec = (fullView: Record<string, unknown> = {}) => ({
  seed: 11,
  city: { preset: 'almaty', blockSize: 600 },
  cameras: [{ from: 'preset', name: 'almaty', numCameras: 3000 }],
  analyses: { streetCoverage: { level: 'identify' }, fullView: { samples: 4000, ...fullView } },
});

describe('the fullView scenario step', () => {
  it('fills metrics.fullView, the headline keys and intervals, and agrees with computeFullViewCoverage called directly', async () => {
    const run = await runScenarioDetailed(spec());
    const r = run.result;
    const fv = r.metrics.fullView!;
    expect(fv.level).toBe('identify');
    expect(fv.effectiveAngle).toBe(45);
    // Plain coverage beside face-on coverage: the street part's seen length is the street coverage at the same level.
    expect(fv.streets!.coveredShare).toBeCloseTo(r.metrics.streetCoverage!.coveredFraction!, 6);
    expect(fv.streets!.fullViewOfCovered).toBeLessThanOrEqual(fv.streets!.walkingOfCovered + 1e-12);
    expect(r.headline.faceOnWalkingOfCovered).toBe(fv.streets!.walkingOfCovered);
    expect(r.headline.fullViewAreaShare).toBe(fv.area!.fullView.share);
    expect(r.intervals!.fullViewAreaShare.lo).toBeLessThanOrEqual(fv.area!.fullView.share);
    expect(r.intervals!.fullViewAreaShare.level).toBe(0.9);
    const direct = computeFullViewCoverage(run.cameras, { city: run.city, samples: 0 });
    expect(fv.streets!.fullViewKm).toBeCloseTo(direct.streets!.fullViewLength / 1000, 9);
    expect(fv.streets!.forwardKm).toBeCloseTo(direct.streets!.forwardLength / 1000, 9);
    expect(r.assumptions.some((a) => a.topic === 'Full-view effective angle')).toBe(true);
    // The report shows the card and the table.
    const cards = COVERAGE_REPORT.cards(r);
    expect(cards.some(([t]) => t.startsWith('Streets seen face-on'))).toBe(true);
    expect(COVERAGE_REPORT.html(r, () => '')).toContain('Face-on (full-view) coverage');
  });

  it('the same seed gives the same numbers; a wider angle never gives less', async () => {
    const a = (await runScenarioDetailed(spec())).result.metrics.fullView!;
    const b = (await runScenarioDetailed(spec())).result.metrics.fullView!;
    expect(a).toEqual(b);
    const wide = (await runScenarioDetailed(spec({ effectiveAngle: 60 }))).result.metrics.fullView!;
    expect(wide.streets!.fullViewKm).toBeGreaterThanOrEqual(a.streets!.fullViewKm);
    expect(wide.streets!.forwardKm).toBeGreaterThanOrEqual(a.streets!.forwardKm);
  });

  it('validates the section: the angle at its JSON path, defaults filled', () => {
    expect(() => parseScenario({ ...spec(), analyses: { fullView: { effectiveAngle: 0 } } })).toThrow(/analyses\.fullView\.effectiveAngle/);
    const p = parseScenario({ ...spec(), analyses: { fullView: {} } });
    expect(p.analyses.fullView).toEqual({ level: 'identify', occlusion: false, effectiveAngle: 45, samples: 20_000, coveredSamples: 20_000, streets: true });
  });
});
