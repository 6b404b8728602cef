/**
 * The model sections of a scenario: `city` (a preset, `almaty` or `astana`,
 * with overrides, or a city assembled from imported files) and `cameras`
 * (one or more sources, concatenated in order). Each camera source names
 * where its cameras come from with `from`: `preset`, a placement strategy
 * (`intersections`, `streets`, `uniform`, `population`, `facades`), `osm` (a
 * GeoJSON file of `man_made=surveillance` nodes) or `list`.
 */
import { z } from 'zod';

/** Street classes, as in src/city/city.ts. */
const streetClass = z.enum(['arterial', 'collector', 'local', 'footway']);

/** Districts: a count, names, for an equal-area split of the boundary. */
const districts = z.union([z.number().int().min(1).max(1000), z.array(z.string().min(1)).min(1)]);

/**
 * A preset city with overrides of the grid generator (see `generateGridCity`).
 * The boundary and projection of a preset cannot be overridden.
 */
export const presetCitySchema = z
  .strictObject({
    preset: z.enum(['almaty', 'astana']).describe('Which preset city (Almaty: real OSM boundary; Astana: synthetic geometry).'),
    seed: z.union([z.string(), z.number()]).optional().describe('Seed of the city (default: the scenario seed).'),
    blockSize: z.number().positive().optional().describe('Block size, metres (default 150).'),
    rotation: z.number().optional().describe('Grid rotation, degrees clockwise (default 0).'),
    arterialSpacing: z.number().int().min(1).optional(),
    collectorSpacing: z.number().int().min(1).optional(),
    streetWidths: z.strictObject({ arterial: z.number().positive().optional(), collector: z.number().positive().optional(), local: z.number().positive().optional(), footway: z.number().positive().optional() }).optional(),
    jitter: z.number().min(0).optional(),
    buildings: z.boolean().optional().describe('One building per block (default true).'),
    buildingSetback: z.number().min(0).optional(),
    buildingHeight: z.number().positive().optional(),
    population: z.number().min(0).optional().describe('Residents (default: the preset figure).'),
    densityDecay: z.number().positive().optional().describe("Clark's law length scale, metres."),
    populationCellSize: z.number().positive().optional(),
    districts: districts.optional().describe("A count or names (default: the city's real district names)."),
  })
  .describe('A preset city with overrides of generateGridCity.');

/** A city assembled from files (paths relative to the scenario file). */
export const importedCitySchema = z
  .strictObject({
    name: z.string().min(1).optional().describe('City name (default "imported city").'),
    import: z
      .strictObject({
        boundary: z.string().min(1).optional().describe('GeoJSON Polygon/MultiPolygon (lon/lat) of the study area; default the streets’ bounding box.'),
        streets: z.string().min(1).optional().describe('Streets: GeoJSON LineStrings with OSM highway tags, or OSM XML (.osm).'),
        buildings: z.string().min(1).optional().describe('Buildings: GeoJSON polygons (lon/lat).'),
      })
      .refine((v) => v.boundary !== undefined || v.streets !== undefined, { message: 'must name at least a boundary or a streets file' }),
    districts: districts.optional().describe('A count or names for an equal-area split (default: one district, the whole city).'),
    population: z.number().min(0).optional().describe('Residents, spread uniformly (default 3,000 per km², an assumption).'),
    includeFootways: z.boolean().optional(),
    source: z.string().optional().describe('Where the files come from, for the provenance.'),
    licence: z.string().optional().describe('Licence of the files, e.g. "ODbL-1.0 (© OpenStreetMap contributors)".'),
  })
  .describe('A city imported from files.');

/** The `city` section. */
export const citySchema = z.union([presetCitySchema, importedCitySchema]);

const seed = z.union([z.string(), z.number()]);
/**
 * At most 3,000,000 cameras per source: about 3.4 GB by the command's memory
 * estimate (src/cli/resource-guard.ts: 1.1 kB a camera and 0.3 GB of base),
 * what the default 4 GB heap of a 16 GB laptop holds (and hours of work);
 * sources add up, and the command's guard checks the total. The library's
 * MAX_CAMERAS (50,000,000) is the ceiling of the typed columns, not of a run.
 */
const numCameras = z.number().int().min(0).max(3_000_000);
/** `count`: the name `numCameras` had until this release; still read, with a deprecation warning. */
const deprecatedCount = numCameras.optional().describe('Deprecated: the old name of numCameras (accepted for one release).');
/** Refinement: not both `numCameras` and its deprecated name `count`. */
const notBothCounts = (v: { numCameras?: number; count?: number }): boolean => v.numCameras === undefined || v.count === undefined;
const notBothCountsIssue = { message: 'is the deprecated name of numCameras: give only numCameras', path: ['count'] };

