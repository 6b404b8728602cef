// Almaty at full scale: 128,000 cameras on the real city boundary, and how
// much of the city they see — exactly, not from a raster.
//
//   npm start            (builds the package, then runs this file)
//   node examples/almaty-coverage.mjs [--seed 7] [--num-cameras 128000]
//
// The package is imported by its name, the way a user does.
import {
  createPreset,
  computeCoverage,
  computeStreetCoverage,
  computeDistrictCoverage,
  CAPABILITY_FACE,
  CAPABILITY_PLATE,
} from 'sightline';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const seed = Number(arg('seed', '1'));
const numCameras = Number(arg('num-cameras', arg('cameras', '128000'))); // --cameras: deprecated name

const pct = (x) => `${(100 * x).toFixed(2)}%`;
const km2 = (m2) => `${(m2 / 1e6).toFixed(2)} km²`;
const timed = (label, fn) => {
  const t = performance.now();
  const value = fn();
  console.log(`  (${label}: ${((performance.now() - t) / 1000).toFixed(2)} s)`);
  return value;
};

console.log(`sightline — Almaty preset, seed ${seed}\n`);
const preset = timed('city and cameras built', () => createPreset('almaty', { seed, numCameras }));
const { city, cameras } = preset;
let live = 0;
let face = 0;
let plate = 0;
for (let i = 0; i < cameras.numCameras; i++) {
  live += cameras.live[i];
  if (cameras.capabilities[i] & CAPABILITY_FACE) face++;
  if (cameras.capabilities[i] & CAPABILITY_PLATE) plate++;
}
console.log(preset.description);
console.log(`  cameras: ${cameras.numCameras.toLocaleString('en-US')}, live ${live.toLocaleString('en-US')}, face recognition ${face.toLocaleString('en-US')}, plate reading ${plate.toLocaleString('en-US')}`);
console.log(`  city: ${city.streets.size.toLocaleString('en-US')} street segments, ${city.buildings.numBuildings.toLocaleString('en-US')} building blocks, ${city.districts.length} districts`);

console.log('\nArea coverage (exact union of footprints inside the city boundary)');
const plain = timed('computeCoverage', () => computeCoverage(cameras, { city }));
console.log(`  study area ${km2(plain.studyArea)}; seen by ≥1 camera: ${km2(plain.coveredArea)} = ${pct(plain.coveredFraction)}`);
console.log(`  seen by ≥2: ${pct(plain.atLeast[2] ?? 0)}, ≥3: ${pct(plain.atLeast[3] ?? 0)}, ≥5: ${pct(plain.atLeast[5] ?? 0)}`);

const occluded = timed('with buildings as occluders', () => computeCoverage(cameras, { city, occlusion: true }));
console.log(`  with occlusion by buildings: ${pct(occluded.coveredFraction)} (${km2(occluded.coveredArea)})`);

const faceIds = cameras.filterIds((i, s) => (s.capabilities[i] & CAPABILITY_FACE) !== 0);
const faceCams = cameras.subset(faceIds);
const identify = computeCoverage(faceCams, { city, level: 'identify', occlusion: true });
console.log(`  where a face-recognition camera can identify (250 px/m, EN 62676-4): ${km2(identify.coveredArea)}`);

const expected = computeCoverage(cameras, { city, availability: 0.9 });
console.log(`  expected coverage if each camera is up 90% of the time: ${pct(expected.coveredFraction)}`);

console.log('\nStreets (exact covered length)');
const streets = timed('computeStreetCoverage', () => computeStreetCoverage(cameras, city, { occlusion: true }));
console.log(`  ${(streets.totalLength / 1000).toFixed(0)} km of street; seen: ${pct(streets.coveredFraction)}`);
for (const [cls, v] of Object.entries(streets.byClass)) {
  if (v.length > 0) console.log(`    ${cls.padEnd(9)} ${(v.length / 1000).toFixed(0).padStart(5)} km  ${pct(v.coveredFraction)}`);
}

console.log('\nPer district (synthetic district geometry, real names)');
const table = timed('computeDistrictCoverage', () => computeDistrictCoverage(cameras, city));
console.log('  district     area km²  cameras  per km²  area seen  streets seen');
for (const d of table.districts) {
  console.log(
    `  ${d.name.padEnd(11)} ${(d.area / 1e6).toFixed(1).padStart(8)} ${String(d.numCameras).padStart(8)} ${d.camerasPerKm2.toFixed(0).padStart(8)} ${pct(d.coveredFraction).padStart(10)} ${pct(d.streetCoveredFraction).padStart(13)}`,
  );
}

console.log('\nWhere the numbers come from');
for (const s of preset.sources) console.log(`  - ${s}`);
for (const [part, p] of Object.entries(city.provenance)) console.log(`  - ${part}: ${p.kind} — ${p.description}${p.licence ? ` (${p.licence})` : ''}`);
