// The Astana scenario example runs against the built package (imported by its name,
// as a user does) and print what it promises.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuiltCli } from './helpers.js';

const root = resolve(__dirname, '..', '..');
const node = (args: string[]) => execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: 300_000 });

beforeAll(() => {
  requireBuiltCli();
  if (!existsSync(join(root, 'dist', 'index.js'))) throw new Error('dist/index.js is missing: run `npm run build` first');
});

describe('examples/scenario-astana.mjs', () => {
  it('scenario-astana.mjs compares the older network with the new one', () => {
    const text = node(['examples/scenario-astana.mjs', '--num-cameras', '1400']);
    // 1,400 = 28,000 / 20: the older network alone is 6,000 / 20 = 300 cameras.
    expect(text).toMatch(/cameras\s+300 →\s+1,400/);
    for (const d of ['Almaty', 'Baikonyr', 'Yesil', 'Saryarka', 'Nura']) expect(text).toContain(d);
    expect(text).not.toMatch(/NaN/);
  });
});
