/**
 * The `network` section of a scenario (the command network the cameras
 * report to) and the network analyses of the `analyses` section.
 *
 * The section names where the network comes from with `from`:
 * - `preset`: the city preset's options (`almatyNetworkOptions` /
 *   `astanaNetworkOptions`; the scenario's preset city by default), with
 *   any builder option as an override;
 * - `hierarchical`: the hierarchical builder's defaults
 *   (`NETWORK_BUILD_DEFAULTS`) with the options given;
 * - `geojson`: a topology file read with `networkFromGeoJSON` (cameras
 *   attach to the nearest node of `attachKinds`).
 */
import { z } from 'zod';
import { NETWORK_BUILD_LIMITS } from '../../network/index.js';
import { SOURCES, type SourceId } from '../../core/index.js';
import { positionSchema } from '../positions.js';
import { uptimeAnalysisSchema } from './uptime.js';

const nodeKind = z.enum(['aggregation', 'district-hub', 'city-centre', 'national']);
const linkKind = z.enum(['fibre', 'lte', 'radio']);
const perLinkKind = (v: z.ZodNumber) => z.strictObject({ fibre: v.optional(), lte: v.optional(), radio: v.optional() });
const probability = z.number().min(0).max(1);

/** The stream model (frame rate, codec, aspect) of the network's bitrates. */
export const streamSchema = z.strictObject({
  fps: z.number().positive().max(240).optional().describe('Frames per second (default 25, assumption).'),
  codec: z.enum(['h264', 'h265']).optional().describe('Codec (default h264).'),
  aspect: z.number().positive().max(4).optional().describe('Height / width (default 9/16).'),
});

/** Options of the hierarchical builder that JSON can express (see HierarchicalNetworkOptions). */
const builderOptions = {
  camerasPerAggregation: z.number().int().min(1).optional().describe('Target cameras per aggregation point (default 100, assumption).'),
  maxCamerasPerAggregation: z.number().int().min(1).optional().describe('Capacity of an aggregation point, cameras (default 150).'),
  numCentres: z.number().int().min(1).max(1000).optional().describe('City command centres (default 1).'),
  centres: z.array(positionSchema).min(1).optional().describe('Explicit centre positions (metres or lon/lat).'),
  hubUplinks: z.number().int().min(1).optional().describe('Each hub links to this many nearest centres (default 1).'),
  national: z.union([positionSchema, z.null()]).optional().describe('National platform position, or null for none (default: next to the first centre; Almaty preset: Astana).'),
  analyticsStreams: z.union([z.number().int().min(0), z.literal('auto')]).optional().describe("Live face-recognition streams at the centres, or 'auto' (sized to demand)."),
  nationalAnalyticsStreams: z.number().int().min(0).optional(),
  aggregationLinkMix: perLinkKind(z.number().min(0).max(NETWORK_BUILD_LIMITS.linkShare)).optional().describe('Share of aggregation uplinks by kind (default fibre 0.8, lte 0.15, radio 0.05).'),
  aggregationUplinkMbps: perLinkKind(z.number().positive()).optional(),
  hubUplinkMbps: z.number().positive().optional(),
  centreUplinkMbps: z.number().positive().optional(),
  baseLatencyMs: perLinkKind(z.number().min(0)).optional(),
  latencyMsPerKm: z.number().min(0).optional(),
  nodeAvailability: z.strictObject({ aggregation: probability.optional(), 'district-hub': probability.optional(), 'city-centre': probability.optional(), national: probability.optional() }).optional(),
  linkAvailability: perLinkKind(probability).optional(),
  aggregationStorageDays: z.number().min(0).optional(),
  centreStorageDays: z.number().min(0).optional(),
  hubStorageTB: z.number().min(0).optional(),
  nationalStorageTB: z.number().min(0).optional(),
  stream: streamSchema.optional(),
  seed: z.union([z.string(), z.number()]).optional().describe('Seed of the builder (default: derived from the scenario seed).'),
};

const presetNetwork = z.strictObject({
  from: z.literal('preset'),
  name: z.enum(['almaty', 'astana']).optional().describe("Whose options: almatyNetworkOptions or astanaNetworkOptions (default: the scenario's preset city)."),
  ...builderOptions,
});

const hierarchicalNetwork = z.strictObject({
  from: z.literal('hierarchical'),
  ...builderOptions,
});

const geojsonNetwork = z.strictObject({
  from: z.literal('geojson'),
  file: z.string().min(1).describe('GeoJSON FeatureCollection of nodes (Points) and links (LineStrings), WGS84; relative to the scenario file.'),
  snapTolerance: z.number().positive().optional().describe('Metres within which a link end snaps to a node (default 1).'),
  attachKinds: z.array(nodeKind).min(1).optional().describe("Node kinds cameras attach to (nearest; default ['aggregation'])."),
  requireTree: z.boolean().optional(),
  stream: streamSchema.optional(),
});

/** The `network` section. */
export const networkSchema = z.discriminatedUnion('from', [presetNetwork, hierarchicalNetwork, geojsonNetwork]);

/** Steady-state metrics: live share, analytics, link load, storage, paths (analyseNetwork). */
export const networkMetricsAnalysisSchema = z.strictObject({
  retentionDays: z.number().min(0).default(30).describe('Days of video each tier keeps for the storage figures (default 30: the video retention reported for the NYPD Domain Awareness System; an assumption for Almaty).'),
  analyticsDemand: z.enum(['face', 'live']).default('face').describe('Which live cameras need an analytics slot (default face).'),
  overloadThreshold: z.number().positive().default(1).describe('A link is overloaded above this utilisation (default 1).'),
});

