// Spawns the built command (dist/cli.js; SIGHTLINE_CLI overrides the path).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CLI = process.env.SIGHTLINE_CLI || join(__dirname, '..', '..', 'dist', 'cli.js');

export function requireBuiltCli(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` before the CLI tests`);
}

export interface CliOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node dist/cli.js ...args` and collects its output. `onStderr` sees
 * stderr as it arrives (and may signal the child).
 */
export function runCliProcess(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; onStderr?: (text: string, child: ReturnType<typeof spawn>) => void } = {}): Promise<CliOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      options.onStderr?.(stderr, child);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A scenario that runs in about a second and writes every kind of output file (network, exposure, raster). */
export const TINY = {
  seed: 3,
  city: { preset: 'almaty', blockSize: 1500 },
  cameras: [{ from: 'preset', name: 'almaty', numCameras: 30 }],
  network: { from: 'preset' },
  residents: { count: 10 },
  analyses: { coverage: {}, districts: { streets: false }, raster: { cellSize: 5000 }, network: {}, exposure: {} },
};

/** Every entry of a folder (hidden ones too) with the SHA-256 of its bytes. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of readdirSync(dir).sort()) out[n] = createHash('sha256').update(readFileSync(join(dir, n))).digest('hex');
  return out;
}

/** What sightline leaves beside an output folder while writing it (or after being killed while writing it). */
export const leftovers = (parent: string): string[] => readdirSync(parent).filter((n) => n.startsWith('.sightline-'));
