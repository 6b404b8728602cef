import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic, InvalidInputError, TEMP_PREFIX } from '../../src/index.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'sightline-atomic-'));

describe('writeFileAtomic', () => {
  it('writes a string, bytes, or chunks, replacing an existing file, and leaves no temp file', () => {
    const dir = tmp();
    const f = join(dir, 'a.txt');
    writeFileAtomic(f, 'hello');
    expect(readFileSync(f, 'utf8')).toBe('hello');
    writeFileAtomic(f, new TextEncoder().encode('bytes é'));
    expect(readFileSync(f, 'utf8')).toBe('bytes é');
    writeFileAtomic(f, ['a', 'b', 'ç']);
    expect(readFileSync(f, 'utf8')).toBe('abç');
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });

  it('leaves the old file intact and removes its temp file when producing the data fails midway', () => {
    const dir = tmp();
    const f = join(dir, 'keep.json');
    writeFileSync(f, '{"old":true}');
    function* chunks() {
      yield '{"new":';
      throw new Error('producer failed');
    }
    expect(() => writeFileAtomic(f, chunks())).toThrow('producer failed');
    expect(readFileSync(f, 'utf8')).toBe('{"old":true}');
    expect(readdirSync(dir).filter((n) => n.startsWith(TEMP_PREFIX))).toEqual([]);
  });

  it('does not create the target when the write fails, and throws the file-system error', () => {
    const dir = tmp();
    const f = join(dir, 'missing-dir', 'x.txt');
    expect(() => writeFileAtomic(f, 'x')).toThrow(/ENOENT/);
    expect(existsSync(f)).toBe(false);
  });

  it('rejects a path that is not a non-empty string', () => {
    expect(() => writeFileAtomic('', 'x')).toThrow(InvalidInputError);
    expect(() => writeFileAtomic(3 as never, 'x')).toThrow('writeFileAtomic: path must be a non-empty string, got 3');
  });
});
