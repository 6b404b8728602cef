/**
 * The coverage analyses of a scenario's `analyses` section: area and
 * k-coverage per distance level (`coverage`), covered street length per
 * street class (`streetCoverage`), the per-district table (`districts`) and
 * the raster for the map (`raster`).
 */
import { z } from 'zod';
import { lightFields } from '../light.js';
import { FULL_VIEW_COVERAGE_DEFAULTS } from '../../coverage/index.js';

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

/**
 * Coverage by hour of day: area (and street) coverage by day and by night at
 * each level, and which local hours of `date` are day or night.
 */
export const coverageByHourAnalysisSchema = z.strictObject({
  ...lightFields,
  levels: z.array(coverageLevelSchema).min(1).default(['range', 'identify']).describe('Distance levels (default ["range", "identify"]).'),
  occlusion: z.boolean().default(false).describe('Buildings block the view (default false).'),
  streets: z.boolean().default(true).describe('Also the covered share of street length (default true).'),
});

/** Full-view (face-on) coverage (Wang & Cao, INFOCOM 2011) beside plain coverage, at one level. */
export const fullViewAnalysisSchema = z.strictObject({
  level: coverageLevelSchema.default(FULL_VIEW_COVERAGE_DEFAULTS.level as 'identify').describe('Level a face capture needs (default "identify", EN 62676-4).'),
  occlusion: z.boolean().default(false).describe('Buildings block the view (default false).'),
  effectiveAngle: z.number().gt(0).max(180).default(FULL_VIEW_COVERAGE_DEFAULTS.effectiveAngle).describe('Effective angle θ in degrees: a camera sees the face when it lies within θ of the facing direction (default 45, an assumption; plausible 30–60).'),
  samples: z.number().int().min(0).max(10_000_000).default(FULL_VIEW_COVERAGE_DEFAULTS.samples).describe('Sample points for the area share (default 20,000; 0 skips it). Street lengths are exact.'),
  coveredSamples: z.number().int().min(0).max(10_000_000).default(FULL_VIEW_COVERAGE_DEFAULTS.coveredSamples).describe('Points drawn uniformly on the area seen, for the full-view share of it (default 20,000; 0 takes it from the grid points).'),
  streets: z.boolean().default(true).describe('Exact face-on street length, per walking direction (default true).'),
});

/** The coverage part's keys of the `analyses` section (spread into it by the root schema.ts, in this order). */
export const coverageAnalyses = {
  coverage: coverageAnalysisSchema.optional(),
  streetCoverage: streetCoverageAnalysisSchema.optional(),
  districts: districtsAnalysisSchema.optional(),
  raster: rasterAnalysisSchema.optional(),
  coverageByHour: coverageByHourAnalysisSchema.optional().describe('Coverage by hour of day: day and night ranges (infrared), switched at civil dawn and dusk of a date.'),
  fullView: fullViewAnalysisSchema.optional().describe('Full-view (face-on) coverage: shares of area and street length where a face would be seen within the effective angle, whatever the facing direction, and per walking direction along streets.'),
};
