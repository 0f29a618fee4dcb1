export * from './layers.js';
export * from './portfolio.js';
export * from './role-load.js';
export { cadenceRecurrence, durationRecurrence, firstInstance, instancesBetween, periodRecurrence, stepFrom, type Recurrence } from './schedule.js';
export * from './calendar.js';
