/**
 * Internal entry of the io layer: what the command (src/cli) needs from it
 * but users do not. Not re-exported by src/index.ts; names here may change
 * in any release.
 *
 * @internal
 */
export { writeOutputFolderAsync, outputFolderProblem, outputFileProblem, recoverOutputFolder, makeFolders, testPause, TEST_PAUSE_ENV, STAGING_PREFIX, OLD_PREFIX } from './output-folder.js';
export { removeStaleTempFiles } from './atomic-write.js';
export { chartScript, chartBundles, HTML_STYLE } from './html-kit.js';
