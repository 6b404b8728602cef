/**
 * The `city` section of a scenario: a preset (`almaty`, `astana`) with
 * overrides, or a city assembled from imported files.
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

export { streetClass as streetClassSchema };
