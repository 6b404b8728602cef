// `npm start`: the Almaty preset end to end — the city, 128,000 cameras,
// the command network, a day of trips for 10,000 residents — with its
// report. Prints the headline numbers and where the report is.
//
//   npm start                                   # out/almaty/report.html
//   npm start -- --num-cameras 20000 --residents 2000 --out out/quick
//
// Builds the package first when dist/ is missing or older than src/ (the
// build alone takes 15–45 s; later runs skip it; SIGHTLINE_NO_BUILD=1 skips
// the check, as the tests do). Any option of `sightline run` can follow `--`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist/cli.js');

/** Latest modification time under a directory (or of a file). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let t = 0;
  for (const e of readdirSync(path)) t = Math.max(t, newest(join(path, e)));
  return t;
}

const built = existsSync(cli) && existsSync(join(root, 'dist/index.js')) ? statSync(cli).mtimeMs : 0;
const sources = Math.max(newest(join(root, 'src')), newest(join(root, 'package.json')), newest(join(root, 'tsup.config.ts')));
if (built === 0 || (built < sources && !process.env.SIGHTLINE_NO_BUILD)) {
  console.log(built === 0 ? 'Building sightline (first run) ...' : 'Building sightline (src/ changed since the last build) ...');
  const b = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

const args = process.argv.slice(2);
if (!args.includes('--out')) args.push('--out', 'out/almaty');
if (!args.includes('--preset')) args.unshift('--preset', 'almaty');
const r = spawnSync(process.execPath, [cli, 'run', ...args], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
