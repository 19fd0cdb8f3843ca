/**
 * Selection: which objects a list, watch or deletecollection sees. A predicate pairs a label
 * selector with a field selector and reads an object's labels and fields through the strategy's
 * getAttrs, as apiserver's storage.SelectionPredicate does. The grammar is machinery/selectors';
 * handlers parse through the `SelectorParser` seam.
 */
import { newBadRequest } from '../machinery/errors.js';
import {
  FieldSelector as MachineryFieldSelector,
  FieldSelectorError,
  LabelSelector as MachineryLabelSelector,
  labelSelectorAsSelector,
  parseFieldSelector,
  parseLabelSelector,
  SelectorError,
  type LabelSelectorObject,
} from '../machinery/selectors/index.js';

/** One label requirement. */
export interface LabelRequirement {
  readonly key: string;
  readonly operator: string;
  readonly values: readonly string[];
}

export interface LabelSelector {
  matches(labels: Readonly<Record<string, string>> | undefined): boolean;
  empty(): boolean;
  readonly requirements: readonly LabelRequirement[];
}

/** One field requirement. */
export interface FieldRequirement {
  readonly field: string;
  readonly operator: '=' | '==' | '!=';
  readonly value: string;
}

export interface FieldSelector {
  matches(fields: Readonly<Record<string, string>>): boolean;
  empty(): boolean;
  readonly requirements: readonly FieldRequirement[];
  /** The value an `=`/`==` requirement pins `field` to, if there is one. */
  requiresExactMatch(field: string): string | undefined;
}

/** Turns query strings into selectors; throws a 400 StatusError on malformed input. */
export interface SelectorParser {
  parseLabelSelector(text: string): LabelSelector;
  parseFieldSelector(text: string): FieldSelector;
}

/** An object's labels and selectable fields (storage.AttrFunc). */
export interface Attrs {
  readonly labels: Readonly<Record<string, string>>;
  readonly fields: Readonly<Record<string, string>>;
}

export const EVERYTHING_LABELS: LabelSelector = MachineryLabelSelector.everything();
export const EVERYTHING_FIELDS: FieldSelector = MachineryFieldSelector.everything();

/** The selector grammar of machinery/selectors, its errors answered 400 with upstream's message. */
export const selectorParser: SelectorParser = {
  parseLabelSelector(text) {
    try {
      return parseLabelSelector(text);
    } catch (error) {
      if (error instanceof SelectorError) throw newBadRequest(error.message);
      throw error;
    }
  },
  parseFieldSelector(text) {
    try {
      return parseFieldSelector(text);
    } catch (error) {
      if (error instanceof FieldSelectorError) throw newBadRequest(error.message);
      throw error;
    }
  },
};

/** A label selector and a field selector together (storage.SelectionPredicate). */
export class SelectionPredicate {
  constructor(
    readonly label: LabelSelector = EVERYTHING_LABELS,
    readonly field: FieldSelector = EVERYTHING_FIELDS,
  ) {}

  empty(): boolean {
    return this.label.empty() && this.field.empty();
  }

  matches(attrs: Attrs): boolean {
    return this.label.matches(attrs.labels) && this.field.matches(attrs.fields);
  }

  /** The name `metadata.name=<x>` pins, if any (MatchesSingle). */
  matchesSingle(): string | undefined {
    return this.field.requiresExactMatch('metadata.name');
  }

  /** The namespace `metadata.namespace=<x>` pins, if any (MatchesSingleNamespace). */
  matchesSingleNamespace(): string | undefined {
    return this.field.requiresExactMatch('metadata.namespace');
  }

  /** Whether the field selector reads only metadata.name and metadata.namespace. */
  onlyMetadataFields(): boolean {
    return this.field.requirements.every((r) => r.field === 'metadata.name' || r.field === 'metadata.namespace');
  }
}

/**
 * A LabelSelector object (metav1.LabelSelector) in its query-string form, as
 * LabelSelectorAsSelector(...).String() writes it; a string (a custom resource's selector
 * path) is returned as it is.
 */
export function labelSelectorString(selector: unknown): string {
  if (typeof selector === 'string') return selector;
  if (selector === null || typeof selector !== 'object') return '';
  try {
    return labelSelectorAsSelector(selector as LabelSelectorObject).toString();
  } catch {
    return '';
  }
}
