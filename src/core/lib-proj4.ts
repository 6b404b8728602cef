/**
 * proj4, re-exported from a module of its own that imports nothing else.
 *
 * Why: proj4 does not declare itself free of side effects, so a bundler
 * keeps any `import proj4 from 'proj4'` it meets in a file it includes. The
 * build makes this module an entry of its own (tsup.config.ts,
 * TREE_SHAKING_ENTRIES), so it lands in a chunk of its own, and a
 * browser bundle that never projects (e.g. `import { computeCoverage }`)
 * drops that chunk — and proj4 with it — under sightline's
 * `"sideEffects": false`.
 *
 * @internal
 */
export { default as proj4 } from 'proj4';
