/** Plans: list, read, draft, issue, amend, close, concretize, coverage, progress and evidence. */
import type { z } from 'zod';
import type { coverageView } from '../../../src/modules/plans/plan-cascade.contract';
import type {
  closeBody, concretizeBody, createPlanBody, issueAmendmentBody, issueBody, listPlansQuery, planComparison, planContentBody,
  planList, planTaskInput, planVersionSummary, planView, progressBody, progressView,
} from '../../../src/modules/plans/plans.contract';
import { api, request } from './client';

export type Plan = z.infer<typeof planView>;
export type PlanTask = Plan['tasks'][number];
export type PlanList = z.infer<typeof planList>;
export type PlanSummary = PlanList['items'][number];
export type ListPlansQuery = z.input<typeof listPlansQuery>;
export type PlanContentInput = z.input<typeof planContentBody>;
export type PlanTaskInput = z.input<typeof planTaskInput>;
export type CreatePlanInput = z.input<typeof createPlanBody>;
export type IssueInput = z.input<typeof issueBody>;
export type IssueAmendmentInput = z.input<typeof issueAmendmentBody>;
export type CloseInput = z.input<typeof closeBody>;
export type ConcretizeInput = z.input<typeof concretizeBody>;
export type PlanVersion = z.infer<typeof planVersionSummary>;
export type PlanComparison = z.infer<typeof planComparison>;
export type Coverage = z.infer<typeof coverageView>;
export type CoverageRow = Coverage['rows'][number];
export type Progress = z.infer<typeof progressView>;
export type ProgressInput = z.input<typeof progressBody>;

export const listPlans = (query: ListPlansQuery, signal?: AbortSignal) => api.get<PlanList>('/plans', query, signal);
export const getPlan = (id: number, signal?: AbortSignal) => api.get<Plan>(`/plans/${id}`, undefined, signal);
export const createPlan = (input: CreatePlanInput) => api.post<Plan>('/plans', input);
export const savePlan = (id: number, input: PlanContentInput) => request<Plan>('PUT', `/plans/${id}`, { body: input });
export const deletePlan = (id: number) => api.delete<{ ok: true }>(`/plans/${id}`);
export const issuePlan = (id: number, input: IssueInput) => api.post<Plan>(`/plans/${id}/issue`, input);
export const openAmendment = (id: number) => api.post<Plan>(`/plans/${id}/amendment`);
export const discardAmendment = (id: number) => api.delete<Plan>(`/plans/${id}/amendment`);
export const issueAmendment = (id: number, input: IssueAmendmentInput) => api.post<Plan>(`/plans/${id}/amendment/issue`, input);
export const closePlan = (id: number, input: CloseInput) => api.post<Plan>(`/plans/${id}/close`, input);
export const concretize = (id: number, input: ConcretizeInput) => api.post<Plan>(`/plans/${id}/concretize`, input);
export const getCoverage = (id: number, signal?: AbortSignal) => api.get<Coverage>(`/plans/${id}/coverage`, undefined, signal);
export const listVersions = (id: number) => api.get<PlanVersion[]>(`/plans/${id}/versions`);
export const compareVersions = (id: number, from: number, to: number) => api.get<PlanComparison>(`/plans/${id}/compare`, { from, to });
export const listProgress = (planId: number, taskId: number) => api.get<Progress[]>(`/plans/${planId}/tasks/${taskId}/progress`);
export const postProgress = (planId: number, taskId: number, input: ProgressInput) => api.post<Progress>(`/plans/${planId}/tasks/${taskId}/progress`, input);

export const planDocxUrl = (id: number) => `/api/v1/plans/${id}/export.docx`;
export const progressFileUrl = (planId: number, progressId: number, fileId: number) => `/api/v1/plans/${planId}/progress/${progressId}/files/${fileId}`;
export const progressFilesPath = (planId: number, progressId: number) => `/plans/${planId}/progress/${progressId}/files`;
