/**
 * "Sổ văn bản": the registry of directives, resolutions, plans, reports … Search without
 * diacritics or by number in any spelling, filter by kind, issuer and year, open a document,
 * register one, or go to the citation-extraction box.
 */
import { FileSearchOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { listDocuments, type DocumentView } from '../../api/documents';
import { canAnywhere } from '../../auth/permissions';
import { useCurrentUser } from '../../auth/session';
import { PageTitle } from '../../components/PageTitle';
import { errorText } from '../../forms/validation';
import { formatDate } from '../../lib/dates';
import { DocumentFormModal } from './DocumentFormModal';
import { DOCUMENTS_NS } from './i18n';
import { documentsKey } from './keys';
import { kindLabel, kindOptions } from './kinds';
import { useDebounced } from '../../lib/useDebounced';

const PAGE_SIZE = 50;

export default function DocumentsPage() {
  const { t } = useTranslation(DOCUMENTS_NS);
  const { t: tc } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [issuer, setIssuer] = useState('');
  const [kind, setKind] = useState<string | undefined>();
  const [year, setYear] = useState<number | null>(null);
  const [page, setPage] = useState(0);
  const [creating, setCreating] = useState(false);
  const q = useDebounced(search.trim(), 300);
  const issuerQ = useDebounced(issuer.trim(), 300);

  useEffect(() => setPage(0), [q, issuerQ, kind, year]);

  const query = {
    q: q || undefined, issuer: issuerQ || undefined, kind: kind as DocumentView['kind'] | undefined,
    year: year ?? undefined, limit: PAGE_SIZE, offset: page * PAGE_SIZE,
  };
  const documents = useQuery({
    queryKey: [...documentsKey, 'list', query],
    queryFn: ({ signal }) => listDocuments(query, signal),
    placeholderData: keepPreviousData,
  });
  const total = documents.data?.total ?? 0;
  const mayManage = canAnywhere(me, 'document.manage');

  return (
    <>
      <PageTitle
        title={t('title')}
        extra={(
          <Space wrap>
            <Link to="/documents/extract"><Button icon={<FileSearchOutlined />} data-testid="open-extract">{t('extract')}</Button></Link>
            {mayManage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="register-document">{t('register')}</Button>}
          </Space>
        )}
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 10, alignItems: 'center' }}>
          <Input
            allowClear prefix={<SearchOutlined className="muted" />} placeholder={t('search')} aria-label={t('search')}
            value={search} onChange={(e) => setSearch(e.target.value)} style={{ flex: '3 1 260px', minWidth: 0 }} data-testid="document-search"
          />
          <Select
            allowClear placeholder={t('kindFilter')} aria-label={t('kindFilter')} value={kind} onChange={setKind}
            options={kindOptions()} style={{ flex: '1 1 160px', minWidth: 0 }} data-testid="document-kind"
          />
          <Input
            allowClear placeholder={t('issuerFilter')} aria-label={t('issuerFilter')} value={issuer}
            onChange={(e) => setIssuer(e.target.value)} style={{ flex: '2 1 200px', minWidth: 0 }}
          />
          <InputNumber
            placeholder={t('yearFilter')} aria-label={t('yearFilter')} value={year} onChange={(v) => setYear(v ?? null)}
            min={1930} max={2100} style={{ flex: '0 1 130px' }}
          />
        </div>
      </Card>
      <Card size="small">
        {documents.isError && <Alert type="error" showIcon message={errorText(documents.error)} style={{ marginBottom: 8 }} />}
        <Table<DocumentView>
          rowKey="id"
          size="small"
          loading={documents.isFetching}
          dataSource={documents.data?.items ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('empty') }}
          onRow={(doc) => ({ onClick: () => navigate(`/documents/${doc.id}`), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: t('columns.number'), key: 'number',
              render: (_: unknown, doc) => (
                <Link to={`/documents/${doc.id}`} onClick={(e) => e.stopPropagation()}>
                  {doc.number ? <span className="mono">{doc.number}</span> : <Typography.Text type="secondary">{t('noNumber')}</Typography.Text>}
                </Link>
              ),
            },
            { title: t('columns.kind'), dataIndex: 'kind', render: (k: string) => kindLabel(k) },
            { title: t('columns.title'), dataIndex: 'title', render: (title: string) => <div style={{ maxWidth: 520, whiteSpace: 'normal' }}>{title}</div> },
            { title: t('columns.issuer'), dataIndex: 'issuerName', render: (name: string | null) => name ?? tc('fields.none') },
            { title: t('columns.issuedOn'), dataIndex: 'issuedOn', render: (d: string | null) => formatDate(d) || tc('fields.none') },
          ]}
        />
        <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'center', gap: 8, marginTop: 8 }}>
          <span className="muted" data-testid="document-total">{t('total', { count: total })}</span>
          {total > PAGE_SIZE && (
            <Space>
              <Button size="small" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>{tc('actions.previous')}</Button>
              <span className="muted">{t('page', { page: page + 1 })}</span>
              <Button size="small" disabled={(page + 1) * PAGE_SIZE >= total} onClick={() => setPage((p) => p + 1)}>{tc('actions.next')}</Button>
            </Space>
          )}
        </div>
      </Card>
      {creating && <DocumentFormModal onClose={() => setCreating(false)} onSaved={(doc) => { setCreating(false); navigate(`/documents/${doc.id}`); }} />}
    </>
  );
}
