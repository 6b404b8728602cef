/**
 * The report that importers return beside what they read: one entry per
 * feature (or per problem within a feature) they could not fully read, so
 * that nothing is guessed silently.
 */

/** One problem found while importing a feature. */
export interface ImportReportEntry {
  /** Index of the feature in the input (GeoJSON `features` order, or way order in OSM XML). */
  index: number;
  /** The feature's id when it has one (`id`, `properties['@id']`, `properties.id`, or `way/<id>`), else null. */
  id: string | null;
  /** The field or tag concerned, e.g. `geometry`, `highway`, `width`. */
  field: string;
  /** The value found (as given; undefined when missing). */
  value: unknown;
  /** What was wrong and what the importer did about it. */
  reason: string;
  /**
   * What was done, in one word where the importer says so explicitly:
   * `skipped` (the feature or part was left out) or `closed` (an unclosed
   * ring was closed and kept), … Older entries carry it in `reason` only.
   */
  action?: string;
}

/**
 * Reads a GeoJSON feature's id: `id`, then `properties['@id']`, then `properties.id`.
 *
 * @param feature - anything (never throws)
 * @returns the id as a string, or null
 * @example
 * featureId({ type: 'Feature', properties: { '@id': 'way/1' } }) // 'way/1'
 */
export function featureId(feature: unknown): string | null {
  if (typeof feature !== 'object' || feature === null) return null;
  const f = feature as { id?: unknown; properties?: Record<string, unknown> | null };
  if (typeof f.id === 'string' || typeof f.id === 'number') return String(f.id);
  const p = f.properties;
  if (p && typeof p === 'object') {
    if (typeof p['@id'] === 'string' || typeof p['@id'] === 'number') return String(p['@id']);
    if (typeof p.id === 'string' || typeof p.id === 'number') return String(p.id);
  }
  return null;
}

/**
 * Parses a length tag such as `12`, `12.5 m`, `12m`, `40 ft` or `40'` into
 * metres (OSM's `width` and `height` conventions).
 *
 * @param value - a tag value (string or number)
 * @returns metres, or NaN when the value cannot be read or is not finite (the caller reports it)
 * @example
 * parseLengthTag('40 ft') // 12.192
 */
export function parseLengthTag(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : NaN;
  if (typeof value !== 'string') return NaN;
  const m = /^\s*([0-9]+(?:[.,][0-9]+)?)\s*(m|metres|meters|ft|feet|')?\s*$/i.exec(value);
  if (!m) return NaN;
  const x = Number(m[1].replace(',', '.'));
  const unit = (m[2] ?? 'm').toLowerCase();
  const metres = unit === 'ft' || unit === 'feet' || unit === "'" ? x * 0.3048 : x;
  return Number.isFinite(metres) ? metres : NaN; // 400 digits overflow to Infinity: unreadable, not infinitely long
}

/** A GeoJSON feature read far enough to import: its id, tags and geometry. */
export interface ReadFeature {
  id: string | null;
  tags: Record<string, unknown>;
  geometry: { type?: unknown; coordinates?: unknown };
}

/**
 * Reads the common part of a GeoJSON feature for an importer: checks that it
 * is a Feature with a geometry object, and reports (then returns null) when
 * it is not.
 *
 * @param feature - the raw feature
 * @param index - its index in `features`
 * @param report - where problems are added
 * @returns the id, tags (properties, or `{}`) and geometry, or null when the feature was reported and skipped
 * @example
 * const f = readFeature(fc.features[0], 0, report);
 */
export function readFeature(feature: unknown, index: number, report: ImportReportEntry[]): ReadFeature | null {
  const f = feature as { type?: unknown; geometry?: unknown; properties?: unknown } | null;
  const id = featureId(f);
  if (typeof f !== 'object' || f === null || f.type !== 'Feature') {
    report.push({ index, id, field: 'type', value: f === null || typeof f !== 'object' ? f : f.type, reason: 'not a GeoJSON Feature; skipped' });
    return null;
  }
  const tags = (typeof f.properties === 'object' && f.properties !== null ? f.properties : {}) as Record<string, unknown>;
  const g = f.geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
  if (g === null || g === undefined || typeof g !== 'object') {
    report.push({ index, id, field: 'geometry', value: g, reason: 'feature has no geometry; skipped' });
    return null;
  }
  return { id, tags, geometry: g };
}
