/** TypeScript spelling helpers shared by the generators. */

import { quote } from './layout.js';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `obj.name`, or `obj['x-name']` when the property is not an identifier. */
export function propertyAccess(object: string, property: string): string {
  return IDENTIFIER.test(property) ? `${object}.${property}` : `${object}[${quote(property)}]`;
}
