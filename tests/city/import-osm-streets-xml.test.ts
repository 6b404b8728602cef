import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import { importOsmStreetsXml, OSM_LICENCE } from '../../src/city/import-osm-streets-xml.js';
import { InvalidInputError } from '../../src/core/errors.js';

const xml = readFileSync(fileURLToPath(new URL('../fixtures/osm-streets-west-oakland.osm', import.meta.url)), 'utf8');

/** Independent oracle: nodes and highway ways read with plain string splitting, segments deduplicated. */
function oracle(doc: string) {
  const nodes = new Map<string, [number, number]>();
  for (const m of doc.matchAll(/<node id="(\d+)"[^>]*?lat="([-\d.]+)" lon="([-\d.]+)"/g)) nodes.set(m[1], [Number(m[3]), Number(m[2])]);
  const pairs = new Set<string>();
  const used = new Set<string>();
  let length = 0;
  let ways = 0;
  const perClass: Record<string, number> = {};
  for (const chunk of doc.split('<way ').slice(1)) {
    const body = chunk.slice(0, chunk.indexOf('</way>'));
    const hw = /<tag k="highway" v="([^"]+)"/.exec(body);
    if (!hw) continue;
    ways++;
    const refs = [...body.matchAll(/<nd ref="(\d+)"/g)].map((m) => m[1]);
    for (let i = 1; i < refs.length; i++) {
      const key = [refs[i - 1], refs[i]].sort().join('-');
      if (pairs.has(key)) continue;
      pairs.add(key);
      used.add(refs[i - 1]);
      used.add(refs[i]);
      length += turf.distance(nodes.get(refs[i - 1])!, nodes.get(refs[i])!, { units: 'meters' });
      perClass[hw[1]] = (perClass[hw[1]] ?? 0) + 1;
    }
  }
  return { ways, edges: pairs.size, nodes: used.size, length, perClass };
}

describe('importOsmStreetsXml on the West Oakland extract', () => {
  const r = importOsmStreetsXml(xml);
  const o = oracle(xml);

  it('reads the 31 highway ways among the 66 ways', () => {
    expect(o.ways).toBe(31);
    expect(r.summary.lines).toBe(31);
  });

  it('makes one edge per distinct consecutive node pair (225) over 213 nodes keyed node/<id>', () => {
    expect(r.streets.size).toBe(o.edges);
    expect(r.streets.size).toBe(225);
    expect(r.streets.order).toBe(o.nodes);
    expect(r.streets.order).toBe(213);
    expect(r.streets.hasNode('node/53027353')).toBe(true);
  });

  it('measures about 8.8 km of street, within 0.5% of the spherical great-circle total', () => {
    expect(Math.abs(r.summary.totalLength / o.length - 1)).toBeLessThan(0.005);
    expect(r.summary.totalLength).toBeGreaterThan(8500);
    expect(r.summary.totalLength).toBeLessThan(9100);
  });

  it('classes the segments from the highway tags', () => {
    const count: Record<string, number> = {};
    r.streets.forEachEdge((_e, a) => (count[a.streetClass] = (count[a.streetClass] ?? 0) + 1));
    const p = o.perClass;
    expect(count).toEqual({
      collector: p.secondary,
      local: p.residential + p.service + p.unclassified,
      footway: p.footway + p.cycleway,
    });
  });

  it('keeps street names, reports nothing for a complete extract, and carries the ODbL licence', () => {
    const names = new Set(r.streets.mapEdges((_e, a) => a.name).filter(Boolean));
    expect(names.has('7th Street')).toBe(true);
    expect(names.has('Wood Street')).toBe(true);
    expect(r.report).toEqual([]);
    expect(r.provenance.licence).toBe(OSM_LICENCE);
    expect(r.projection.lon0).toBeCloseTo((-122.30258 - 122.29825) / 2, 1);
  });
});

