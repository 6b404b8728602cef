/**
 * Street import from OpenStreetMap XML (`.osm`, API 0.6 format): nodes and
 * the ways tagged `highway`. A small hand-written tokenizer reads the
 * document; relations and other elements are ignored.
 */
import { InvalidInputError } from '../core/index.js';
import type { ImportReportEntry } from './import-report.js';
import { buildStreets, checkStreetImportOptions, IMPORT_STREETS_DEFAULTS, type RawStreetLine, type StreetImportOptions, type StreetImportResult } from './import-streets.js';
import { checkOptions, optionKeys } from '../core/internal.js';

/** The OSM data licence and attribution, kept with every street graph read from OSM. */
export const OSM_LICENCE = 'ODbL-1.0 (© OpenStreetMap contributors, https://www.openstreetmap.org/copyright)';

/** Defaults of {@link importOsmStreetsXml}. */
export const IMPORT_OSM_STREETS_XML_DEFAULTS = {
  /** Metres: as {@link importStreets} (1 cm, so that only truly coincident vertices merge). */
  snapTolerance: IMPORT_STREETS_DEFAULTS.snapTolerance,
  /** As {@link importStreets}: footways, paths, steps and cycleways are kept unless asked. */
  includeFootways: IMPORT_STREETS_DEFAULTS.includeFootways,
  /** Provenance description when `source` is not given. */
  source: 'streets imported from OpenStreetMap XML',
  /** OSM data are ODbL-licensed; the licence travels with every graph read from them ({@link OSM_LICENCE}). */
  licence: OSM_LICENCE,
} as const;

/** The options importOsmStreetsXml knows (its unknown options are refused). */
const IMPORT_OSM_STREETS_XML_OPTION_KEYS = optionKeys<StreetImportOptions>()(IMPORT_OSM_STREETS_XML_DEFAULTS, ['projection', 'widths']);

/**
 * Imports the streets of an OSM XML document: every `<way>` with a
 * `highway` tag becomes a polyline through its `<nd>` nodes, then edges
 * between consecutive nodes (node keys `node/<id>`, merged when within the
 * snap tolerance). Classes and widths follow {@link importStreets}.
 *
 * A way that refers to nodes missing from the file (common at the edge of an
 * extract) is split into its runs of present nodes, and each missing node is
 * reported; a node with unreadable coordinates is reported and treated as
 * missing. A `<way>` left open when the next `<way>` or `</osm>` begins is
 * reported and skipped. A node id defined more than once keeps its first
 * definition (later ones never move it), and every highway way that refers to
 * it reports it; a way id used more than once keeps the first such `<way>`,
 * and each later one is reported and skipped. Report indices count `<way>` elements in document
 * order; ids are `way/<id>`.
 *
 * A document that is not well-formed at the top level throws instead (nothing
 * in it can be trusted to be complete): no `<osm>` element, an `<osm>`
 * element never closed (a truncated download), a second `<osm>`, or markup
 * the tokenizer cannot read (a cut or broken tag); the error gives the offset
 * and a snippet.
 *
 * @param xml - the document as a string
 * @param options - see {@link StreetImportOptions}; defaults: {@link IMPORT_OSM_STREETS_XML_DEFAULTS}
 * @returns the street graph, projection, report and summary; provenance is OSM with its ODbL licence
 * @throws {InvalidInputError} when `xml` is not a string, is not well-formed at the top level (see
 *   above), or an option is invalid
 * @example
 * const { streets } = importOsmStreetsXml(fs.readFileSync('west-oakland.osm', 'utf8'));
 * streets.size // street segments
 * @remarks O(document length + V) for V way vertices.
 */
