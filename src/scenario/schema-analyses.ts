/**
 * The `analyses` section of a scenario, one key per analysis: the coverage
 * analyses, the network analyses (schema-network.ts) and the exposure
 * analysis (schema-exposure.ts). A later layer (retention) adds its keys
 * here, next to its steps in `steps.ts`.
 */
import { z } from 'zod';
import { damageAnalysisSchema, networkMetricsAnalysisSchema, outagesAnalysisSchema, spofAnalysisSchema } from './schema-network.js';
import { exposureAnalysisSchema } from './schema-exposure.js';

/** A DORI level (EN 62676-4) or the camera's own range. */
export const coverageLevelSchema = z.enum(['range', 'detect', 'observe', 'recognise', 'identify']);

/** Exact area coverage and k-coverage inside the city boundary. */
export const coverageAnalysisSchema = z.strictObject({
  levels: z.array(coverageLevelSchema).min(1).default(['range']).describe('Distance levels to compute (default ["range"]).'),
  occlusion: z.boolean().default(false).describe('Buildings block the view (default false).'),
  availability: z.number().min(0).max(1).optional().describe('Probability each camera is up: results become expectations.'),
});

/** Covered share of street length, per street class. */
export const streetCoverageAnalysisSchema = z.strictObject({
  level: coverageLevelSchema.default('range'),
  occlusion: z.boolean().default(false),
});

/** Per-district coverage table (area, streets, density). */
export const districtsAnalysisSchema = z.strictObject({
  level: coverageLevelSchema.default('range'),
  occlusion: z.boolean().default(false),
  streets: z.boolean().default(true).describe('Also covered street length per district (default true).'),
});

/** A coverage raster for the map (cameras seeing each cell centre); not used for headline numbers. */
export const rasterAnalysisSchema = z.strictObject({
  cellSize: z.number().min(10).default(250).describe('Cell side, metres (default 250, at least 10).'),
  level: coverageLevelSchema.default('range'),
});

/** The `analyses` section. Omitted: coverage, districts and raster with their defaults. */
export const analysesSchema = z
  .strictObject({
    coverage: coverageAnalysisSchema.optional(),
    streetCoverage: streetCoverageAnalysisSchema.optional(),
    districts: districtsAnalysisSchema.optional(),
    raster: rasterAnalysisSchema.optional(),
    network: networkMetricsAnalysisSchema.optional().describe('Steady-state network metrics (needs the network section).'),
    spof: spofAnalysisSchema.optional().describe('Single points of failure (needs the network section).'),
    outages: outagesAnalysisSchema.optional().describe('Monte Carlo outage trials, seeded from the scenario (needs the network section).'),
    damage: damageAnalysisSchema.optional().describe('Targeted damage: units and cameras, named or random (needs the network section).'),
    exposure: exposureAnalysisSchema.optional().describe('Exposure: the residents sample (with the residents section), watchlist, unicity, crowds, least-surveilled routes.'),
  })
  .prefault({ coverage: {}, districts: {}, raster: {} });
