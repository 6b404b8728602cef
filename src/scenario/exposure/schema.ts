/**
 * The `residents`, `trips` and `recognition` sections of a scenario and the
 * `exposure` analysis they feed: a sample of residents makes a day (or more)
 * of trips on the street graph, scored against the cameras' street exposure
 * profile (computePopulationExposure), plus watchlist expectations, crowds,
 * unicity and least-surveilled routes.
 *
 * Only what JSON can express is here: the mobility module's function-valued
 * options become their parametric forms (`walkMidpoint` / `walkSpread` for
 * the logistic walk probability, histograms or normal distributions for
 * times, exponential or power deterrence).
 */
import { z } from 'zod';
import { positionSchema } from '../positions.js';
import { lightFields } from '../light.js';

const probability = z.number().min(0).max(1);
const level = z.enum(['range', 'detect', 'observe', 'recognise', 'identify']);
const shares = z.strictObject({ worker: z.number().min(0), student: z.number().min(0), other: z.number().min(0) });
const perRole = z.strictObject({ worker: probability, student: probability, other: probability });
const deterrence = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('exponential'), scale: z.number().positive().describe('metres') }),
  z.strictObject({ kind: z.literal('power'), exponent: z.number().positive(), minDistance: z.number().positive().optional() }),
]);
const timeDistribution = z.union([
  z.strictObject({ histogram: z.array(z.number().min(0)).min(1), binSeconds: z.number().positive().optional(), offset: z.number().optional() }),
  z.strictObject({ mean: z.number(), sd: z.number().min(0), min: z.number().optional(), max: z.number().optional() }),
]);
const perPurpose = <T extends z.ZodType>(t: T) => z.strictObject({ work: t.optional(), study: t.optional(), errand: t.optional() });

/** `residents`: how many residents are simulated (homes drawn from the population density). */
export const residentsSchema = z.strictObject({
  count: z.number().int().min(1).max(5_000_000).default(10_000).describe('Residents simulated (a sample of the city; default 10,000).'),
});

/** `trips`: the trip planner's JSON-expressible options (see planTrips; every default is an assumption documented there). */
export const tripsSchema = z.strictObject({
  days: z.number().int().min(1).max(366).default(1).describe('Days simulated (default 1).'),
  roleShares: shares.optional().describe('Share of workers, students and others (default 0.45 / 0.2 / 0.35).'),
  errandProbability: perRole.optional().describe('Daily errand chain probability by role (default 0.3 / 0.2 / 0.6).'),
  deterrence: perPurpose(deterrence).optional().describe('Gravity deterrence by purpose (default exponential, 5 / 2.5 / 1.5 km).'),
  walkMidpoint: z.number().positive().optional().describe('Distance (m) at which walking and driving are equally likely (default 1,200).'),
  walkSpread: z.number().positive().optional().describe('Spread (m) of the logistic walk probability (default 300).'),
  departure: perPurpose(timeDistribution).optional().describe('Departure time by purpose, seconds from midnight.'),
  duration: perPurpose(timeDistribution).optional().describe('Activity duration by purpose, seconds.'),
  speeds: z.strictObject({ walk: z.number().positive().optional(), car: z.number().positive().optional() }).optional().describe('m/s (default walk 1.31, car 25 km/h).'),
});

/** `recognition`: a preset name or a user model (see recognitionModel). */
export const recognitionSchema = z.union([
  z.enum(['nist-photo-1n', 'nist-video-noncooperative', 'london-met-lfr']),
  z.strictObject({
    name: z.string().min(1),
    truePositiveRate: probability.describe('1 − FNIR of one frontal, identify-level capture.'),
    falsePositivePerEntry: probability.optional().describe('P_1 (or give fpir and referenceGallerySize).'),
    fpir: probability.optional(),
    referenceGallerySize: z.number().min(1).optional(),
    source: z.string().optional(),
  }),
]);