/** Camera attributes every placement strategy accepts (see CameraAttributeOptions). */
const attributes = {
  fov: z.number().gt(0).max(360).optional().describe('Horizontal field of view, degrees (0, 360].'),
  range: z.number().positive().optional().describe('Farthest distance seen, metres (default: the DORI detect distance).'),
  resolutionPx: z.number().positive().optional().describe('Horizontal resolution, pixels (default 1920).'),
  height: z.number().min(0).optional().describe('Mount height, metres (default 5).'),
  tilt: z.number().min(-90).max(90).optional().describe('Degrees below the horizon (default 15).'),
  kind: z.enum(['fixed', 'dome', 'panning', 'ptz']).optional(),
  capabilities: z.array(z.enum(['face', 'plate'])).optional(),
  operator: z.enum(['public', 'private', 'unknown']).optional(),
  live: z.boolean().optional().describe('Streams live to a command node (default false).'),
  seed: seed.optional().describe('Seed of this source (default: derived from the scenario seed and the source index).'),
};

/** What a scenario may change in one group of a preset's cameras (see PresetGroupOverride); a key left out keeps the preset's value. */
const presetGroupOverride = {
  numCameras: numCameras.optional().describe("Cameras in this group (default: the preset's mix, scaled to the source's numCameras)."),
  capabilities: z.array(z.enum(['face', 'plate'])).optional().describe('Analytics the cameras feed: ["face"], ["plate"], both, or [] (default: the group\'s own).'),
  resolutionPx: z.number().positive().optional().describe('Horizontal resolution, pixels (default: PRESET_CAMERA_PROFILES, an assumption).'),
  fov: z.number().gt(0).max(360).optional().describe('Lens: horizontal field of view, degrees (default: PRESET_CAMERA_PROFILES, an assumption).'),
  range: z.union([z.number().positive(), z.enum(['detect', 'observe', 'recognise', 'identify'])]).optional().describe('Range rule: metres, or the DORI level whose distance is the range (default: the detect distance for the resolution and lens).'),
  height: z.number().min(0).optional().describe('Mount height, metres (default: PRESET_CAMERA_PROFILES, an assumption).'),
  liveShare: z.number().min(0).max(1).optional().describe("Share of the group's cameras streaming live, [0, 1] (default: traffic and face 1, street the preset's split, facade and older 0)."),
  operator: z.enum(['public', 'private', 'unknown']).optional().describe('Who operates the cameras (default: facade private, the others public).'),
};
const presetGroups = z
  .strictObject({
    traffic: z.strictObject({ ...presetGroupOverride, units: z.number().int().min(1).optional().describe('Units (intersections) the traffic cameras are spread over (default: scaled with numCameras).') }).optional().describe('Sergek-style traffic / plate-reading units at arterial intersections.'),
    face: z
      .strictObject({
        ...presetGroupOverride,
        kerbOffset: z.number().min(0).max(1000).optional().describe('Metres beyond the carriageway the street-mounted face camera stands (default 1, assumption: MOUNT_ON_STREET_DEFAULTS).'),
        aimDistance: z.number().positive().max(1e6).optional().describe('Metres ahead along the street at which the face camera is aimed at the centreline (default 10, assumption: MOUNT_ON_STREET_DEFAULTS).'),
      })
      .optional()
      .describe('Face-recognition cameras where people live.'),
    street: z.strictObject(presetGroupOverride).optional().describe('Public street cameras (live and record-only).'),
    facade: z.strictObject(presetGroupOverride).optional().describe('Private building and entrance cameras (Almaty).'),
    older: z.strictObject(presetGroupOverride).optional().describe('Older record-only street cameras (Astana with includeOlder).'),
  })
  .describe("Changes per camera group of the preset; nothing given reproduces the preset exactly.");

const presetSource = z.strictObject({
  from: z.literal('preset'),
  name: z.enum(['almaty', 'astana']),
  numCameras: numCameras.optional().describe("Total cameras (the preset's mix scaled; default the full count)."),
  count: deprecatedCount,
  includeOlder: z.boolean().optional().describe('Astana only: add the ~6,000 older cameras.'),
  groups: presetGroups.optional(),
}).refine(notBothCounts, notBothCountsIssue);

const intersectionsSource = z.strictObject({
  from: z.literal('intersections'),
  numCameras: numCameras.optional().describe('Exact total (spread over the chosen intersections).'),
  count: deprecatedCount,
  camerasPerIntersection: z.number().int().min(1).optional(),
  maxIntersections: z.number().int().min(1).optional(),
  minDegree: z.number().int().min(1).optional(),
  heading: z.enum(['streets', 'random']).optional(),
  streetClasses: z.array(streetClass).min(1).optional(),
  offset: z.number().min(0).optional(),
  ...attributes,
}).refine(notBothCounts, notBothCountsIssue);

