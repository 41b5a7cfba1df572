/**
 * Shared queries about the organization: hierarchies, kinds, the tree of a hierarchy as of a
 * date (indexed for display and search). Cached by React Query, so every picker and page that
 * asks for the same tree and date shares one request.
 */
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchHierarchies, fetchKinds, fetchTree, fetchUnit, type Hierarchy, type OrgKind } from '../../api/orgs';
import { buildTreeIndex, type TreeIndex } from './tree-index';

export const orgKeys = {
  all: ['orgs'] as const,
  tree: (hierarchy: string, asOf: string) => ['orgs', 'tree', hierarchy, asOf] as const,
  unit: (id: number, asOf: string) => ['orgs', 'unit', id, asOf] as const,
  kinds: ['orgs', 'kinds'] as const,
  hierarchies: ['orgs', 'hierarchies'] as const,
};

export function useHierarchies() {
  return useQuery({ queryKey: orgKeys.hierarchies, queryFn: fetchHierarchies, staleTime: Infinity });
}

export function useKinds() {
  return useQuery({ queryKey: orgKeys.kinds, queryFn: fetchKinds, staleTime: 10 * 60_000 });
}

/** Name of a kind or hierarchy in the current language. */
export function useLocalizedName() {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  return useCallback(
    (item: OrgKind | Hierarchy | undefined, fallback: string) => (item ? (english ? item.nameEn : item.nameVi) : fallback),
    [english],
  );
}

export function useKindLookup() {
  const kinds = useKinds();
  const name = useLocalizedName();
  // The order map only changes with the kinds themselves, so tree indexes built on it stay cached.
  const { byCode, order } = useMemo(() => ({
    byCode: new Map((kinds.data ?? []).map((k) => [k.code, k])),
    order: new Map((kinds.data ?? []).map((k, i) => [k.code, i])),
  }), [kinds.data]);
  return useMemo(
    () => ({ order, ready: kinds.isSuccess, label: (code: string) => name(byCode.get(code), code) }),
    [order, byCode, kinds.isSuccess, name],
  );
}

export function useOrgTree(hierarchy: string, asOf: string, enabled = true) {
  const query = useQuery({
    queryKey: orgKeys.tree(hierarchy, asOf),
    queryFn: ({ signal }) => fetchTree({ hierarchy, asOf }, signal),
    enabled,
    staleTime: 60_000,
  });
  const kinds = useKindLookup();
  const index: TreeIndex | undefined = useMemo(
    () => (query.data ? buildTreeIndex(query.data.units, kinds.order) : undefined),
    [query.data, kinds.order],
  );
  return { ...query, index };
}

export function useUnitDetail(id: number | null, asOf: string) {
  return useQuery({
    queryKey: orgKeys.unit(id ?? 0, asOf),
    queryFn: ({ signal }) => fetchUnit(id!, asOf, signal),
    enabled: id !== null,
  });
}
