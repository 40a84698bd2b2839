export * from './semver-strict.js';
export * from './pep440.js';
export * from './manifests.js';
export * from './detect.js';
