/**
 * Internal entry of the scenario layer: what other layers of sightline need
 * from it but users do not. Not re-exported by src/index.ts; names here may
 * change in any release.
 *
 * @internal
 */
export { throwIfAborted } from './scenario-error.js';
