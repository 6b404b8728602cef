// Real cameras from OpenStreetMap: import the 2,144 `man_made=surveillance`
// nodes of Switzerland (2023, © OpenStreetMap contributors, ODbL 1.0), see
// what the importer could and could not read, and measure what the cameras
// in the centre of Zürich cover.
//
//   npm run build && node examples/osm-cameras.mjs [path/to/export.geojson]
import { readFileSync } from 'node:fs';
import { importOsmCameras, computeCoverage, CAPABILITY_PLATE } from 'sightline';

const file = process.argv[2] ?? new URL('../tests/fixtures/osm-cameras-switzerland-2023.geojson', import.meta.url);
const geojson = JSON.parse(readFileSync(file, 'utf8'));

// The local plane is centred on the data; its projection maps lon/lat to metres.
const { cameras, report, summary, imported, skipped, projection } = importOsmCameras(geojson);
console.log(`features: ${imported + skipped} — imported ${imported}, skipped ${skipped} (every skip is in the report)`);
console.log(`cameras: ${cameras.numCameras} (a feature with several directions gives several cameras)`);
let plates = 0;
let omni = 0;
for (let i = 0; i < cameras.numCameras; i++) {
  if (cameras.capabilities[i] & CAPABILITY_PLATE) plates++;
  if (cameras.fov[i] === 360) omni++;
}
console.log(`plate readers (surveillance:type=ALPR): ${plates}; omnidirectional (360° or direction unknown): ${omni}`);

console.log('\nWhat the importer reported, by tag and action (most frequent first):');
for (const row of summary.slice(0, 12)) console.log(`  ${String(row.count).padStart(5)}  ${row.tag.padEnd(20)} ${row.action}`);
// Values that are not plain degrees: compass words, ranges, lists.
const odd = report.filter((e) => (e.tag === 'camera:direction' || e.tag === 'direction') && typeof e.value === 'string' && !/^\s*-?\d+(\.\d+)?\s*$/.test(e.value)).slice(0, 8);
if (odd.length) {
  console.log('\nSome camera:direction values it had to interpret:');
  for (const e of odd) console.log(`  ${e.id}: ${JSON.stringify(e.value)} — ${e.reason}`);
}

// Coverage of central Zürich (a 2 km × 2 km box around Paradeplatz, 8.5390° E, 47.3697° N).
const [cx, cy] = projection.forward(8.539, 47.3697);
const bounds = [cx - 1000, cy - 1000, cx + 1000, cy + 1000];
const r = computeCoverage(cameras, { bounds });
console.log(`\nCentral Zürich (4 km²): ${r.numCamerasConsidered} mapped cameras reach it; they cover ${(100 * r.coveredFraction).toFixed(2)}% of it`);
console.log(`  (OSM maps only some cameras: this is a lower bound on real coverage.)`);
