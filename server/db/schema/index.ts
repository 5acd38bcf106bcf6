export * from './org.js';
export * from './users.js';
export * from './system.js';
export * from './calendar.js';