describe('importOsmStreetsXml on hand-made documents', () => {
  const doc = `<?xml version="1.0"?>
<!-- a comment with <way> inside -->
<osm version="0.6">
  <node id="1" lat="0" lon="0"/>
  <node id="2" lat="0" lon="0.001"><tag k="highway" v="traffic_signals"/></node>
  <node id="3" lat="0" lon="0.002"/>
  <node id="5" lat="north" lon="0.004"/>
  <node id="6" lat="0" lon="0.005"/>
  <node id="7" lat="0" lon="0.006"/>
  <way id="10"><nd ref="1"/><nd ref="2"/><nd ref="3"/><tag k="highway" v="primary"/><tag k="name" v="Esther&apos;s &amp; Co"/><tag k="width" v="20"/></way>
  <way id="11"><nd ref="3"/><nd ref="4"/><nd ref="5"/><nd ref="6"/><nd ref="7"/><tag k="highway" v="residential"/></way>
  <way id="12"><nd ref="1"/><nd ref="3"/><tag k="building" v="yes"/></way>
  <way id="13"><nd ref="1"/><tag k="highway" v="service"/></way>
  <way id="14"><nd ref="6"/><nd ref="7"/><tag k="highway" v="elevator"/></way>
  <relation id="99"><member type="way" ref="10" role=""/><tag k="highway" v="primary"/></relation>
</osm>`;
  const r = importOsmStreetsXml(doc);

  it('splits a way at missing or unreadable nodes and reports each one', () => {
    expect(r.streets.order).toBe(5);
    expect(r.streets.size).toBe(3);
    expect(r.report.map((e) => [e.index, e.id, e.field, e.value])).toEqual([
      [1, 'way/11', 'nd', '4'],
      [1, 'way/11', 'nd', '5'],
      [3, 'way/13', 'nd', 1],
      [4, 'way/14', 'highway', 'elevator'],
    ]);
    expect(r.report[0].reason).toMatch(/node not in the file/);
    expect(r.report[1].reason).toMatch(/unreadable coordinates/);
  });

  it('decodes entities and reads tags of ways only', () => {
    expect(r.streets.getEdgeAttributes('e0')).toMatchObject({ name: "Esther's & Co", width: 20, streetClass: 'arterial' });
    expect(r.streets.hasEdge('node/6', 'node/7')).toBe(true);
  });

  it('throws InvalidInputError for input that is not an OSM XML string', () => {
    expect(() => importOsmStreetsXml(42)).toThrow(/importOsmStreetsXml: xml must be a string holding an OSM XML document, got 42/);
    expect(() => importOsmStreetsXml('<html></html>')).toThrow(/xml must be an OSM XML document \(no <osm> element found\)/);
    expect(() => importOsmStreetsXml(doc, { snapTolerance: NaN })).toThrow(InvalidInputError);
  });
});

describe('importOsmStreetsXml on documents that are not well-formed', () => {
  const ok = '<osm><node id="1" lat="0" lon="0"/><node id="2" lat="0" lon="0.001"/><way id="7"><nd ref="1"/><nd ref="2"/><tag k="highway" v="primary"/></way></osm>';

  it('reads a small well-formed document', () => {
    const r = importOsmStreetsXml(ok);
    expect(r.streets.size).toBe(1);
    expect(r.report).toEqual([]);
  });

  it('throws a typed error for a truncated document (the <osm> element never closed)', () => {
    const cut = '<osm><node id="1" lat="0" lon="0"/><way id="2"><nd ref="1"/>';
    let err: unknown;
    try {
      importOsmStreetsXml(cut);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InvalidInputError);
    expect((err as InvalidInputError).field).toBe('xml');
    expect((err as Error).message).toMatch(/importOsmStreetsXml: xml is not well-formed XML: the <osm> element is never closed \(a truncated file\?\) at offset 60 of 60/);
    // Cut inside a tag.
    expect(() => importOsmStreetsXml(ok.slice(0, 60))).toThrow(/not well-formed XML: unreadable markup at offset/);
  });

  it('throws for unreadable markup, a stray </osm> or a second <osm>', () => {
    expect(() => importOsmStreetsXml('<osm><node id="1" lat=0 lon="0"/></osm>')).toThrow(/unreadable markup at offset 5 of/);
    expect(() => importOsmStreetsXml('</osm><osm></osm>')).toThrow(/<\/osm> without an opening <osm> at offset 0/);
    expect(() => importOsmStreetsXml('<osm></osm><osm></osm>')).toThrow(/a second <osm> element at offset 11/);
    expect(() => importOsmStreetsXml('<osm></osm>')).not.toThrow();
    expect(() => importOsmStreetsXml('<?xml version="1.0"?><!-- a < comment --><osm version="0.6"/>')).not.toThrow();
  });

  it('reports and skips a <way> left open inside a closed <osm>', () => {
    const doc = '<osm><node id="1" lat="0" lon="0"/><node id="2" lat="0" lon="0.001"/><way id="5"><nd ref="1"/><nd ref="2"/><tag k="highway" v="primary"/><way id="6"><nd ref="1"/><nd ref="2"/><tag k="highway" v="residential"/></way><way id="8"><nd ref="1"/></osm>';
    const r = importOsmStreetsXml(doc);
    expect(r.streets.size).toBe(1);
    expect(r.report.map((e) => [e.index, e.id, e.field, e.action])).toEqual([
      [0, 'way/5', 'way', 'skipped'],
      [2, 'way/8', 'way', 'skipped'],
    ]);
    expect(r.report[0].reason).toMatch(/not closed before the next <way>/);
    expect(r.report[1].reason).toMatch(/not closed before <\/osm>/);
  });
});
