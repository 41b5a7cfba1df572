/** Calendar dates are ISO strings "YYYY-MM-DD" everywhere; instants are ISO strings in UTC. */

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return date.getUTCFullYear() === +m[1] && date.getUTCMonth() === +m[2] - 1 && date.getUTCDate() === +m[3];
}

/** Today's date in Vietnam (the business day), as YYYY-MM-DD. */
export function todayVn(now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone: VN_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** "24/02/2021" */
export function formatVnDate(date: IsoDate): string {
  const [y, m, d] = date.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** "Hải Phòng, ngày 24 tháng 02 năm 2021" — the place-date line of official documents. */
export function placeDateLine(place: string, date: IsoDate): string {
  const [y, m, d] = date.slice(0, 10).split('-');
  return `${place}, ngày ${d} tháng ${m} năm ${y}`;
}

/** "Thứ Tư, 24/02/2021 09:49" — the news portal's date line, in Vietnam time. */
export function newsDateLine(instant: string | Date): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const parts = new Intl.DateTimeFormat('vi-VN', {
    timeZone: VN_TIME_ZONE, weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric',
    hour: '2-digit', minute: '2-digit', hour12: false,
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = get('weekday').replace(/^thứ/, 'Thứ').replace(/^chủ nhật/i, 'Chủ Nhật');
  const titled = weekday.replace(/ (\p{Ll})/u, (_, c: string) => ` ${c.toUpperCase()}`);
  return `${titled}, ${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}
