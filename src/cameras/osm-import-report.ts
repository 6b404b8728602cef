/**
 * The report of `importOsmCameras` (osm-import.ts): one entry per feature and tag for
 * everything not read as is, the per-feature log that collects them, and the
 * summary counted by tag and action.
 */

/**
 * One thing the importer could not read, or a default it applied, for one
 * feature and tag. Like the city importers' `ImportReportEntry`, with `tag`
 * for the OSM tag and an `action` saying what was done.
 */
export interface CameraImportReportEntry {
  /** Index of the feature in `geojson.features`. */
  index: number;
  /** OSM id (`@id`, else the feature's `id`), e.g. `node/123`, or null. */
  id: string | null;
  /** The tag (or GeoJSON member: `type`, `geometry`) concerned. */
  tag: string;
  /** The value found (undefined when missing). */
  value: unknown;
  /** Why it could not be read as is. */
  reason: string;
  /** What was done: the default applied, how it was read, or `skipped`. */
  action: string;
}

/** One row of the import summary: how many report entries share a tag and an action. */
export interface CameraImportSummaryRow {
  tag: string;
  action: string;
  count: number;
}

/**
 * The report entries of one feature. A skipped feature reports only why it
 * was skipped: the notes gathered before the skip are dropped.
 */
export class FeatureLog {
  /** Notes (defaults applied, values read in a non-obvious way), in the order they were made. */
  readonly notes: CameraImportReportEntry[] = [];
  /** The reason the feature was skipped, or null while it is kept. */
  skipEntry: CameraImportReportEntry | null = null;

  constructor(
    readonly index: number,
    readonly id: string | null,
  ) {}

  /** Records that `tag` (value `value`) was not read as is, and what was done instead. */
  note(tag: string, value: unknown, reason: string, action: string): void {
    this.notes.push({ index: this.index, id: this.id, tag, value, reason, action });
  }

  /** Records that the feature is skipped because of `tag`; returns null so that a reading step can `return log.skip(…)`. */
  skip(tag: string, value: unknown, reason: string): null {
    this.skipEntry = { index: this.index, id: this.id, tag, value, reason, action: 'skipped' };
    return null;
  }

  /** The entries this feature adds to the report: the skip entry alone, or every note. */
  entries(): CameraImportReportEntry[] {
    return this.skipEntry !== null ? [this.skipEntry] : this.notes;
  }
}

/** Counts report entries by tag and action, most frequent first (ties by tag, then action). */
export function summariseImportReport(report: readonly CameraImportReportEntry[]): CameraImportSummaryRow[] {
  const counts = new Map<string, CameraImportSummaryRow>();
  for (const r of report) {
    const key = `${r.tag}\u0000${r.action}`;
    const e = counts.get(key);
    if (e) e.count++;
    else counts.set(key, { tag: r.tag, action: r.action, count: 1 });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag) || a.action.localeCompare(b.action));
}