/** Single points of failure (rankSinglePointsOfFailure; optionally the exact area behind each). */
export const spofAnalysisSchema = z.strictObject({
  top: z.number().int().min(1).max(1000).default(10).describe('Rows kept (default 10).'),
  includeLinks: z.boolean().default(true),
  area: z.boolean().default(false).describe('Also the exact covered area only the cut-off cameras see (about one coverage computation per hierarchy level).'),
});

const pair = z.tuple([z.number(), z.number()]);

/** A target area of the damage: a circle or a polygon, and the share of the units and cameras inside it hit (applyTargetedDamage `areas`). */
export const damageAreaSchema = z
  .strictObject({
    name: z.string().min(1).optional().describe('Label shown in the results (e.g. "Republic Square").'),
    coordinates: z.enum(['lonlat', 'metres']).default('lonlat').describe('Units of circle.centre / polygon (default lonlat, WGS84).'),
    circle: z.strictObject({ centre: pair.describe('[lon, lat] (or [x, y] metres).'), radius: z.number().min(0).describe('Radius, metres.') }).optional().describe('A circle: centre and radius in metres.'),
    polygon: z.array(pair).min(3).optional().describe('Outer ring of the area, [lon, lat] (or [x, y]) points.'),
    unitShare: probability.default(0).describe('Share of the units (nodes of unitKinds) inside that are destroyed, [0, 1] (default 0).'),
    cameraShare: probability.default(0).describe('Share of the cameras inside, not already dark, that are destroyed, [0, 1] (default 0).'),
    source: z.string().optional().describe('Why this area (shown in the assumptions table).'),
    sources: z.array(z.enum(Object.keys(SOURCES) as [SourceId, ...SourceId[]])).optional().describe('Bibliography entries (ids of SOURCES) the area rests on: cited by its assumptions row and listed in the report.'),
  })
  .superRefine((a, ctx) => {
    if ((a.circle === undefined) === (a.polygon === undefined)) ctx.addIssue({ code: 'custom', path: ['circle'], message: 'give exactly one of circle and polygon' });
  });

/** Monte Carlo outages (simulateOutages); the seed comes from the scenario. */
export const outagesAnalysisSchema = z.strictObject({
  trials: z.number().int().min(1).max(1_000_000).default(1000).describe('Trials (default 1,000).'),
  nodeOutages: z.boolean().default(true),
  linkOutages: z.boolean().default(true),
  districtBlackout: z.union([probability, z.record(z.string(), probability)]).default(0).describe('Probability a district loses power in a trial (default 0, assumption).'),
  cameraAvailability: probability.default(1).describe('Probability each camera is up in a trial (default 1, assumption).'),
  areas: z.array(damageAreaSchema).optional().describe('Target areas: in each trial every unit inside is down with probability unitShare (its cameras dark) and every camera inside with probability cameraShare.'),
  confidence: z.number().gt(0).lt(1).default(0.95),
  ci: z.enum(['normal', 'bootstrap']).default('normal'),
});

/** Targeted damage (applyTargetedDamage), with coverage and live share after it. */
export const damageAnalysisSchema = z
  .strictObject({
  units: z.array(z.union([z.string().min(1), z.number().int().min(0)])).optional().describe('Units destroyed by node key or index.'),
  cameras: z.array(z.number().int().min(0)).optional().describe('Cameras destroyed by id.'),
  areas: z.array(damageAreaSchema).optional().describe('Target areas (circle or polygon) and the share of units and cameras hit inside each; hit before the random damage.'),
  randomUnits: z.number().int().min(0).default(0).describe('Further units destroyed at random.'),
  randomCameras: z.number().int().min(0).default(0).describe('Further cameras destroyed at random.'),
  totalUnits: z.number().int().min(0).optional().describe('Instead of randomUnits: random units top the damage up to this many units in all (named + areas + random).'),
  totalCameras: z.number().int().min(0).optional().describe('Instead of randomCameras: random cameras top the cameras destroyed directly up to this many in all.'),
  unitKinds: z.array(nodeKind).min(1).default(['aggregation']).describe("Node kinds that count as units (default ['aggregation'])."),
  darkenUnitCameras: z.boolean().default(true).describe("A destroyed unit's cameras go dark (default true, assumption)."),
  coverage: z.boolean().default(true).describe('Area coverage by the cameras left (range level, buildings as occluders when the city has them).'),
  })
  .superRefine((d, ctx) => {
    if (d.totalUnits !== undefined && d.randomUnits !== 0) ctx.addIssue({ code: 'custom', path: ['totalUnits'], message: 'give totalUnits or randomUnits, not both' });
    if (d.totalCameras !== undefined && d.randomCameras !== 0) ctx.addIssue({ code: 'custom', path: ['totalCameras'], message: 'give totalCameras or randomCameras, not both' });
  });

export { linkKind as linkKindSchema, nodeKind as nodeKindSchema };

/** The network part's keys of the `analyses` section (spread into it by the root schema.ts, in this order). */
export const networkAnalyses = {
  network: networkMetricsAnalysisSchema.optional().describe('Steady-state network metrics (needs the network section).'),
  spof: spofAnalysisSchema.optional().describe('Single points of failure (needs the network section).'),
  outages: outagesAnalysisSchema.optional().describe('Monte Carlo outage trials, seeded from the scenario (needs the network section).'),
  damage: damageAnalysisSchema.optional().describe('Targeted damage: units and cameras, named or random (needs the network section).'),
  uptime: uptimeAnalysisSchema.optional().describe('Outages as a process over days: share of days each district is fully covered, outage lengths (needs the network section).'),
};
