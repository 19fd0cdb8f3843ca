/** Validation machinery shared by every API group's `validation.ts`. */
export * from './path.js';
export * from './field.js';
export * from './content.js';
export * from './names.js';
export * from './quantity.js';
export * from './equality.js';
export * from './objectmeta.js';
export * from './selector.js';
