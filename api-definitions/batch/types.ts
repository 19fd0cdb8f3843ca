/** The internal (hub) types of batch: those of v1, so conversions are copies. */
export * from './v1/types.js';
