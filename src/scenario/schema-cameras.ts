/**
 * The `cameras` section of a scenario: one or more sources, concatenated in
 * order. Each source names where its cameras come from with `from`:
 * `preset`, a placement strategy (`intersections`, `streets`, `uniform`,
 * `population`, `facades`), `osm` (a GeoJSON file of
 * `man_made=surveillance` nodes) or `list`.
 */
import { z } from 'zod';
import { streetClassSchema } from './schema-city.js';

const seed = z.union([z.string(), z.number()]);
const count = z.number().int().min(0).max(50_000_000);

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

const presetSource = z.strictObject({
  from: z.literal('preset'),
  name: z.enum(['almaty', 'astana']),
  count: count.optional().describe("Total cameras (the preset's mix scaled; default the full count)."),
  includeOlder: z.boolean().optional().describe('Astana only: add the ~6,000 older cameras.'),
});

const intersectionsSource = z.strictObject({
  from: z.literal('intersections'),
  count: count.optional().describe('Exact total (spread over the chosen intersections).'),
  camerasPerIntersection: z.number().int().min(1).optional(),
  maxIntersections: z.number().int().min(1).optional(),
  minDegree: z.number().int().min(1).optional(),
  heading: z.enum(['streets', 'random']).optional(),
  streetClasses: z.array(streetClassSchema).min(1).optional(),
  offset: z.number().min(0).optional(),
  ...attributes,
});

const streetsSource = z.strictObject({
  from: z.literal('streets'),
  count: count.optional().describe('Exact number, evenly spread (overrides spacing).'),
  spacing: z.number().positive().optional().describe('Metres between cameras (default 50).'),
  heading: z.enum(['along', 'across', 'random']).optional(),
  streetClasses: z.array(streetClassSchema).min(1).optional(),
  kerbOffset: z.number().min(0).optional(),
  ...attributes,
});

const scatter = {
  count,
  heading: z.union([z.literal('random'), z.number()]).optional(),
  ...attributes,
};
const uniformSource = z.strictObject({ from: z.literal('uniform'), ...scatter });
const populationSource = z.strictObject({ from: z.literal('population'), ...scatter });

const facadesSource = z
  .strictObject({
    from: z.literal('facades'),
    count: count.optional(),
    spacing: z.number().positive().optional().describe('Metres between cameras along facing walls (instead of count).'),
    facadeOffset: z.number().min(0).optional(),
    maxStreetDistance: z.number().positive().optional(),
    streetClasses: z.array(streetClassSchema).min(1).optional(),
    ...attributes,
  })
  .refine((v) => (v.count === undefined) !== (v.spacing === undefined), { message: 'must give exactly one of count and spacing', path: ['count'] });

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
