import { describe, expect, test } from 'vitest';
import { SOURCES, formatSource, InvalidInputError } from '../../src/index.js';

describe('the bibliography (SOURCES)', () => {
  test('every entry names an author or publisher, a title, a date, what it supports, and a web address or a standard designation', () => {
    for (const [id, s] of Object.entries(SOURCES)) {
      expect(id, id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(s.author.length, `${id}.author`).toBeGreaterThan(2);
      expect(s.title.length, `${id}.title`).toBeGreaterThan(5);
      expect(s.date, `${id}.date`).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      expect(s.supports.length, `${id}.supports`).toBeGreaterThan(10);
      const url = (s as { url?: string }).url;
      if (url === undefined) expect(s.title, `${id}: no URL, so a standard's designation`).toMatch(/^(EN|ISO|IEC) [\d-]+:\d{4}/);
      else expect(url, `${id}.url`).toMatch(/^https:\/\/[^\s]+$/);
      const accessed = (s as { accessed?: string }).accessed;
      if (accessed !== undefined) expect(accessed, `${id}.accessed`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  test('DOIs are written as doi.org addresses', () => {
    expect(SOURCES['nistir-8238'].url).toBe('https://doi.org/10.6028/NIST.IR.8238');
    expect(SOURCES['de-montjoye-2013'].url).toBe('https://doi.org/10.1038/srep01376');
  });

  test('formatSource writes author, title, date and address, and names a missing id', () => {
    expect(formatSource('kazpravda-2026-01-06')).toBe(
      'Kazakhstanskaya Pravda, "Улытау усиливает цифровую безопасность [Ulytau strengthens digital security]", 2026-01-06, https://kazpravda.kz/n/ulytau-usilivaet-tsifrovuyu-bezopasnost/',
    );
    expect(formatSource('met-lfr-2025')).toMatch(/\(accessed 2026-12-06\)$/);
    expect(formatSource('en-62676-4-2015')).toBe('CENELEC, "EN 62676-4:2015, Video surveillance systems for use in security applications — Part 4: Application guidelines", 2015');
    expect(() => formatSource('design-md')).toThrow(InvalidInputError);
    expect(() => formatSource('design-md')).toThrow(/formatSource: id must be a bibliography id/);
  });
});
