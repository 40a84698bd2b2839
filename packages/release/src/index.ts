export * from './targets.js';
export * from './config.js';
export * from './settings.js';
export * from './version.js';
export * from './publish-target.js';