const streetsSource = z.strictObject({
  from: z.literal('streets'),
  numCameras: numCameras.optional().describe('Exact number, evenly spread (overrides spacing).'),
  count: deprecatedCount,
  spacing: z.number().positive().optional().describe('Metres between cameras (default 50).'),
  heading: z.enum(['along', 'across', 'random']).optional(),
  streetClasses: z.array(streetClass).min(1).optional(),
  kerbOffset: z.number().min(0).optional(),
  ...attributes,
}).refine(notBothCounts, notBothCountsIssue);

const scatter = {
  numCameras: numCameras.optional().describe('Number of cameras (required).'),
  count: deprecatedCount,
  heading: z.union([z.literal('random'), z.number()]).optional(),
  avoidBuildings: z.boolean().optional().describe('Move cameras that fall inside a building to 1 m outside the nearest wall, facing away from it (default true; only when the city has buildings).'),
  ...attributes,
};
/** Refinement: exactly one of `numCameras` and its deprecated name `count`. */
const oneCount = (v: { numCameras?: number; count?: number }): boolean => (v.numCameras === undefined) !== (v.count === undefined);
const oneCountIssue = { message: 'must give numCameras (count is its deprecated name; not both)', path: ['numCameras'] };
const uniformSource = z.strictObject({ from: z.literal('uniform'), ...scatter }).refine(oneCount, oneCountIssue);
const populationSource = z.strictObject({ from: z.literal('population'), ...scatter }).refine(oneCount, oneCountIssue);

const facadesSource = z
  .strictObject({
    from: z.literal('facades'),
    numCameras: numCameras.optional().describe('Number of cameras, spread along facing walls (instead of spacing).'),
    count: deprecatedCount,
    spacing: z.number().positive().optional().describe('Metres between cameras along facing walls (instead of numCameras).'),
    facadeOffset: z.number().min(0).optional(),
    maxStreetDistance: z.number().positive().optional(),
    streetClasses: z.array(streetClass).min(1).optional(),
    ...attributes,
  })
  .refine(notBothCounts, notBothCountsIssue)
  .refine((v) => ((v.numCameras ?? v.count) === undefined) !== (v.spacing === undefined), { message: 'must give exactly one of numCameras and spacing', path: ['numCameras'] });

const osmSource = z.strictObject({
  from: z.literal('osm'),
  file: z.string().min(1).describe('GeoJSON of OSM man_made=surveillance features (path relative to the scenario file).'),
  includeIndoor: z.boolean().optional(),
  splitMultiDirection: z.boolean().optional(),
  missingDirection: z.enum(['omnidirectional', 'skip']).optional(),
  fov: z.number().gt(0).lt(360).optional(),
  resolutionPx: z.number().positive().optional(),
  range: z.number().positive().optional(),
  height: z.number().min(0).optional(),
  tilt: z.number().min(-90).max(90).optional(),
});

const listCameraCommon = {
  heading: z.number().describe('Degrees clockwise from north.'),
  fov: z.number().gt(0).max(360),
  range: z.number().positive().optional(),
  height: z.number().min(0).optional(),
  tilt: z.number().min(-90).max(90).optional(),
  resolutionPx: z.number().positive().optional(),
  kind: z.enum(['fixed', 'dome', 'panning', 'ptz']).optional(),
  capabilities: z.array(z.enum(['face', 'plate'])).optional(),
  operator: z.enum(['public', 'private', 'unknown']).optional(),
  live: z.boolean().optional(),
  sourceId: z.string().optional(),
};
/** A camera in local metres (x east, y north). */
const listCameraXY = z.strictObject({ x: z.number(), y: z.number(), ...listCameraCommon });
/** A camera in WGS84 longitude/latitude (needs a city with a projection). */
const listCameraLonLat = z.strictObject({ lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90), ...listCameraCommon });

const listSource = z.strictObject({
  from: z.literal('list'),
  cameras: z.array(z.union([listCameraXY, listCameraLonLat])).describe('Cameras as objects, each with x/y (metres) or lon/lat.'),
});

/** One camera source. */
export const cameraSourceSchema = z.discriminatedUnion('from', [
  presetSource,
  intersectionsSource,
  streetsSource,
  uniformSource,
  populationSource,
  facadesSource,
  osmSource,
  listSource,
]);

/** The `cameras` section: sources concatenated in order. */
export const camerasSchema = z.array(cameraSourceSchema).min(1);
