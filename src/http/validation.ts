/**
 * Request validation with zod, and the words for what is wrong, per field, in the user's language.
 * The validator keeps zod's issues; the error handler turns them into messages once it knows
 * the request's language.
 */
import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { isBilingual, msg, pickMessage } from '../core/contract';
import type { FieldIssue } from '../core/errors';

export class RequestValidationError extends Error {
  statusCode = 400;
  constructor(readonly issues: z.core.$ZodIssue[], readonly part?: string) {
    super('request validation failed');
  }
}

export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema }) => (data) => {
  const result = schema.safeParse(data, { reportInput: true });
  if (!result.success) return { error: new RequestValidationError(result.error.issues) as unknown as Error };
  const nul = nulCharacterIssues(result.data);
  if (nul.length) return { error: new RequestValidationError(nul) as unknown as Error };
  return { value: result.data };
};

/**
 * Text with a NUL character cannot be stored in PostgreSQL and has no business in any field;
 * it is refused for every route here, naming the field, instead of failing at the database.
 */
function nulCharacterIssues(value: unknown, path: PropertyKey[] = [], out: z.core.$ZodIssue[] = []): z.core.$ZodIssue[] {
  if (out.length >= 20) return out;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) {
      out.push({ code: 'custom', path, input: value, message: msg('không được chứa ký tự NUL (\\u0000)', 'must not contain the NUL character (\\u0000)') });
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) nulCharacterIssues(item, [...path, Array.isArray(value) ? Number(key) : key], out);
  }
  return out;
}

type Lang = 'vi' | 'en';

const SIZE_UNITS: Record<string, { vi: string; en: string }> = {
  string: { vi: 'ký tự', en: 'characters' },
  array: { vi: 'mục', en: 'items' },
  set: { vi: 'mục', en: 'items' },
  file: { vi: 'byte', en: 'bytes' },
};

const TYPE_NAMES: Record<string, { vi: string; en: string }> = {
  string: { vi: 'chuỗi ký tự', en: 'text' },
  number: { vi: 'số', en: 'a number' },
  int: { vi: 'số nguyên', en: 'an integer' },
  boolean: { vi: 'đúng/sai', en: 'true/false' },
  array: { vi: 'danh sách', en: 'a list' },
  object: { vi: 'đối tượng', en: 'an object' },
  date: { vi: 'ngày', en: 'a date' },
};

function typeName(type: string, lang: Lang) {
  return TYPE_NAMES[type]?.[lang] ?? type;
}

function describe(issue: z.core.$ZodIssue, lang: Lang): string {
  const vi = lang === 'vi';
  if (issue.message && isBilingual(issue.message)) return pickMessage(issue.message, lang);
  const i = issue as z.core.$ZodIssue & Record<string, any>;
  switch (issue.code) {
    case 'invalid_type':
      if (i.input === undefined) return vi ? 'bắt buộc phải có' : 'is required';
      if (i.expected === 'number' && typeof i.input === 'number' && !Number.isFinite(i.input)) return vi ? 'phải là số hữu hạn' : 'must be a finite number';
      return vi ? `phải là ${typeName(i.expected, lang)}` : `must be ${typeName(i.expected, lang)}`;
    case 'too_small': {
      const unit = SIZE_UNITS[i.origin]?.[lang];
      const min = Number(i.minimum);
      if (i.origin === 'string' && min === 1) return vi ? 'không được để trống' : 'must not be empty';
      if (unit) return vi ? `cần ít nhất ${min} ${unit}` : `needs at least ${min} ${unit}`;
      return vi ? `phải ${i.inclusive ? '≥' : '>'} ${i.minimum}` : `must be ${i.inclusive ? '≥' : '>'} ${i.minimum}`;
    }
    case 'too_big': {
      const unit = SIZE_UNITS[i.origin]?.[lang];
      if (unit) return vi ? `tối đa ${i.maximum} ${unit}` : `at most ${i.maximum} ${unit}`;
      return vi ? `phải ${i.inclusive ? '≤' : '<'} ${i.maximum}` : `must be ${i.inclusive ? '≤' : '<'} ${i.maximum}`;
    }
    case 'invalid_format':
      if (i.format === 'email') return vi ? 'không phải địa chỉ email hợp lệ' : 'is not a valid e-mail address';
      return vi ? 'sai định dạng' : 'has the wrong format';
    case 'invalid_value':
      return vi ? `phải là một trong: ${(i.values ?? []).join(', ')}` : `must be one of: ${(i.values ?? []).join(', ')}`;
    case 'invalid_union':
      return vi ? 'không khớp dạng nào được chấp nhận' : 'matches none of the accepted shapes';
    case 'unrecognized_keys':
      return vi ? `có trường không được phép: ${(i.keys ?? []).join(', ')}` : `has unknown fields: ${(i.keys ?? []).join(', ')}`;
    case 'not_multiple_of':
      return vi ? `phải là bội số của ${i.divisor}` : `must be a multiple of ${i.divisor}`;
    default:
      return vi ? 'không hợp lệ' : 'is invalid';
  }
}

/** `["parts", 0, "code"]` → `parts.0.code`; the request part (body, query) when the value itself is wrong. */
function fieldName(path: PropertyKey[], part: string | undefined): string {
  if (path.length === 0) return part ?? 'body';
  return path.map(String).join('.');
}

export function issuesToFields(issues: z.core.$ZodIssue[], part: string | undefined): FieldIssue[] {
  return issues.map((issue) => {
    const field = fieldName(issue.path, part);
    return { field, message: { vi: describe(issue, 'vi'), en: describe(issue, 'en') } };
  });
}
