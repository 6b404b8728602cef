// Planning (sightline/planning): greedy placement and camera importance on the Almaty preset.
// See benchmarks/plugins.mjs for the interface.

export const cases = [
  { name: 'planning-placement-almaty', tags: ['planning', 'almaty'], target: { seconds: 30, label: '1,000 of 50,000 candidates by street length at the identify level ≤ 30 s' } },
  { name: 'planning-placement-area-almaty', tags: ['planning', 'almaty'] },
  { name: 'planning-importance-almaty', tags: ['planning', 'almaty'], target: { seconds: 5, label: '128,000 cameras ranked by unique covered area ≤ 5 s' } },
];

export const method = `**Planning.** On the Almaty preset (\`createPreset('almaty')\`, 128,000 cameras; built once, not timed). Candidates: 12,500 sites from \`placeAlongStreets(city, { numCameras: 12500, seed: 'planning-candidates', resolutionPx: 3840 })\` (4K cameras: at the identify level, 250 px/m, a 90° 1920 px camera sees only 3.84 m, and from the kerb the greedy then finds only 649 sites that add any street centre line, so 1,000 picks need sharper cameras), each with 4 headings (the site's heading + 0°, 90°, 180°, 270°) = 50,000 candidates, one \`exclusive\` group per site. \`planning-placement-almaty\`: \`optimisePlacement(candidates, 1000, { city, objective: 'streetLength', level: 'identify', exclusive })\`, street pieces built and the lazy greedy run inside the timed call; 1 warm-up, 5 timed runs. \`planning-placement-area-almaty\`: the same with \`objective: 'area'\` (exact marginal areas from the union engine); 1 warm-up, 3 timed runs. \`planning-importance-almaty\`: \`rankCameraImportance(cameras, { city, removals: 10 })\` (unique area of every camera in one engine pass, then the ten greedy removals); 1 warm-up, 5 timed runs, one thread.`;

/** 50,000 candidates: 12,500 street sites × 4 headings, with the site of each. */
function candidates(pkg, city) {
  const sites = pkg.placeAlongStreets(city, { numCameras: 12_500, seed: 'planning-candidates', resolutionPx: 3840 });
  const cams = [];
  const site = [];
  for (let i = 0; i < sites.numCameras; i++) {
    const c = sites.getCamera(i);
    for (let h = 0; h < 4; h++) {
      cams.push({ x: c.x, y: c.y, heading: (c.heading + 90 * h) % 360, fov: c.fov, range: c.range, resolutionPx: c.resolutionPx });
      site.push(i);
    }
  }
  return { set: pkg.createCameraSet(cams), site };
}

export async function run(name, ctx) {
  const { pkg, bench, timing, skipped } = ctx;
  for (const f of ['createPreset', 'placeAlongStreets', 'createCameraSet', 'optimisePlacement', 'rankCameraImportance']) if (typeof pkg[f] !== 'function') return skipped(name, f);
  const preset = pkg.createPreset('almaty');
  const city = preset.city;

  if (name === 'planning-placement-almaty' || name === 'planning-placement-area-almaty') {
    const { set, site } = candidates(pkg, city);
    const objective = name === 'planning-placement-almaty' ? 'streetLength' : 'area';
    const r = bench(name, () => pkg.optimisePlacement(set, 1000, { city, objective, level: 'identify', exclusive: site }), { warmup: 1, repeats: objective === 'area' ? 3 : 5 });
    const p = r.last;
    const unit = p.unit;
    return {
      ...timing(r),
      numCandidates: set.numCameras,
      picks: p.chosen.length,
      value: p.value,
      bound: p.bound,
      evaluations: p.evaluations,
      details: `${set.numCameras.toLocaleString('en')} candidates (12,500 sites × 4 headings, 3840 px), ${p.chosen.length.toLocaleString('en')} picks adding ${Math.round(p.value).toLocaleString('en')} ${unit} at the identify level (first gain ${p.gains[0].toFixed(2)}, last ${p.gains[p.gains.length - 1].toFixed(2)} ${unit}); upper bound on the best ${p.params.k.toLocaleString('en')}: ${Math.round(p.bound).toLocaleString('en')} ${unit} (greedy ≥ ${((100 * p.value) / p.bound).toFixed(1)} % of it); ${p.evaluations.toLocaleString('en')} exact gain evaluations (a plain greedy: about ${(p.chosen.length * set.numCameras).toLocaleString('en')}).`,
    };
  }

  if (name === 'planning-importance-almaty') {
    const r = bench(name, () => pkg.rankCameraImportance(preset.cameras, { city, removals: 10 }), { warmup: 1, repeats: 5 });
    const p = r.last;
    const top = p.rows[0];
    const zero = p.rows.filter((row) => row.unique <= 1e-6).length;
    return {
      ...timing(r),
      numCameras: preset.cameras.numCameras,
      covered: p.covered,
      details: `${preset.cameras.numCameras.toLocaleString('en')} cameras, ${Math.round(p.covered).toLocaleString('en')} m² covered; largest unique area ${top.unique.toFixed(1)} m² (camera ${top.key}); ${zero.toLocaleString('en')} cameras see nothing no other camera sees; the ten greedy removals cut ${Math.round(p.removalOrder[p.removalOrder.length - 1].cumulativeLoss).toLocaleString('en')} m².`,
    };
  }
  return undefined;
}
