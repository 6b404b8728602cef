/**
 * The `timeline` section of a scenario: camera counts by year, each with
 * what it counts (its series) and its source, run once per year with the
 * scenario's other sections unchanged (see run-timeline.ts).
 *
 * The cameras of a year are the first `cameras` of one seeded ordering of the
 * cameras the `cameras` section builds (the base set, which must hold at least
 * the largest count): a year's cameras are a subset of every later year's with
 * a larger count, so growth is monotone and the years differ only by the
 * cameras added. A row without `cameras` is data only (shown, not run): e.g. a
 * year for which only the Sergek count is known.
 */
import { z } from 'zod';
import { SOURCES, type SourceId } from '../../core/index.js';

const sourceId = z.enum(Object.keys(SOURCES) as [SourceId, ...SourceId[]]);

/**
 * What a count counts. Different series are different quantities (cameras
 * connected to the police operations centre are not the cameras of the unified
 * monitoring system); the report draws each series as its own line and the run
 * warns when a timeline mixes them.
 */
export const TIMELINE_SERIES = ['police-centre-connected', 'unified-system', 'all-cameras', 'other'] as const;

/** One year of the timeline. */
export const timelineYearSchema = z.strictObject({
  year: z.number().int().min(1900).max(2200).describe('The year (unique within the timeline).'),
  label: z.string().min(1).optional().describe('When within the year the count was reported (e.g. "Sep 2025").'),
  cameras: z.number().int().min(1).max(3_000_000).optional().describe("Cameras that year: the run uses this many of the base set's cameras (a prefix of one seeded ordering). Leave out for a data-only row."),
  series: z.enum(TIMELINE_SERIES).optional().describe('What the count counts (required with cameras).'),
  source: sourceId.optional().describe('Bibliography entry (id of SOURCES) the camera count comes from (required with cameras).'),
  liveShare: z.number().min(0).max(1).optional().describe("Share of the year's cameras that stream live (default: each camera keeps the base set's live flag). Live cameras are also a prefix of the ordering, so they nest too."),
  sergekComplexes: z.number().int().min(0).optional().describe('Sergek traffic-enforcement complexes reported that year (data: shown beside the run, not used to choose cameras).'),
  sergekSource: sourceId.optional().describe('Bibliography entry of the Sergek count (required with sergekComplexes).'),
  sergekPlanned: z.boolean().optional().describe('The Sergek count is a plan, not a count (default false).'),
  note: z.string().optional().describe('What the reader should know about the row.'),
});

/** The `timeline` section. */
export const timelineSchema = z
  .strictObject({
    years: z.array(timelineYearSchema).min(1).describe('The years, in any order (run in increasing order).'),
    seed: z.union([z.string(), z.number()]).optional().describe('Seed of the camera ordering (default: derived from the scenario seed).'),
  })
  .superRefine((t, ctx) => {
    const seen = new Set<number>();
    t.years.forEach((y, i) => {
      if (seen.has(y.year)) ctx.addIssue({ code: 'custom', path: ['years', i, 'year'], message: `repeats the year ${y.year}` });
      seen.add(y.year);
      if (y.cameras !== undefined && y.series === undefined) ctx.addIssue({ code: 'custom', path: ['years', i, 'series'], message: 'is required with cameras (what the count counts)' });
      if (y.cameras !== undefined && y.source === undefined) ctx.addIssue({ code: 'custom', path: ['years', i, 'source'], message: 'is required with cameras (where the count comes from)' });
      if (y.cameras === undefined && y.liveShare !== undefined) ctx.addIssue({ code: 'custom', path: ['years', i, 'liveShare'], message: 'needs cameras' });
      if (y.sergekComplexes !== undefined && y.sergekSource === undefined) ctx.addIssue({ code: 'custom', path: ['years', i, 'sergekSource'], message: 'is required with sergekComplexes' });
    });
    if (!t.years.some((y) => y.cameras !== undefined)) ctx.addIssue({ code: 'custom', path: ['years'], message: 'needs at least one year with cameras' });
  })
  .describe('Camera counts by year, each with its series and source: the scenario runs once per year with that many cameras.');

/** The timeline part's top-level keys (spread into the root schema). */
export const timelineSections = {
  timeline: timelineSchema.optional(),
  timelineYear: z.number().int().optional().describe('Run the scenario as of this year of the timeline only (set by the timeline runner for each year; a user may set it to run one year).'),
};
