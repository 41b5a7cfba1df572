/** Reporting: forms, schedules, reports and their review, consolidation, completeness, notifications. */
import type { z } from 'zod';
import type { form, formSummary, indicatorSourceInfo, publishVersionBody, createFormBody } from '../../../src/modules/report-forms/report-forms.contract';
import type { createScheduleBody, reportingUnit, schedule, updateScheduleBody } from '../../../src/modules/report-schedules/report-schedules.contract';
import type { compiledNarrative, flag, report, reportDiff, reportSummary, reportVersion, saveDraftBody } from '../../../src/modules/reports/reports.contract';
import type { completeness, consolidation, trend } from '../../../src/modules/consolidation/consolidation.contract';
import type { notificationList } from '../../../src/modules/notifications/notifications.contract';
import { api, ApiError, NetworkError, currentCsrfToken, request } from './client';
import { currentLang } from '../i18n';

export type FormSummary = z.infer<typeof formSummary>;
export type Form = z.infer<typeof form>;
export type FormDefinition = Form['definition'];
export type Indicator = FormDefinition['indicators'][number];
export type IndicatorSourceInfo = z.infer<typeof indicatorSourceInfo>;
export type CreateFormInput = z.input<typeof createFormBody>;
export type PublishVersionInput = z.input<typeof publishVersionBody>;
export type Schedule = z.infer<typeof schedule>;
export type CreateScheduleInput = z.input<typeof createScheduleBody>;
export type UpdateScheduleInput = z.input<typeof updateScheduleBody>;
export type ReportingUnit = z.infer<typeof reportingUnit>;
export type ReportSummary = z.infer<typeof reportSummary>;
export type Report = z.infer<typeof report>;
export type ReportVersion = z.infer<typeof reportVersion>;
export type ReportDiff = z.infer<typeof reportDiff>;
export type CompiledNarrative = z.infer<typeof compiledNarrative>;
export type Flag = z.infer<typeof flag>;
export type Consolidation = z.infer<typeof consolidation>;
export type Completeness = z.infer<typeof completeness>;
export type Trend = z.infer<typeof trend>;
export type NotificationList = z.infer<typeof notificationList>;
export type SaveDraftInput = z.input<typeof saveDraftBody>;

export const listForms = (signal?: AbortSignal) => api.get<FormSummary[]>('/report-forms', {}, signal);
export const getForm = (id: number, version?: number) => api.get<Form>(`/report-forms/${id}`, { version });
export const createForm = (input: CreateFormInput) => api.post<Form>('/report-forms', input);
export const publishVersion = (id: number, input: PublishVersionInput) => api.post<Form>(`/report-forms/${id}/versions`, input);
export const listIndicatorSources = () => api.get<IndicatorSourceInfo[]>('/indicator-sources');

export const listSchedules = (query: { unit?: number; plan?: number }, signal?: AbortSignal) => api.get<Schedule[]>('/report-schedules', query, signal);
export const getSchedule = (id: number) => api.get<Schedule>(`/report-schedules/${id}`);
export const createSchedule = (input: CreateScheduleInput) => api.post<Schedule>('/report-schedules', input);
export const updateSchedule = (id: number, input: UpdateScheduleInput) => api.patch<Schedule>(`/report-schedules/${id}`, input);
export const reportingUnits = (id: number, period: string) => api.get<ReportingUnit[]>(`/report-schedules/${id}/units`, { period });

export const listReports = (query: { schedule?: number; period?: string; unit?: number; status?: string }, signal?: AbortSignal) => api.get<ReportSummary[]>('/reports', query, signal);
export const openReport = (input: { scheduleId: number; period: string; unitId: number }) => api.post<Report>('/reports', input);
export const getReport = (id: number, signal?: AbortSignal) => api.get<Report>(`/reports/${id}`, {}, signal);
export const saveDraft = (id: number, input: SaveDraftInput) => request<{ id: number; version: number }>('PUT', `/reports/${id}`, { body: input });
export const submitReport = (id: number, version: number) => api.post<{ id: number; status: string; version: number; seq: number; warnings: string[] }>(`/reports/${id}/submit`, { version });
export const acceptReport = (id: number, comment?: string) => api.post<{ id: number; status: string }>(`/reports/${id}/accept`, comment ? { comment } : {});
export const returnReport = (id: number, comment: string) => api.post<{ id: number; status: string }>(`/reports/${id}/return`, { comment });
export const getVersion = (id: number, seq: number) => api.get<ReportVersion>(`/reports/${id}/versions/${seq}`);
export const diffReport = (id: number, from: number, to: number | 'draft') => api.get<ReportDiff>(`/reports/${id}/diff`, { from, to });
export const compiled = (id: number) => api.get<CompiledNarrative>(`/reports/${id}/compiled`);
export const reportFlags = (id: number) => api.get<Flag[]>(`/reports/${id}/flags`);
export const addHighlight = (id: number, input: { section: string; paragraph: number; note?: string }) => api.post<{ id: number }>(`/reports/${id}/highlights`, input);
export const removeHighlight = (id: number, highlightId: number) => api.delete<{ ok: true }>(`/reports/${id}/highlights/${highlightId}`);
export const reviewInbox = (status: 'submitted' | 'accepted' | 'returned', signal?: AbortSignal) => api.get<ReportSummary[]>('/review-inbox', { status }, signal);

export interface ConsolidationParams { unit: number; period: string; structure: 'then' | 'now'; schedule?: number }
export const getConsolidation = (q: ConsolidationParams, signal?: AbortSignal) => api.get<Consolidation>('/consolidation', { ...q }, signal);
export const getCompleteness = (q: { unit: number; period: string; schedule?: number }, signal?: AbortSignal) => api.get<Completeness>('/completeness', q, signal);
export const getTrend = (q: { unit: number; schedule: number }, signal?: AbortSignal) => api.get<Trend>('/consolidation/trend', q, signal);

export const listNotifications = (query: { unread?: boolean }, signal?: AbortSignal) => api.get<NotificationList>('/notifications', { unread: query.unread ? 'true' : undefined }, signal);
export const markNotificationsRead = (ids: number[] | 'all') => api.post<{ updated: number }>('/notifications/read', { ids });

/** A file URL under /api/v1 with a query (downloads open in the browser with the session cookie). */
export function fileUrl(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams({ lang: currentLang() });
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  return `/api/v1${path}?${params.toString()}`;
}

/** Upload a spreadsheet of figures into a draft (multipart, CSRF header like every write). */
export async function importFigures(id: number, version: number, file: File): Promise<{ id: number; version: number; imported: number }> {
  const csrf = currentCsrfToken();
  const body = new FormData();
  body.append('file', file);
  let response: Response;
  try {
    response = await fetch(`/api/v1/reports/${id}/import.xlsx?version=${version}`, {
      method: 'POST', body, credentials: 'same-origin', headers: { 'Accept-Language': currentLang(), ...(csrf ? { 'X-CSRF-Token': csrf } : {}) },
    });
  } catch (error) {
    throw new NetworkError(error);
  }
  const payload = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, payload?.error?.code ?? 'http_error', payload?.error?.message ?? response.statusText, payload?.error?.details);
  return payload;
}
