/**
 * Issue 18, defect 4: street imports never corrupt silently. A second
 * `<node id>` used to move the node (one extra node made a 12,954 km street);
 * a second way with the same id was imported twice without a word; a GeoJSON
 * `width` of 400 nines became Infinity. Now the first node definition and the
 * first way win, and each duplicate is reported; an unreadable or absurd
 * width falls back to the class default, reported.
 */
import { describe, expect, test } from 'vitest';
import { importBuildings, importOsmStreetsXml, importStreets } from '../../src/index.js';

const doc = (extra: string) => `<?xml version="1.0"?>
<osm version="0.6">
  <node id="1" lat="0" lon="0"/>
  <node id="2" lat="0" lon="0.001"/>
  <node id="3" lat="0" lon="0.002"/>
  ${extra}
  <way id="10"><nd ref="1"/><nd ref="2"/><nd ref="3"/><tag k="highway" v="residential"/></way>
</osm>`;

function totalLength(streets: ReturnType<typeof importOsmStreetsXml>['streets']): number {
  let sum = 0;
  streets.forEachEdge((_e, a) => (sum += (a as { length: number }).length));
  return sum;
}

describe('duplicates and huge widths in street imports (issue 18, defect 4)', () => {
  test('a duplicate <node id> far away does not move the node; the way that uses it reports it', () => {
    const plain = importOsmStreetsXml(doc(''));
    const dup = importOsmStreetsXml(doc('<node id="2" lat="60" lon="100"/>'));
    expect(totalLength(plain.streets)).toBeCloseTo(222.6, 0); // 0.002° of longitude on the equator
    expect(totalLength(dup.streets)).toBe(totalLength(plain.streets));
    const e = dup.report.filter((x) => x.field === 'nd' && x.value === '2');
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ index: 0, id: 'way/10' });
    expect(e[0].reason).toMatch(/defined 2 times.*first definition is used/);
  });

  test('a duplicate way id is reported and skipped (the first is kept)', () => {
    const r = importOsmStreetsXml(doc('').replace('</osm>', '<way id="10"><nd ref="3"/><nd ref="1"/><tag k="highway" v="primary"/></way>\n</osm>'));
    const e = r.report.find((x) => x.field === 'id');
    expect(e).toMatchObject({ index: 1, id: 'way/10', action: 'skipped' });
    expect(r.streets.size).toBe(2);
    r.streets.forEachEdge((_k, a) => expect((a as { streetClass: string }).streetClass).toBe('local'));
  });

  const line = (width: unknown) => ({
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { highway: 'residential', width }, geometry: { type: 'LineString', coordinates: [[0, 0], [0.001, 0]] } }],
  });
  for (const width of ['9'.repeat(400), '1e400', '5000', 1e300, '1' + '0'.repeat(309) + ' ft']) {
    test(`a GeoJSON width of ${String(width).slice(0, 12)}… is reported and the class default used`, () => {
      const r = importStreets(line(width));
      r.streets.forEachEdge((_k, a) => {
        const w = (a as { width: number }).width;
        expect(Number.isFinite(w)).toBe(true);
        expect(w).toBeLessThanOrEqual(1000);
      });
      expect(r.report.some((x) => x.field === 'width' && x.value === width)).toBe(true);
    });
  }

  test('building heights stay finite and within the Float32 column', () => {
    const b = (props: Record<string, unknown>) => ({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { building: 'yes', ...props }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [0.001, 0], [0.001, 0.001], [0, 0.001], [0, 0]]] } }],
    });
    for (const props of [{ height: '9'.repeat(40) }, { height: '9'.repeat(400) }, { 'building:levels': '1e300' }, { height: '1e30' }]) {
      const r = importBuildings(b(props));
      expect(Array.from(r.buildings.height), JSON.stringify(props)).toEqual([10]);
      expect(r.report.length, JSON.stringify(props)).toBeGreaterThan(0);
    }
  });
});
