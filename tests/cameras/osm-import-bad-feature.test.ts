/**
 * Issue 18, defect 3: one bad feature must not abort importOsmCameras, nor
 * leave Infinity in a column. A height of '1' followed by 400 zeros used to
 * throw for the whole collection; '9' × 40 (9.99e39, above the largest Float32)
 * was stored as Infinity in the Float32 height column.
 */
import { describe, expect, test } from 'vitest';
import { importOsmCameras } from '../../src/index.js';

const feature = (props: Record<string, unknown>, lon = 8.54, lat = 47.37) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lon, lat] },
  properties: { man_made: 'surveillance', 'surveillance:type': 'camera', 'camera:direction': '90', ...props },
});
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

describe('importOsmCameras reports a bad feature and goes on (issue 18, defect 3)', () => {
  for (const height of ['1' + '0'.repeat(400), '9'.repeat(40), '3.5e40', 'Infinity', '1e309 m']) {
    test(`height ${height.length > 12 ? height.slice(0, 6) + `… (${height.length} chars)` : height}`, () => {
      const r = importOsmCameras(collection(feature({ height: '4' }), feature({ height }, 8.541), feature({ height: '6 m' }, 8.542)));
      expect(r.imported).toBe(3);
      expect(r.cameras.numCameras).toBe(3);
      const heights = Array.from(r.cameras.height);
      expect(heights.every(Number.isFinite)).toBe(true);
      expect(heights).toEqual([4, 5, 6]); // the bad one gets the default mount height, 5 m
      const entry = r.report.find((e) => e.index === 1 && e.tag === 'height');
      expect(entry, JSON.stringify(r.report)).toBeDefined();
      expect(entry!.value).toBe(height);
    });
  }

  test('camera:height too is read within the Float32 range', () => {
    const r = importOsmCameras(collection(feature({ 'camera:height': '9'.repeat(40) })));
    expect(r.cameras.height[0]).toBe(5);
    expect(r.report.some((e) => e.tag === 'camera:height' && /at most/.test(e.reason))).toBe(true);
  });

  test('options beyond the camera columns are refused up front, naming them', () => {
    expect(() => importOsmCameras(collection(feature({})), { height: 1e39 })).toThrow(/importOsmCameras: options\.height/);
    expect(() => importOsmCameras(collection(feature({})), { resolutionPx: 1e39 })).toThrow(/importOsmCameras: options\.resolutionPx/);
    expect(() => importOsmCameras(collection(feature({})), { range: 1e300 })).toThrow(/importOsmCameras: options\.range/);
  });
});
