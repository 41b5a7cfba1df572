/** Figures as Vietnamese readers write them, and the colours of statuses. */
import { currentLang } from '../../i18n';

export function formatFigure(value: number | string | boolean | null | undefined, yesNo?: { yes: string; no: string }): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? yesNo?.yes ?? '✓' : yesNo?.no ?? '✗';
  if (typeof value === 'string') return value;
  return new Intl.NumberFormat(currentLang() === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 2 }).format(value);
}

export const STATUS_COLORS: Record<string, string> = {
  draft: 'default', submitted: 'processing', accepted: 'success', returned: 'warning', none: 'default',
  on_time: 'success', late: 'orange', missing: 'error', not_due: 'default',
};

export const reportKeys = {
  all: ['reports'] as const,
  report: (id: number) => ['reports', 'report', id] as const,
  list: (q: object) => ['reports', 'list', q] as const,
  compiled: (id: number) => ['reports', 'compiled', id] as const,
  flags: (id: number) => ['reports', 'flags', id] as const,
  inbox: (status: string) => ['reports', 'inbox', status] as const,
  schedules: (q: object) => ['reports', 'schedules', q] as const,
  consolidation: (q: object) => ['reports', 'consolidation', q] as const,
  completeness: (q: object) => ['reports', 'completeness', q] as const,
  trend: (q: object) => ['reports', 'trend', q] as const,
  forms: ['reports', 'forms'] as const,
};
