export * from './core/errors.js';
export * from './core/random.js';
export * from './core/units.js';
export * from './geo/polygon.js';
export * from './geo/projection.js';
export * from './city/city.js';
export * from './cameras/optics.js';
export * from './cameras/camera-set.js';
