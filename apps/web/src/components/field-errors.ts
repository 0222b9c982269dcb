import type { FormInstance } from 'antd';
import type { FieldError } from '@writ/contracts/web';
import { fieldRuleText, type Translate } from '../i18n';

type FieldData<V> = Parameters<FormInstance<V>['setFields']>[0][number];
/** A field of a form of values `V`, as antd names it: 'note', ['basis', 'kind'], ['teams', 0, 'name']. */
export type FormFieldPath<V> = NonNullable<FieldData<V>['name']>;

/** A server field path as segments: `teams[0].officerIds[1]` → ['teams', 0, 'officerIds', 1]. */
export function fieldSegments(field: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const part of field.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) return [field];
    if (match[1]) segments.push(match[1]);
    for (const index of (match[2] ?? '').matchAll(/\[(\d+)\]/g)) segments.push(Number(index[1]));
  }
  return segments;
}

/** A field error in the reader's language where its rule is known; the server's own words otherwise. */
export function fieldErrorText(t: Translate, fieldError: FieldError): string {
  return fieldRuleText(t, fieldError.rule) ?? fieldError.message;
}

/**
 * Puts each server field error on the form field `formPathOf` names (null when the form has no such
 * field); returns those that match no field, for the page to show elsewhere.
 */
export function placeFieldErrors<V>(
  t: Translate,
  form: FormInstance<V>,
  fieldErrors: readonly FieldError[],
  formPathOf: (field: string, values: V) => FormFieldPath<V> | null,
): FieldError[] {
  const values = form.getFieldsValue(true) as V;
  const byPath = new Map<string, FieldData<V> & { errors: string[] }>();
  const unplaced: FieldError[] = [];
  for (const fieldError of fieldErrors) {
    const name = formPathOf(fieldError.field, values);
    if (!name) {
      unplaced.push(fieldError);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byPath.get(key) ?? { name, errors: [] as string[] };
    entry.errors.push(fieldErrorText(t, fieldError));
    byPath.set(key, entry);
  }
  form.setFields([...byPath.values()]);
  return unplaced;
}
