/** The chart bundles written (Brotli-compressed, `<file>.br`) into dist/assets/: package, file in the folder of its main entry. */
export declare const CHART_ASSETS: ReadonlyArray<{ pkg: string; file: string }>;
/** Copies the chart bundles and their licences into `outDir` (default dist/assets); returns the files written. */
export declare function copyChartAssets(outDir?: string): string[];