/** A crowd: an area (polygon) or a march (route with a width), in lon/lat (default) or metres. */
export const crowdSchema = z
  .strictObject({
    name: z.string().min(1),
    coordinates: z.enum(['lonlat', 'metres']).default('lonlat').describe('Units of polygon / route (default lonlat, WGS84).'),
    polygon: z.array(z.tuple([z.number(), z.number()])).min(3).optional().describe('Outer ring of the area.'),
    route: z.array(z.tuple([z.number(), z.number()])).min(2).optional().describe('Polyline of a march.'),
    width: z.number().positive().optional().describe('Width of the march corridor, metres (route only).'),
    numPeople: z.number().positive().describe('People in the crowd.'),
    durationS: z.number().positive().optional().describe('Length of the gathering, seconds.'),
    views: z.number().int().min(1).max(1000).optional().describe('Independent looks per camera (default 1).'),
    gallerySize: z.number().min(1).optional().describe('Watchlist the faces are searched against (adds expected false alerts).'),
    source: z.string().optional().describe('Where the coordinates and numbers come from (shown in the assumptions table).'),
    afterDamage: z.boolean().default(false).describe('Use only the cameras the damage analysis leaves working (needs analyses.damage).'),
    retroactive: z
      .strictObject({
        start: z.number().default(0).describe('When the gathering starts, days on the retention timeline (legal holds use the same days; default 0).'),
        daysAfter: z.array(z.number().min(0)).min(1).describe('Days after the gathering at which the archive is searched.'),
      })
      .optional()
      .describe('Retroactive identification from the archive, days later, under the retention policy and its legal holds (needs the retention section).'),
  })
  .superRefine((c, ctx) => {
    if ((c.polygon === undefined) === (c.route === undefined)) ctx.addIssue({ code: 'custom', path: ['polygon'], message: 'give exactly one of polygon or route' });
    if (c.route !== undefined && c.width === undefined) ctx.addIssue({ code: 'custom', path: ['width'], message: 'is required with a route' });
    if (c.polygon !== undefined && c.width !== undefined) ctx.addIssue({ code: 'custom', path: ['width'], message: 'applies to a route only' });
    if (c.retroactive !== undefined && c.durationS === undefined) ctx.addIssue({ code: 'custom', path: ['durationS'], message: 'is required with retroactive (the legal holds keep a time window)' });
  });

/** A least-surveilled route between two named places. */
export const routeSchema = z.strictObject({
  from: z.string().min(1).describe('A name in exposure.places.'),
  to: z.string().min(1),
  maxDetour: z.number().min(0).optional().describe('Largest detour as a share of the shortest path (default 0.25).'),
  weight: z.number().min(0).optional().describe('Metres of walking one metre under a camera is worth (default 10, assumption).'),
});

/**
 * The `exposure` analysis: the population part runs when the scenario has a
 * `residents` section (trips and recognition have defaults); crowds and
 * routes run without it.
 */
export const exposureAnalysisSchema = z.strictObject({
  occlusion: z.boolean().default(true).describe('Buildings block the view in the street exposure profile (default true).'),
  faceAngle: z.number().gt(0).max(180).optional().describe('Degrees (default 45, assumption).'),
  faceLevel: level.optional(),
  plateLevel: level.optional(),
  plateReadRate: probability.optional(),
  watchlistSize: z.number().min(1).optional().describe('Watchlist size for the expected true and false identifications per day.'),
  sample: z.number().int().min(0).optional().describe('Residents whose sightings are kept for unicity (default: every simulated resident, up to 20,000, so that unicity is measured on the whole simulated crowd; each kept resident takes about 20 kB).'),
  unicity: z
    .strictObject({
      kMax: z.number().int().min(1).max(8).default(8),
      sampleSize: z.number().int().min(1).default(1000).describe('People sampled per k (default 1,000).'),
      crowdSizes: z.array(z.number().int().min(1)).max(20).default([1000, 2000, 5000]).describe('Crowd sizes of the unicity curve at k = 4 (the whole kept crowd is always added).'),
      cellSize: z.number().gt(0).max(100_000).default(1000).describe('Cell side in metres of the coarse (cell × hour) resolution of the curve, for antenna-like points (default 1,000 m, an assumption for urban antenna spacing).'),
    })
    .optional(),
  crowds: z.array(crowdSchema).optional(),
  places: z.record(z.string().min(1), positionSchema).optional().describe('Named points for routes (lon/lat or x/y metres).'),
  routes: z.array(routeSchema).optional(),
  threads: z.union([z.number().int().min(1).max(64), z.literal('auto')]).default('auto').describe('Worker threads (results identical for any value).'),
  afterDamage: z.boolean().default(false).describe("Score the residents' trips against only the cameras the damage analysis leaves working (needs analyses.damage)."),
});

/**
 * Exposure by hour of day: the residents' trips split by the light of their
 * departure hour; trips departing at night are scored against the cameras'
 * night ranges, their faces at the night recognition rate. Needs the
 * residents section and the exposure analysis (whose options it shares).
 */
export const exposureByHourAnalysisSchema = z.strictObject({
  ...lightFields,
  nightFaceFactor: probability.default(0.5).describe('Face true-positive rate at night as a share of the day rate (default 0.5, assumption; plausible 0.2–0.9).'),
  nightPlateFactor: probability.default(1).describe('Plate read rate at night as a share of the day rate (default 1, assumption: infrared flash on retro-reflective plates).'),
});

/** The exposure part's key of the `analyses` section (spread into it by the root schema.ts). */
export const exposureAnalyses = {
  exposure: exposureAnalysisSchema.optional().describe('Exposure: the residents sample (with the residents section), watchlist, unicity, crowds, least-surveilled routes.'),
  exposureByHour: exposureByHourAnalysisSchema.optional().describe('Exposure by hour of day: identifications on trips departing by day and at night (needs residents and analyses.exposure).'),
};
