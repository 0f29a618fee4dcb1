export * from './layers.js';
export * from './portfolio.js';
export * from './role-load.js';
export * from './schedule.js';
export * from './calendar.js';