export function importOsmStreetsXml(xml: unknown, options: StreetImportOptions = {}): StreetImportResult {
  checkOptions('importOsmStreetsXml', options, IMPORT_OSM_STREETS_XML_OPTION_KEYS);
  const origin = 'importOsmStreetsXml';
  if (typeof xml !== 'string') throw new InvalidInputError(origin, 'xml', 'must be a string holding an OSM XML document', xml);
  checkStreetImportOptions(options, origin);
  if (!/<osm[\s>]/.test(xml)) throw new InvalidInputError(origin, 'xml', 'must be an OSM XML document (no <osm> element found)', xml.slice(0, 60));
  const report: ImportReportEntry[] = [];
  const lon = new Map<string, number>();
  const lat = new Map<string, number>();
  const badNodes = new Map<string, unknown>();
  /** Node ids defined more than once: how many times (the first definition is used). */
  const duplicateNodes = new Map<string, number>();
  interface Way { index: number; id: string; refs: string[]; tags: Record<string, string> }
  const ways: Way[] = [];
  let way: Way | null = null;
  let wayIndex = 0;
  let pos = 0;
  const unterminated = { comment: Infinity, cdata: Infinity };
  let osmOpen = false;
  let osmClosed = false;
  const unclosedWay = (w: Way, where: string) =>
    report.push({ index: w.index, id: w.id, field: 'way', value: `${w.refs.length} nd`, reason: `the <way> element is not closed before ${where}; skipped`, action: 'skipped' });
  // One pass over the document: each '<' starts a token read where it stands
  // (a sticky match, or a search for the end of a comment, processing
  // instruction, CDATA section or declaration); the scan never goes back, so
  // the time is linear in the document's length. (A global regex searching
  // for the next token used to retry an unterminated `<?` from every later
  // position: quadratic, 95 s for 1.1 MB of '<?'.)
  for (;;) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) break;
    const skipped = skipNonElement(xml, lt, unterminated);
    if (skipped > 0) {
      pos = skipped;
      continue;
    }
    ELEMENT_RE.lastIndex = lt;
    const m = ELEMENT_RE.exec(xml);
    // Markup the tokenizer cannot read (a broken or cut tag) would otherwise be skipped silently.
    if (m === null) throw malformed(origin, xml, lt, 'unreadable markup');
    pos = ELEMENT_RE.lastIndex;
    const name = m[2];
    const closing = m[1] === '/';
    const selfClosing = m[4] === '/';
    if (name === 'osm') {
      if (closing) {
        if (!osmOpen) throw malformed(origin, xml, m.index, '</osm> without an opening <osm>');
        osmClosed = true;
        if (way) {
          unclosedWay(way, '</osm>');
          way = null;
        }
      } else {
        if (osmOpen) throw malformed(origin, xml, m.index, 'a second <osm> element');
        osmOpen = true;
        if (selfClosing) osmClosed = true;
      }
      continue;
    }
    if (closing) {
      if (name === 'way' && way) {
        ways.push(way);
        way = null;
      }
      continue;
    }
    if (name === 'way' && way) unclosedWay(way, 'the next <way>');
    if (name === 'node') {
      const a = attributes(m[3]);
      const id = a.id;
      if (id !== undefined && (lon.has(id) || badNodes.has(id))) duplicateNodes.set(id, (duplicateNodes.get(id) ?? 1) + 1);
      else if (id !== undefined) {
        const x = Number(a.lon);
        const y = Number(a.lat);
        if (a.lon !== undefined && a.lat !== undefined && a.lon.trim() !== '' && a.lat.trim() !== '' && x >= -180 && x <= 180 && y >= -90 && y <= 90) {
          lon.set(id, x);
          lat.set(id, y);
        } else {
          badNodes.set(id, { lat: a.lat, lon: a.lon });
        }
      }
    } else if (name === 'way') {
      const a = attributes(m[3]);
      const w: Way = { index: wayIndex++, id: `way/${a.id ?? '?'}`, refs: [], tags: {} };
      if (selfClosing) ways.push(w);
      else way = w;
    } else if (way && name === 'nd') {
      const ref = attributes(m[3]).ref;
      if (ref !== undefined) way.refs.push(ref);
    } else if (way && name === 'tag') {
      const a = attributes(m[3]);
      if (a.k !== undefined) way.tags[a.k] = a.v ?? '';
    }
  }
  if (!osmClosed) throw malformed(origin, xml, xml.length, 'the <osm> element is never closed (a truncated file?)');
  const lines: RawStreetLine[] = [];
  const wayById = new Map<string, number>();
  for (const w of ways) {
    if (w.id !== 'way/?') {
      const first = wayById.get(w.id);
      if (first !== undefined) {
        report.push({ index: w.index, id: w.id, field: 'id', value: w.id, reason: `the way id is also used by the <way> at index ${first}; the first is kept, this one skipped`, action: 'skipped' });
        continue;
      }
      wayById.set(w.id, w.index);
    }
    if (w.tags.highway === undefined) continue;
    const reported = new Set<string>();
    for (const ref of w.refs) {
      const times = duplicateNodes.get(ref);
      if (times === undefined || reported.has(ref)) continue;
      reported.add(ref);
      report.push({ index: w.index, id: w.id, field: 'nd', value: ref, reason: `node ${ref} is defined ${times} times in the file; its first definition is used` });
    }
    let run: number[] = [];
    let ids: string[] = [];
    const flush = () => {
      if (ids.length >= 2) lines.push({ index: w.index, id: w.id, lonLat: run, ids, tags: w.tags });
      run = [];
      ids = [];
    };
    for (const ref of w.refs) {
      const x = lon.get(ref);
      if (x === undefined) {
        const bad = badNodes.get(ref);
        report.push({
          index: w.index,
          id: w.id,
          field: 'nd',
          value: ref,
          reason: bad === undefined ? 'node not in the file; the way is split there' : `node has unreadable coordinates ${JSON.stringify(bad)}; the way is split there`,
        });
        flush();
        continue;
      }
      run.push(x, lat.get(ref) as number);
      ids.push(`node/${ref}`);
    }
    flush();
    if (w.refs.length < 2) report.push({ index: w.index, id: w.id, field: 'nd', value: w.refs.length, reason: 'a way needs at least 2 nodes; skipped' });
  }
  return buildStreets(lines, report, options, origin, IMPORT_OSM_STREETS_XML_DEFAULTS);
}

