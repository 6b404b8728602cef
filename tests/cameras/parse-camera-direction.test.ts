import { describe, expect, it } from 'vitest';
import { COMPASS_POINTS, parseCameraDirection } from '../../src/cameras/parse-camera-direction.js';

const ok = (value: unknown) => {
  const r = parseCameraDirection(value);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(value)} to parse, got ${r.reason}`);
  return r;
};

describe('parseCameraDirection', () => {
  it('reads plain degrees, decimals, a degree sign and surrounding spaces', () => {
    expect(ok('0').directions).toEqual([{ heading: 0 }]);
    expect(ok('45').directions).toEqual([{ heading: 45 }]);
    expect(ok(' 190 ').directions).toEqual([{ heading: 190 }]);
    expect(ok('22.5').directions).toEqual([{ heading: 22.5 }]);
    expect(ok('15°').directions).toEqual([{ heading: 15 }]);
    expect(ok('+30').directions).toEqual([{ heading: 30 }]);
    expect(ok(270).directions).toEqual([{ heading: 270 }]);
    expect(ok('0').note).toBeUndefined();
  });

  it('reads 360 alone as omnidirectional', () => {
    expect(ok('360').directions).toEqual([{ heading: 0, fov: 360 }]);
    expect(ok(360).directions).toEqual([{ heading: 0, fov: 360 }]);
  });

  it('normalises negative degrees and says so in a note', () => {
    const r = ok('-140');
    expect(r.directions).toEqual([{ heading: 220 }]);
    expect(r.note).toMatch(/negative angle -140 read as 220°/);
    expect(ok('-360').directions).toEqual([{ heading: 0 }]);
    expect(ok('-0').directions[0].heading).toBe(0);
    expect(Object.is(ok('-0').directions[0].heading, -0)).toBe(false);
  });

  it('reads every compass abbreviation, case-insensitively', () => {
    for (const [word, heading] of Object.entries(COMPASS_POINTS)) {
      expect(ok(word).directions).toEqual([{ heading }]);
      expect(ok(word.toUpperCase()).directions).toEqual([{ heading }]);
    }
    expect(Object.keys(COMPASS_POINTS)).toHaveLength(16);
    expect(COMPASS_POINTS.wsw).toBe(247.5);
  });

  it('reads compass words with or without separators', () => {
    expect(ok('south').directions).toEqual([{ heading: 180 }]);
    expect(ok('North').directions).toEqual([{ heading: 0 }]);
    expect(ok('south-west').directions).toEqual([{ heading: 225 }]);
    expect(ok('South West').directions).toEqual([{ heading: 225 }]);
    expect(ok('northeast').directions).toEqual([{ heading: 45 }]);
    expect(ok('north_east').directions).toEqual([{ heading: 45 }]);
    expect(ok('north-north-east').directions).toEqual([{ heading: 22.5 }]);
    expect(ok('westnorthwest').directions).toEqual([{ heading: 292.5 }]);
  });

  it('reads a clockwise range as the middle of the arc with the arc width as fov', () => {
    expect(ok('190-100').directions).toEqual([{ heading: 325, fov: 270 }]);
    expect(ok('90-180').directions).toEqual([{ heading: 135, fov: 90 }]);
    expect(ok('350-10').directions).toEqual([{ heading: 0, fov: 20 }]);
    expect(ok('0 - 360').directions).toEqual([{ heading: 180, fov: 360 }]);
    expect(ok('45-45').directions).toEqual([{ heading: 225, fov: 360 }]);
    expect(ok('N-E').directions).toEqual([{ heading: 45, fov: 90 }]);
    expect(ok('SW-north').directions).toEqual([{ heading: 292.5, fov: 135 }]);
    expect(ok('10.5-20.5').directions).toEqual([{ heading: 15.5, fov: 10 }]);
  });

  it('reads lists separated by commas or semicolons, one direction per item', () => {
    expect(ok('180, 270').directions).toEqual([{ heading: 180 }, { heading: 270 }]);
    expect(ok('90;160;270').directions).toEqual([{ heading: 90 }, { heading: 160 }, { heading: 270 }]);
    expect(ok('N; SE ; 10-30').directions).toEqual([{ heading: 0 }, { heading: 135 }, { heading: 20, fov: 20 }]);
    // In a list, 360 is a heading (north), not omnidirectional.
    expect(ok('360;180').directions).toEqual([{ heading: 0 }, { heading: 180 }]);
  });

  it('refuses what it cannot read, with a reason, and never throws', () => {
    const bad: [unknown, RegExp][] = [
      ['', /empty value/],
      ['   ', /empty value/],
      ['up', /unrecognised direction "up"/],
      ['400', /outside \[-360, 360\]/],
      ['-361', /outside/],
      ['180;', /empty item/],
      [';', /empty item/],
      ['10-abc', /unrecognised range/],
      ['-10-20', /unrecognised/],
      ['10--20', /unrecognised/],
      ['400-20', /unrecognised range/],
      ['1e3', /unrecognised/],
      ['nord', /unrecognised/],
      [null, /not a string \(null\)/],
      [undefined, /not a string \(undefined\)/],
      [{}, /not a string \(object\)/],
      [NaN, /not a finite number/],
      [Infinity, /not a finite number/],
    ];
    for (const [value, reason] of bad) {
      const r = parseCameraDirection(value);
      expect(r.ok, JSON.stringify(value)).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(reason);
    }
  });

  it('always returns headings in [0, 360) and fovs in (0, 360] (exhaustive over integer ranges)', () => {
    for (let a = 0; a <= 360; a += 15) {
      for (let b = 0; b <= 360; b += 15) {
        const r = ok(`${a}-${b}`);
        const d = r.directions[0];
        expect(d.heading).toBeGreaterThanOrEqual(0);
        expect(d.heading).toBeLessThan(360);
        expect(d.fov!).toBeGreaterThan(0);
        expect(d.fov!).toBeLessThanOrEqual(360);
        // The arc from a, clockwise by fov, ends at b.
        expect((((a + d.fov!) % 360) + 360) % 360).toBe(b % 360);
      }
    }
  });
});

describe('parseCameraDirection on zero-width ranges', () => {
  it('reads a range whose start equals its end as the full circle and says so in a note', () => {
    const r = ok('90-90');
    expect(r.directions).toEqual([{ heading: 270, fov: 360 }]);
    expect(r.note).toBe('zero-width range "90-90" (start equals end) read as the full circle');
    expect(ok('N-N').note).toMatch(/zero-width range "N-N"/);
  });

  it('reads 0-360 as the full circle without a note (it is not ambiguous)', () => {
    const r = ok('0-360');
    expect(r.directions).toEqual([{ heading: 180, fov: 360 }]);
    expect(r.note).toBeUndefined();
  });
});
