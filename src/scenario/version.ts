/**
 * The library version, read from package.json when the package is built
 * (the bundler inlines it), so a saved result names the code that made it.
 */
import pkg from '../../package.json';

/** sightline's version (package.json `version`). */
export const SIGHTLINE_VERSION: string = pkg.version;
