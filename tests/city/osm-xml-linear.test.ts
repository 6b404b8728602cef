/**
 * Issue 18, defect 2 (XML side): importOsmStreetsXml scans the document once.
 * A global regex used to retry an unterminated `<?` from every later
 * position: 24 s at 617 KB of '<?', 95 s at 1.1 MB. The bounds below are
 * generous (a few hundred ms are expected on a busy machine) and far below
 * the quadratic times.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { importOsmStreetsXml, InvalidInputError } from '../../src/index.js';

const file = readFileSync(join(__dirname, '..', 'fixtures', 'osm-streets-west-oakland.osm'), 'utf8');

function timed(xml: string): { ms: number; error: unknown; size: number } {
  const t0 = performance.now();
  try {
    const r = importOsmStreetsXml(xml);
    return { ms: performance.now() - t0, error: null, size: r.streets.size };
  } catch (e) {
    return { ms: performance.now() - t0, error: e, size: 0 };
  }
}

describe('importOsmStreetsXml runs in linear time (issue 18, defect 2)', () => {
  test("the reproduction: a file followed by 1.1 MB of '<?' is refused at once, naming the offset", () => {
    const r = timed(file + '<?'.repeat(550_000));
    expect(r.error).toBeInstanceOf(InvalidInputError);
    expect(String((r.error as Error).message)).toMatch(new RegExp(`unreadable markup at offset ${file.length} `));
    expect(r.ms).toBeLessThan(5_000);
  });

  test('many comments, CDATA sections or declarations left open are read once each', () => {
    const base = timed(file);
    expect(base.error).toBeNull();
    for (const tail of ['<!-- >', '<![CDATA[ >', '<!x', '<?x?>']) {
      const r = timed(file.replace('</osm>', tail.repeat(200_000) + '</osm>'));
      expect(r.ms, tail).toBeLessThan(5_000);
      // Unterminated comments and CDATA are read as declarations up to the next '>' (as before); the streets are unchanged.
      if (tail !== '<!x') expect(r.size, tail).toBe(base.size);
      else expect(r.error, tail).toBeInstanceOf(InvalidInputError);
    }
  });
});
