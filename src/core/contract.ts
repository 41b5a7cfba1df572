/**
 * Zod building blocks shared by every contract (server validation, OpenAPI, web forms).
 * Custom messages carry both languages (`msg(vi, en)`); `pickMessage` chooses one at the
 * edge (HTTP error, web form), so a contract is written once for both.
 */
import { z } from 'zod';
import { isIsoDate } from './dates';

const SEPARATOR = '\u0000';

export function msg(vi: string, en: string): string {
  return `${vi}${SEPARATOR}${en}`;
}

export function pickMessage(message: string, lang: 'vi' | 'en'): string {
  const at = message.indexOf(SEPARATOR);
  if (at < 0) return message;
  return lang === 'en' ? message.slice(at + 1) : message.slice(0, at);
}

export function isBilingual(message: string): boolean {
  return message.includes(SEPARATOR);
}

export const isoDate = z.string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: msg('phải là ngày dạng YYYY-MM-DD', 'must be a date YYYY-MM-DD') })
  .refine(isIsoDate, { message: msg('không phải là ngày có thật', 'is not a real calendar date') })
  .meta({ format: 'date', example: '2021-06-30' });

export const id = z.coerce.number<number>().int().positive().max(2_147_483_647);

export const idParams = z.object({ id });

export const nonEmpty = (max: number) => z.string().trim().min(1).max(max);

export const hierarchyCode = z.string().trim().min(1).max(32).regex(/^[a-z][a-z0-9_]*$/);

export const pageQuery = z.object({
  limit: z.coerce.number<number>().int().min(1).max(500).default(50),
  offset: z.coerce.number<number>().int().min(0).max(10_000_000).default(0),
});

export const okResponse = z.object({ ok: z.literal(true) });

export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
}).meta({ id: 'Error' });
