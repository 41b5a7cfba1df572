/**
 * "Tin bài": the articles of the units one writes for, by workflow status, searchable without
 * diacritics; start a new draft from here.
 */
import { PlusOutlined, SearchOutlined, TagsOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Space, Table, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { listArticles, type ArticleStatus, type ArticleList } from '../../api/news';
import { canAnywhere } from '../../auth/permissions';
import { useCurrentUser } from '../../auth/session';
import { PageTitle } from '../../components/PageTitle';
import { errorText } from '../../forms/validation';
import { formatInstant } from '../../lib/dates';
import { CreateArticleModal } from './CreateArticleModal';
import { NEWS_NS } from './i18n';
import { StatusTag } from './StatusTag';
import { useDebounced } from '../../lib/useDebounced';

const PAGE_SIZE = 30;
const TABS: Array<ArticleStatus | 'all'> = ['all', 'draft', 'in_review', 'published', 'unpublished'];

export default function NewsListPage() {
  const { t } = useTranslation(NEWS_NS);
  const { t: tc } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [tab, setTab] = useState<ArticleStatus | 'all'>('all');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(0);
  const [creating, setCreating] = useState(false);
  const q = useDebounced(search.trim(), 300);
  useEffect(() => setPage(0), [q, tab]);

  const query = { status: tab === 'all' ? undefined : tab, q: q || undefined, limit: PAGE_SIZE, offset: page * PAGE_SIZE };
  const articles = useQuery({
    queryKey: ['news', 'articles', query],
    queryFn: ({ signal }) => listArticles(query, signal),
    placeholderData: keepPreviousData,
  });
  const counts = articles.data?.counts ?? {};
  const total = (s: ArticleStatus | 'all') => (s === 'all' ? Object.values(counts).reduce((a, b) => a + b, 0) : counts[s] ?? 0);
  const pages = Math.max(1, Math.ceil((articles.data?.total ?? 0) / PAGE_SIZE));

  return (
    <>
      <PageTitle
        title={t('title')}
        extra={(
          <Space wrap>
            {canAnywhere(me, 'news.category.manage') && <Link to="/news/categories"><Button icon={<TagsOutlined />}>{t('categories.manage')}</Button></Link>}
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-article">{t('create')}</Button>
          </Space>
        )}
      />
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as ArticleStatus | 'all')}
          items={TABS.map((s) => ({ key: s, label: `${s === 'all' ? t('all') : t(`statuses.${s}`)} (${total(s)})` }))}
        />
        <Input
          allowClear
          prefix={<SearchOutlined className="muted" />}
          placeholder={t('search')}
          aria-label={t('search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ marginBottom: 12, maxWidth: 480 }}
          data-testid="article-search"
        />
        {articles.isError && <Alert type="error" showIcon message={errorText(articles.error)} style={{ marginBottom: 8 }} />}
        <Table<ArticleList['items'][number]>
          rowKey="id"
          size="small"
          loading={articles.isFetching}
          dataSource={articles.data?.items ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('empty') }}
          onRow={(a) => ({ onClick: () => navigate(`/news/${a.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('columns.title'), dataIndex: 'title', render: (title: string, a) => <Link to={`/news/${a.id}`} onClick={(e) => e.stopPropagation()}>{title}</Link> },
            { title: t('columns.category'), dataIndex: 'categoryName' },
            { title: t('columns.status'), dataIndex: 'status', render: (_: unknown, a) => <StatusTag status={a.status} publishAt={a.publishAt} /> },
            { title: t('columns.publishAt'), dataIndex: 'publishAt', render: (v: string | null) => formatInstant(v) || tc('fields.none') },
            { title: t('columns.updatedAt'), dataIndex: 'updatedAt', render: (v: string) => formatInstant(v) },
          ]}
        />
        {pages > 1 && (
          <div style={{ display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: 8, marginTop: 8 }}>
            <Button size="small" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>{tc('actions.previous')}</Button>
            <span className="muted">{t('page', { page: page + 1 })} / {pages}</span>
            <Button size="small" disabled={page + 1 >= pages} onClick={() => setPage((p) => p + 1)}>{tc('actions.next')}</Button>
          </div>
        )}
      </Card>
      {creating && <CreateArticleModal onClose={() => setCreating(false)} onCreated={(a) => navigate(`/news/${a.id}`)} />}
    </>
  );
}
