/** Dates in the UI: shown dd/mm/yyyy in both languages, sent to the API as YYYY-MM-DD. */
import dayjs, { type Dayjs } from 'dayjs';
import { formatVnDate, todayVn } from '../../../src/core/dates';

export const DATE_FORMAT = 'DD/MM/YYYY';

export { todayVn };

/** "2021-06-30" → "30/06/2021"; empty for null. */
export function formatDate(iso: string | null | undefined): string {
  return iso ? formatVnDate(iso) : '';
}

/** An instant (ISO UTC) shown as "30/06/2021 14:05" in Vietnam time. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '';
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
  }).formatToParts(new Date(iso));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

export function toDayjs(iso: string | null | undefined): Dayjs | null {
  return iso ? dayjs(iso, 'YYYY-MM-DD') : null;
}

export function toIso(value: Dayjs | null | undefined): string | undefined {
  return value ? value.format('YYYY-MM-DD') : undefined;
}

/** The day before an ISO date (when a unit closed on D, it last existed on D-1). */
export function dayBefore(iso: string): string {
  return dayjs(iso, 'YYYY-MM-DD').subtract(1, 'day').format('YYYY-MM-DD');
}
