/** The internal (hub) types of admissionregistration.k8s.io: those of v1, so conversions are copies. */
export * from './v1/types.js';
