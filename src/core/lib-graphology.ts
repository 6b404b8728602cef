/**
 * graphology's graph classes, re-exported from a module of its own that
 * imports nothing else (graphology does not declare itself free of side
 * effects): see src/core/lib-proj4.ts for why.
 *
 * @internal
 */
export { default as Graph, DirectedGraph } from 'graphology';
