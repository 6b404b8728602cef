/**
 * The headline's P(identified) split by channel, recomputed by brute force
 * from the run's own trips (grouped by person and day with a Map, per mode
 * 1 − Π (1 − p)), independently of personChannelDays.
 */
import { describe, expect, test } from 'vitest';
import { runScenarioDetailed } from '../../src/scenario/run-scenario.js';
import { scenarioPreset } from '../../src/index.js';

describe('identification by channel', () => {
  test('face and plate P(identified) equal a brute-force recomputation from the trips, and combine to the total per person-day', async () => {
    const run = await runScenarioDetailed(scenarioPreset('almaty', { numCameras: 30000, numResidents: 2000, outageTrials: 5 }));
    const r = run.result;
    const ex = run.exposure!;
    const t = ex.trips;
    const miss = new Map<number, [number, number, number, number]>(); // row -> [face miss, plate miss, walk trips, car trips]
    for (let i = 0; i < t.numTrips; i++) {
      const row = t.person[i] * ex.numDays + t.day[i];
      const m = miss.get(row) ?? [1, 1, 0, 0];
      if (t.mode[i] === 0) {
        m[0] *= 1 - t.pIdentified[i];
        m[2]++;
      } else {
        m[1] *= 1 - t.pIdentified[i];
        m[3]++;
      }
      miss.set(row, m);
    }
    const rows = ex.numResidents * ex.numDays;
    let face = 0, plate = 0, walkOnly = 0, walkOnlyP = 0;
    for (const [row, [fm, pm, w, c]] of miss) {
      face += 1 - fm;
      plate += 1 - pm;
      if (c === 0 && w > 0) {
        walkOnly++;
        walkOnlyP += 1 - fm;
      }
      // Per person-day, the channels are independent trips: P(total) = 1 − P(miss face) · P(miss plate).
      expect(ex.persons.pIdentified[row]).toBeCloseTo(1 - fm * pm, 9);
    }
    expect(r.headline.exposurePIdentifiedFaceMean).toBeCloseTo(face / rows, 12);
    expect(r.headline.exposurePIdentifiedPlateMean).toBeCloseTo(plate / rows, 12);
    expect(r.headline.exposurePIdentifiedWalkOnlyMean).toBeCloseTo(walkOnlyP / walkOnly, 12);
    const ch = r.metrics.exposure!.population!.channels;
    expect(ch.walkOnly.share).toBeCloseTo(walkOnly / rows, 12);
    // The plate channel dominates Almaty's figure, and faces are a minority of identifications.
    expect(ch.plate.pIdentifiedMean).toBeGreaterThan(ch.face.pIdentifiedMean);
    expect(ch.faceShareOfIdentifications).toBeGreaterThan(0);
    expect(ch.faceShareOfIdentifications).toBeLessThan(0.5);
    // False alerts at the Met's operational rate, by hand: P_1 from FPIR = 10 / 3,147,436 at 16,000 entries,
    // then P_N = 1 − (1 − P_1)^N for the scenario's watchlist, times the city's face searches.
    const w = r.metrics.exposure!.population!.watchlist!;
    const p1 = 1 - Math.pow(1 - 10 / 3_147_436, 1 / 16_000);
    expect(w.expectedFalseAtMetRate!).toBeCloseTo(w.citySearchesPerDay * (1 - Math.pow(1 - p1, w.size)), 6);
    expect(r.headline.watchlistFalsePerDayAtMetRate).toBe(w.expectedFalseAtMetRate);
    const rc = r.metrics.exposure!.recognitionCheck;
    expect(rc.observedFalseAlerts).toBe(10);
    expect(rc.withinInterval).toBe(false); // the default model's laboratory rate is far above the Met's record
    expect(r.assumptions.find((a) => a.topic === 'Recognition: laboratory or operational rate')!.sources).toEqual(['met-lfr-2025']);
    // The assumptions table states the plate-read rule.
    expect(r.assumptions.some((a) => a.topic === 'Plate read identifies the traveller' && a.kind === 'assumption')).toBe(true);
  }, 120_000);
});
