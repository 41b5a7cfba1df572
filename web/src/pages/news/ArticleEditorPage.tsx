/**
 * One article in the editor: its text with the rich-text editor, its details (category, cover,
 * author, source, publication time, what it reports on), saving with the version it was loaded
 * at, and the workflow steps the server says this person may take now.
 */
import { ArrowLeftOutlined, EyeOutlined, GlobalOutlined, HistoryOutlined, SaveOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Result, Row, Select, Space, Spin, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { createArticleBody } from '../../../../src/modules/news/news.contract';
import { ApiError } from '../../api/client';
import { getArticle, listCategories, previewUrl, updateArticle, uploadImage, type Article, type UpdateArticleInput } from '../../api/news';
import { PageTitle } from '../../components/PageTitle';
import { UnitName } from '../../components/units/UnitName';
import { applyApiError, errorText, zodRule } from '../../forms/validation';
import { CoverField } from './CoverField';
import { NEWS_NS } from './i18n';
import { LinksField } from './LinksField';
import './news.css';
import { RichTextEditor } from './RichTextEditor';
import { StatusTag } from './StatusTag';
import { VersionsDrawer } from './VersionsDrawer';
import { WorkflowActions } from './WorkflowActions';

interface Values {
  title: string;
  slug: string;
  summary: string;
  bodyHtml: string;
  categoryId: number;
  coverFileId: number | null;
  coverCaption: string;
  coverAlt: string;
  author: string;
  source: string;
  sourceUrl: string;
  publishAt: Dayjs | null;
  links: Array<{ kind: Article['links'][number]['kind']; id: number }>;
}

function toValues(a: Article): Values {
  return {
    title: a.title, slug: a.slug, summary: a.summary, bodyHtml: a.bodyHtml, categoryId: a.categoryId, coverFileId: a.coverFileId,
    coverCaption: a.coverCaption ?? '', coverAlt: a.coverAlt ?? '', author: a.author ?? '', source: a.source ?? '', sourceUrl: a.sourceUrl ?? '',
    publishAt: a.publishAt ? dayjs(a.publishAt) : null, links: a.links.map((l) => ({ kind: l.kind, id: l.id })),
  };
}

/** Only what changed goes to the server; empty optional texts become null. */
function changes(a: Article, v: Values): Omit<UpdateArticleInput, 'version'> {
  const text = (x: string) => (x.trim() === '' ? null : x.trim());
  const out: Record<string, unknown> = {};
  const put = (key: string, next: unknown, before: unknown) => {
    if (JSON.stringify(next) !== JSON.stringify(before)) out[key] = next;
  };
  put('title', v.title.trim(), a.title);
  put('slug', v.slug.trim(), a.slug);
  put('summary', v.summary.trim(), a.summary);
  put('bodyHtml', v.bodyHtml, a.bodyHtml);
  put('categoryId', v.categoryId, a.categoryId);
  put('coverFileId', v.coverFileId, a.coverFileId);
  put('coverCaption', text(v.coverCaption), a.coverCaption);
  put('coverAlt', text(v.coverAlt), a.coverAlt);
  put('author', text(v.author), a.author);
  put('source', text(v.source), a.source);
  put('sourceUrl', text(v.sourceUrl), a.sourceUrl);
  const publishAt = v.publishAt ? v.publishAt.toISOString() : null;
  if ((publishAt ? Date.parse(publishAt) : null) !== (a.publishAt ? Date.parse(a.publishAt) : null)) out.publishAt = publishAt;
  put('links', v.links.filter((l) => l?.kind && l?.id), a.links.map((l) => ({ kind: l.kind, id: l.id })));
  return out;
}

export default function ArticleEditorPage() {
  const { t } = useTranslation(NEWS_NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const queryClient = useQueryClient();
  const key = ['news', 'article', id];
  const article = useQuery({ queryKey: key, queryFn: () => getArticle(id), enabled: Number.isInteger(id) && id > 0 });
  const categories = useQuery({ queryKey: ['news', 'categories', 'all'], queryFn: () => listCategories(true) });
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const a = article.data;

  useEffect(() => {
    if (a) {
      form.setFieldsValue(toValues(a));
      setDirty(false);
    }
  }, [a, form]);

  const editable = !!a?.allowedActions.includes('edit');
  const categoryOptions = useMemo(
    () => (categories.data ?? []).filter((c) => c.isActive || c.id === a?.categoryId).map((c) => ({ value: c.id, label: c.name })),
    [categories.data, a?.categoryId],
  );

  if (article.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (article.isError || !a) return <Result status="warning" title={t('editor.loadFailed')} subTitle={errorText(article.error)} extra={<Link to="/news">{t('editor.back')}</Link>} />;

  const replace = (next: Article) => {
    queryClient.setQueryData(key, next);
    void queryClient.invalidateQueries({ queryKey: ['news', 'articles'] });
    void queryClient.invalidateQueries({ queryKey: ['news', 'versions', id] });
  };

  const save = async () => {
    setError(null);
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const patch = changes(a, values);
    if (Object.keys(patch).length === 0) {
      message.info(t('editor.nothingChanged'));
      setDirty(false);
      return;
    }
    setBusy(true);
    try {
      const saved = await updateArticle(id, { version: a.version, ...patch });
      replace(saved);
      message.success(t('editor.saved', { version: saved.version }));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'stale_version') setStale(true);
      else setError(applyApiError(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle
        title={a.title}
        extra={(
          <Space wrap>
            <Link to="/news"><Button icon={<ArrowLeftOutlined />}>{t('editor.back')}</Button></Link>
            <Button icon={<HistoryOutlined />} onClick={() => setHistoryOpen(true)}>{t('editor.versions')}</Button>
            <Button icon={<EyeOutlined />} href={previewUrl(id)} target="_blank" rel="noopener" data-testid="preview-link">{t('editor.preview')}</Button>
            {a.isPublic && <Button icon={<GlobalOutlined />} href={a.publicPath} target="_blank" rel="noopener">{t('editor.publicLink')}</Button>}
          </Space>
        )}
      />
      {stale && (
        <Alert type="warning" showIcon role="alert" style={{ marginBottom: 12 }} message={t('editor.stale')}
          action={<Button size="small" onClick={() => { setStale(false); void article.refetch(); }}>{tc('actions.reload')}</Button>} />
      )}
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
      {!editable && <Alert type="info" showIcon message={t('editor.readOnly')} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" disabled={!editable || busy} onValuesChange={() => setDirty(true)} data-testid="article-form">
        <Row gutter={16}>
          <Col xs={24} lg={16}>
            <Card size="small" title={t('editor.content')}>
              <Form.Item name="title" label={t('editor.titleField')} rules={[zodRule(createArticleBody.shape.title)]}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={300} className="news-title-input" />
              </Form.Item>
              <Form.Item name="summary" label={t('editor.summary')}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} showCount />
              </Form.Item>
              <Form.Item name="bodyHtml" label={<span id="body-label">{t('editor.body')}</span>}>
                <RichTextEditor aria-labelledby="body-label" disabled={!editable || busy} uploadImage={async (file) => (await uploadImage(id, file)).url} />
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24} lg={8}>
            <Card size="small" title={t('editor.details')} style={{ marginBottom: 12 }}>
              <Space direction="vertical" style={{ width: '100%' }}>
                <div><StatusTag status={a.status} publishAt={a.publishAt} /> <Tag>{t('editor.version', { version: a.version })}</Tag>{dirty && <Tag color="orange">{t('editor.unsaved')}</Tag>}</div>
                <div className="muted">{t('editor.unit')}: <UnitName unitId={a.unitId} /></div>
                <Space wrap>
                  {editable && <Button type="primary" icon={<SaveOutlined />} loading={busy} onClick={() => void save()} disabled={false} data-testid="save-article">{t('editor.save')}</Button>}
                  <WorkflowActions article={a} dirty={dirty} onDone={replace} />
                </Space>
              </Space>
            </Card>
            <Card size="small">
              <Form.Item name="categoryId" label={t('editor.category')}>
                <Select options={categoryOptions} loading={categories.isPending} />
              </Form.Item>
              <Form.Item name="slug" label={t('editor.slug')} extra={a.firstPublishedAt ? t('editor.slugLocked') : t('editor.slugHint')}>
                <Input className="mono" disabled={!!a.firstPublishedAt || !editable} spellCheck={false} />
              </Form.Item>
              <Form.Item name="coverFileId" label={t('editor.cover')} extra={t('editor.coverHint')}>
                <CoverField articleId={id} disabled={!editable || busy} />
              </Form.Item>
              <Form.Item name="coverCaption" label={t('editor.coverCaption')}><Input.TextArea autoSize maxLength={500} /></Form.Item>
              <Form.Item name="coverAlt" label={t('editor.coverAlt')}><Input maxLength={300} /></Form.Item>
              <Form.Item name="author" label={t('editor.author')}><Input maxLength={200} /></Form.Item>
              <Form.Item name="source" label={t('editor.source')}><Input maxLength={300} /></Form.Item>
              <Form.Item name="sourceUrl" label={t('editor.sourceUrl')}><Input type="url" maxLength={1000} placeholder="https://" /></Form.Item>
              <Form.Item name="publishAt" label={t('editor.publishAt')} extra={t('editor.publishAtHint')}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="DD/MM/YYYY HH:mm" style={{ width: '100%' }} />
              </Form.Item>
              <LinksField article={a} />
            </Card>
          </Col>
        </Row>
      </Form>
      <VersionsDrawer articleId={id} open={historyOpen} onClose={() => setHistoryOpen(false)} />
    </>
  );
}
