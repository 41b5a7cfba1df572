/**
 * Choose several registry documents by number or title (searched without diacritics), e.g. what a
 * plan implements; the documents pages' DocumentSelect picks one.
 */
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { listDocuments } from '../../api/documents';
import { useDebounced } from '../../lib/useDebounced';
export interface KnownDocument { id: number; number: string | null; title: string }

const label = (d: KnownDocument) => `${d.number ? `${d.number} — ` : ''}${d.title}`;

export function DocumentSelect({ value, onChange, known = [], placeholder, id }: {
  value?: number[]; onChange?: (ids: number[]) => void; known?: KnownDocument[]; placeholder?: string; id?: string;
}) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const found = useQuery({
    queryKey: ['documents', 'search', q],
    queryFn: ({ signal }) => listDocuments({ q: q || undefined, limit: 20 }, signal),
    staleTime: 60_000,
  });
  // Names of chosen documents stay known even when the current search does not return them.
  const [seen, setSeen] = useState(new Map<number, KnownDocument>(known.map((d) => [d.id, d])));
  useEffect(() => {
    if (!found.data) return;
    setSeen((prev) => {
      const next = new Map(prev);
      for (const d of found.data.items) next.set(d.id, { id: d.id, number: d.number, title: d.title });
      return next;
    });
  }, [found.data]);
  const options = useMemo(() => {
    const ids = new Set([...(value ?? []), ...(found.data?.items ?? []).map((d) => d.id)]);
    return [...ids].flatMap((docId) => {
      const d = seen.get(docId);
      return d ? [{ value: d.id, label: label(d) }] : [];
    });
  }, [value, found.data, seen]);

  return (
    <Select<number[]>
      id={id} mode="multiple" showSearch filterOption={false} value={value ?? []} onChange={(ids) => onChange?.(ids)}
      onSearch={setSearch} loading={found.isFetching} options={options} placeholder={placeholder} style={{ width: '100%' }}
      data-testid="document-select"
    />
  );
}
