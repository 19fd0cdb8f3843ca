/**
 * Go's `%#v` of the internal apiextensions values that upstream puts in field errors (the version
 * list, a string list). Pointers print as Go prints them: `(*T)(nil)`, or an address, which is
 * meaningless to a client, so a fixed one stands in for it.
 */
import type { CustomResourceDefinitionVersion } from '../../../../api-definitions/apiextensions/v1/types.js';
import { goQuote } from '../../../machinery/errors.js';
import { printedValue } from '../../../machinery/validation/field.js';

const ADDRESS = '0xc000000000';

const pointer = (type: string, present: boolean): string => `(*${type})(${present ? ADDRESS : 'nil'})`;

const slice = (type: string, items: readonly unknown[] | undefined, render: (x: never) => string): string =>
  items === undefined ? `[]${type}(nil)` : `[]${type}{${items.map((x) => render(x as never)).join(', ')}}`;

function goVersion(v: CustomResourceDefinitionVersion): string {
  const columns = slice('apiextensions.CustomResourceColumnDefinition', v.additionalPrinterColumns, () => 'apiextensions.CustomResourceColumnDefinition{…}');
  const fields = slice('apiextensions.SelectableField', v.selectableFields, (f: { jsonPath: string }) => `apiextensions.SelectableField{JSONPath:${goQuote(f.jsonPath)}}`);
  const warning = v.deprecationWarning === undefined ? '(*string)(nil)' : `(*string)(${ADDRESS})`;
  return (
    `apiextensions.CustomResourceDefinitionVersion{Name:${goQuote(v.name ?? '')}, Served:${v.served === true}, Storage:${v.storage === true}, ` +
    `Deprecated:${v.deprecated === true}, DeprecationWarning:${warning}, Schema:${pointer('apiextensions.CustomResourceValidation', v.schema !== undefined)}, ` +
    `Subresources:${pointer('apiextensions.CustomResourceSubresources', v.subresources !== undefined)}, AdditionalPrinterColumns:${columns}, SelectableFields:${fields}}`
  );
}

/** `[]apiextensions.CustomResourceDefinitionVersion{…}`. */
export function goVersions(versions: readonly CustomResourceDefinitionVersion[]): object {
  return printedValue(slice('apiextensions.CustomResourceDefinitionVersion', versions, goVersion));
}

/** `[]string{"a", "b"}`. */
export function goStrings(list: readonly string[] | undefined): object {
  return printedValue(list === undefined ? '[]string(nil)' : `[]string{${list.map(goQuote).join(', ')}}`);
}

/** Go's `%#v` of decoded JSON (`map[string]interface {}{"a":1}`, `[]interface {}{"x"}`), as upstream prints a default. */
export function goJSONValue(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  const render = (x: unknown): string => {
    if (x === null || x === undefined) return 'interface {}(nil)';
    if (typeof x === 'string') return goQuote(x);
    if (typeof x !== 'object') return String(x);
    if (Array.isArray(x)) return `[]interface {}{${x.map(render).join(', ')}}`;
    const entries = Object.keys(x)
      .sort()
      .map((k) => `${goQuote(k)}:${render((x as Record<string, unknown>)[k])}`);
    return `map[string]interface {}{${entries.join(', ')}}`;
  };
  return printedValue(render(v));
}
