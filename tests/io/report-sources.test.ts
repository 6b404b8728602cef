/**
 * The report's assumptions table links each sourced row to a numbered list of
 * sources (author, title, date, address), so that a reader can check every
 * cited figure from the page alone.
 */
import { describe, expect, test } from 'vitest';
import { buildReportHtml, runScenario, scenarioPreset, SOURCES } from '../../src/index.js';

describe('the report lists its sources', () => {
  test('every cited bibliography entry is listed once with its address, and every row reference points at one', async () => {
    const r = await runScenario(scenarioPreset('almaty-january-2022', { numCameras: 1200 }));
    const html = buildReportHtml(r);
    const cited = [...new Set(r.assumptions.flatMap((a) => a.sources ?? []))];
    expect(cited.length).toBeGreaterThan(3);
    const listed = [...html.matchAll(/<li id="source-([a-z0-9-]+)">/g)].map((m) => m[1]);
    expect([...listed].sort()).toEqual([...cited].sort());
    for (const id of cited) {
      const url = (SOURCES as Record<string, { url?: string }>)[id].url;
      if (url) expect(html).toContain(`href="${url}"`);
    }
    const refs = [...html.matchAll(/href="#source-([a-z0-9-]+)">\[(\d+)\]/g)];
    expect(refs.length).toBeGreaterThanOrEqual(cited.length);
    for (const [, id, n] of refs) expect(listed.indexOf(id) + 1, id).toBe(Number(n));
    expect(html).not.toMatch(/DESIGN\.md/);
  });
});
