/**
 * Form validation that reuses the server's zod contracts, and server errors shown on the
 * fields they name. Messages are the ones the API would give (same describer, same
 * bilingual `msg(vi, en)` texts), in the current language.
 */
import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import type { z } from 'zod';
import { issuesToFields } from '../../../src/http/validation';
import { ApiError, NetworkError } from '../api/client';
import { currentLang, i18n } from '../i18n';

type NamePath = Array<string | number>;

/** Server field path "parts.0.code" → antd name path ['parts', 0, 'code']. */
export function toNamePath(field: string): NamePath {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** An antd rule checking one value against a zod schema (a contract field). */
export function zodRule(schema: z.ZodType): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      // Empty optional inputs arrive as '' from antd; the API receives them as absent.
      const input = value === '' || value === null ? undefined : value;
      const result = schema.safeParse(input, { reportInput: true });
      if (result.success) return;
      // Coercing schemas (ids) turn "nothing chosen" into NaN; say what the person did: nothing.
      if (input === undefined) throw new Error(i18n.t('fields.required'));
      const [first] = issuesToFields(result.error.issues, undefined);
      throw new Error(first.message[currentLang()]);
    },
  };
}

/**
 * Check a whole request body with its contract before sending; problems are put on the form's
 * fields. Returns the parsed body, or null when something is wrong.
 */
export function validateBody<S extends z.ZodType>(form: FormInstance, schema: S, body: unknown, fieldMap?: (field: string) => NamePath | null): z.output<S> | null {
  const result = schema.safeParse(body, { reportInput: true });
  if (result.success) return result.data;
  const problems = issuesToFields(result.error.issues, undefined).map((f) => ({ field: f.field, message: f.message[currentLang()] }));
  showProblems(form, problems, fieldMap);
  return null;
}

function showProblems(form: FormInstance, problems: Array<{ field: string; message: string }>, fieldMap?: (field: string) => NamePath | null): string[] {
  const leftover: string[] = [];
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  for (const p of problems) {
    const name = fieldMap ? fieldMap(p.field) : toNamePath(p.field);
    if (!name || !isFieldRegistered(form, name)) {
      leftover.push(p.message);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(p.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return leftover;
}

/** Registered fields are exactly the keys of getFieldsValue() (undefined values included). */
function isFieldRegistered(form: FormInstance, name: NamePath): boolean {
  let value: unknown = form.getFieldsValue();
  for (const part of name) {
    if (value === null || typeof value !== 'object' || !(part in (value as object))) return false;
    value = (value as Record<string | number, unknown>)[part];
  }
  return true;
}

/**
 * Put an API error on the form: field problems on their fields; returns the message to show
 * for everything that no field can carry (null when every problem found its field).
 */
export function applyApiError(form: FormInstance, error: unknown, fieldMap?: (field: string) => NamePath | null): string | null {
  if (error instanceof ApiError) {
    const problems = error.fieldProblems();
    if (problems.length === 0) return error.message;
    const leftover = showProblems(form, problems, fieldMap);
    if (leftover.length === 0) return null;
    return error.code === 'validation_failed' ? leftover.join('; ') : error.message;
  }
  return errorText(error);
}

/** The words to show for any error (API, network, or our own). */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof NetworkError) return i18n.t('errors.network');
  return (error as Error)?.message ?? String(error);
}
