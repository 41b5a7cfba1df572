/** The organization hierarchy: trees as of a date, unit details, restructuring. */
import type { z } from 'zod';
import type {
  createUnitBody, dissolveBody, hierarchy, mergeBody, moveBody, orgKind, orgTreeQuery, orgTreeResponse, orgUnit,
  orgUnitDetail, renameBody, restructureResult, splitBody,
} from '../../../src/modules/orgs/orgs.contract';
import { api } from './client';

export type OrgUnit = z.infer<typeof orgUnit>;
export type OrgUnitDetail = z.infer<typeof orgUnitDetail>;
export type OrgTree = z.infer<typeof orgTreeResponse>;
export type OrgTreeQuery = z.input<typeof orgTreeQuery>;
export type OrgKind = z.infer<typeof orgKind>;
export type Hierarchy = z.infer<typeof hierarchy>;
export type LineageEvent = OrgUnitDetail['lineage']['predecessors'][number];
export type RestructureResult = z.infer<typeof restructureResult>;
export type CreateUnitInput = z.input<typeof createUnitBody>;
export type RenameInput = z.input<typeof renameBody>;
export type MoveInput = z.input<typeof moveBody>;
export type MergeInput = z.input<typeof mergeBody>;
export type SplitInput = z.input<typeof splitBody>;
export type DissolveInput = z.input<typeof dissolveBody>;

export const fetchTree = (query: OrgTreeQuery, signal?: AbortSignal) => api.get<OrgTree>('/org-units', query, signal);
export const fetchUnit = (id: number, asOf?: string, signal?: AbortSignal) => api.get<OrgUnitDetail>(`/org-units/${id}`, { asOf }, signal);
export const fetchKinds = () => api.get<OrgKind[]>('/org-kinds');
export const fetchHierarchies = () => api.get<Hierarchy[]>('/org-hierarchies');

export const createUnit = (input: CreateUnitInput) => api.post<OrgUnit>('/org-units', input);
export const renameUnit = (id: number, input: RenameInput) => api.post<RestructureResult>(`/org-units/${id}/rename`, input);
export const moveUnit = (id: number, input: MoveInput) => api.post<RestructureResult>(`/org-units/${id}/move`, input);
export const splitUnit = (id: number, input: SplitInput) => api.post<RestructureResult>(`/org-units/${id}/split`, input);
export const dissolveUnit = (id: number, input: DissolveInput) => api.post<RestructureResult>(`/org-units/${id}/dissolve`, input);
export const mergeUnits = (input: MergeInput) => api.post<RestructureResult>('/org-merges', input);
