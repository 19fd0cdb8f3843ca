export * from './v1/types.js';
