/** Pick a registry document by typing its number or title (searched on the server, without diacritics). */
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { listDocuments } from '../../api/documents';
import { formatDate } from '../../lib/dates';
import { documentsKey } from './keys';
import { kindLabel } from './kinds';
import { useDebounced } from '../../lib/useDebounced';

export interface DocumentSelectProps {
  value?: number | null;
  onChange?: (value: number | undefined) => void;
  placeholder?: string;
  exclude?: readonly number[];
  /** Documents to offer even before any search (e.g. the one already chosen), with their labels. */
  known?: ReadonlyArray<{ value: number; label: string }>;
  id?: string;
  'aria-label'?: string;
  style?: React.CSSProperties;
}

export function DocumentSelect({ value, onChange, placeholder, exclude = [], known = [], id, style, ...rest }: DocumentSelectProps) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const found = useQuery({
    queryKey: [...documentsKey, 'select', q],
    queryFn: ({ signal }) => listDocuments({ q: q || undefined, limit: 20 }, signal),
  });
  const searched = (found.data?.items ?? [])
    .filter((d) => !exclude.includes(d.id))
    .map((d) => ({
      value: d.id,
      label: `${d.number ?? kindLabel(d.kind)} — ${d.title}${d.issuedOn ? ` (${formatDate(d.issuedOn)})` : ''}`,
    }));
  const options = [...known.filter((k) => !searched.some((s) => s.value === k.value)), ...searched];
  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      showSearch
      allowClear
      filterOption={false}
      onSearch={setSearch}
      loading={found.isFetching}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      placeholder={placeholder}
      options={options}
      style={{ width: '100%', ...style }}
      popupMatchSelectWidth={false}
    />
  );
}