/** The error for a document that is not well-formed at the top level, with the offset and a snippet. */
function malformed(origin: string, xml: string, at: number, what: string): InvalidInputError {
  const snippet = xml.slice(Math.max(0, at - 20), at + 40);
  return new InvalidInputError(origin, 'xml', `is not well-formed XML: ${what} at offset ${at} of ${xml.length} (near the snippet shown)`, snippet);
}

/** An element's start or end tag, matched where it stands (sticky). */
const ELEMENT_RE = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;

/**
 * When a comment, processing instruction, CDATA section or declaration starts
 * at `lt`, the offset just past its end; else 0 (an element, or markup that
 * cannot be read). An unterminated comment or CDATA section is read as a
 * declaration (up to the next '>'), as before; an unterminated processing
 * instruction is unreadable. Each search starts at `lt` and the caller
 * continues after the token; `unterminated` remembers from where a search for
 * `-->` or `]]>` found nothing, so that many unterminated comments do not
 * each search the rest of the document again. The document is scanned a
 * bounded number of times.
 */
function skipNonElement(xml: string, lt: number, unterminated: { comment: number; cdata: number }): number {
  if (xml.charCodeAt(lt + 1) === 63 /* ? */) {
    const e = xml.indexOf('?>', lt + 2);
    return e < 0 ? 0 : e + 2;
  }
  if (xml.charCodeAt(lt + 1) !== 33 /* ! */) return 0;
  if (xml.startsWith('<!--', lt)) {
    const e = lt >= unterminated.comment ? -1 : xml.indexOf('-->', lt + 4);
    if (e >= 0) return e + 3;
    if (lt < unterminated.comment) unterminated.comment = lt;
  } else if (xml.startsWith('<![CDATA[', lt)) {
    const e = lt >= unterminated.cdata ? -1 : xml.indexOf(']]>', lt + 9);
    if (e >= 0) return e + 3;
    if (lt < unterminated.cdata) unterminated.cdata = lt;
  }
  const e = xml.indexOf('>', lt + 2);
  return e < 0 ? 0 : e + 1;
}

const attrRe = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function attributes(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  attrRe.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = attrRe.exec(s)) !== null) out[m[1]] = decodeEntities(m[2] ?? m[3] ?? '');
  return out;
}

function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    switch (e) {
      case 'amp': return '&';
      case 'lt': return '<';
      case 'gt': return '>';
      case 'quot': return '"';
      case 'apos': return "'";
      default: {
        const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : _;
      }
    }
  });
}
