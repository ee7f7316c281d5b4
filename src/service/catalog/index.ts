export * from './instances.js';
export * from './lineGroups.js';
export * from './scripts.js';
