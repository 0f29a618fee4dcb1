export * from './describe.js';
export * from './element-views.js';
export * from './governance-diff.js';
export * from './journal-diff.js';
export * from './types.js';
