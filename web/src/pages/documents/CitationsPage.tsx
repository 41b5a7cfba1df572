/**
 * The citation-extraction box: paste a text or upload a DOCX, see every document it cites (once
 * each, with date and issuer where the text gives them), then link each to the registry entry it
 * is or register it — all in one save, all or nothing.
 */
import { FileWordOutlined, SaveOutlined, SearchOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Select, Space, Tag, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LINK_KINDS } from '../../../../src/modules/documents/documents.contract';
import {
  createFromCitations, extractFromDocx, extractFromText, type Citation, type Extraction, type FromCitationsInput, type LinkKind,
} from '../../api/documents';
import { canAnywhere } from '../../auth/permissions';
import { useCurrentUser } from '../../auth/session';
import { PageTitle } from '../../components/PageTitle';
import { errorText } from '../../forms/validation';
import { formatDate } from '../../lib/dates';
import { DocumentSelect } from './DocumentSelect';
import './documents.css';
import { DOCUMENTS_NS } from './i18n';
import { documentsKey } from './keys';
import { kindLabel } from './kinds';

type Action = 'link' | 'create' | 'skip';

interface Decision {
  action: Action;
  documentId?: number;
  title: string;
  issuer: string;
}

function initialDecision(c: Citation, mayManage: boolean): Decision {
  const match = c.registry.match ?? (c.registry.candidates.length === 1 ? c.registry.candidates[0] : null);
  return {
    action: match ? 'link' : mayManage ? 'create' : 'skip',
    documentId: match?.id,
    title: c.suggestedTitle,
    issuer: c.issuer ?? '',
  };
}

/** The sentence around the first mention, with the mention marked. */
function Excerpt({ citation }: { citation: Citation }) {
  const mention = citation.mentions[0]?.text ?? '';
  const at = mention ? citation.excerpt.indexOf(mention) : -1;
  if (at < 0) return <span className="citation-excerpt">{citation.excerpt}</span>;
  return (
    <span className="citation-excerpt">
      {citation.excerpt.slice(0, at)}<mark>{mention}</mark>{citation.excerpt.slice(at + mention.length)}
    </span>
  );
}

function CitationAction({ citation: c, decision: d, decide }: { citation: Citation; decision: Decision; decide(patch: Partial<Decision>): void }) {
  const { t } = useTranslation(DOCUMENTS_NS);
  const known = [...(c.registry.match ? [c.registry.match] : []), ...c.registry.candidates]
    .map((doc) => ({ value: doc.id, label: `${doc.number ?? kindLabel(doc.kind)} — ${doc.title}` }));
  return (
    <div className="citation-action">
      <Select<Action>
        value={d.action} onChange={(action) => decide({ action })} aria-label={t('citations.columns.action')}
        options={[
          { value: 'link', label: t('citations.actions.link') },
          { value: 'create', label: t('citations.actions.create'), disabled: c.registry.match !== null },
          { value: 'skip', label: t('citations.actions.skip') },
        ]}
        data-testid="citation-action"
      />
      {d.action === 'link' && (
        <DocumentSelect value={d.documentId} onChange={(documentId) => decide({ documentId })} known={known} placeholder={t('citations.chooseExisting')} />
      )}
      {d.action === 'create' && (
        <>
          <Input.TextArea autoSize value={d.title} onChange={(e) => decide({ title: e.target.value })} aria-label={t('citations.titleForNew')} maxLength={1000} />
          <Input
            value={d.issuer} onChange={(e) => decide({ issuer: e.target.value })} aria-label={t('form.issuerName')}
            placeholder={t('form.issuerName')} status={d.issuer.trim() ? undefined : 'warning'}
          />
          {!d.issuer.trim() && <Typography.Text type="warning" style={{ fontSize: 12 }}>{t('citations.needIssuer')}</Typography.Text>}
        </>
      )}
    </div>
  );
}

export default function CitationsPage() {
  const { t } = useTranslation(DOCUMENTS_NS);
  const { t: tc } = useTranslation();
  const me = useCurrentUser();
  const mayManage = canAnywhere(me, 'document.manage');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [result, setResult] = useState<Extraction | null>(null);
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [source, setSource] = useState<number | undefined>();
  const [sourceKind, setSourceKind] = useState<LinkKind>('implements');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  const show = (extraction: Extraction) => {
    setResult(extraction);
    setDecisions(Object.fromEntries(extraction.citations.map((c) => [c.key, initialDecision(c, mayManage)])));
  };
  const run = async (work: () => Promise<Extraction>) => {
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      show(await work());
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const decide = (key: string, patch: Partial<Decision>) => setDecisions((d) => ({ ...d, [key]: { ...d[key], ...patch } }));

  const items = useMemo((): FromCitationsInput['items'] => (result?.citations ?? []).flatMap((c): FromCitationsInput['items'] => {
    const d = decisions[c.key];
    if (!d || d.action === 'skip') return [];
    if (d.action === 'link') return d.documentId ? [{ action: 'link' as const, citationKey: c.key, documentId: d.documentId }] : [];
    return [{
      action: 'create' as const, citationKey: c.key,
      document: {
        kind: c.kind, number: c.number ?? undefined, issuerName: d.issuer.trim() || undefined, issuedOn: c.issuedOn ?? undefined,
        title: d.title.trim(), citationKey: c.citationKey ?? undefined,
      },
    }];
  }), [result, decisions]);

  const save = async () => {
    if (items.length === 0) {
      setError(t('citations.nothing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const done = await createFromCitations({ items, ...(source ? { source: { documentId: source, linkKind: sourceKind } } : {}) });
      await queryClient.invalidateQueries({ queryKey: documentsKey });
      const created = done.results.filter((r) => r.created).length;
      const summary = t('citations.saved', { created, linked: done.results.length - created, links: done.links.length });
      setSaved(summary);
      message.success(summary);
      // What was registered is in the registry now: read the text again to show it so.
      show(await extractFromText(text));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Link to="/documents">{t('detail.back')}</Link>
      <PageTitle title={t('citations.title')} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>{t('citations.intro')}</Typography.Paragraph>
        <Input.TextArea
          rows={8} value={text} onChange={(e) => { setText(e.target.value); setFileName(null); }} aria-label={t('citations.text')}
          placeholder={t('citations.textPlaceholder')} data-testid="citation-text" maxLength={500_000}
        />
        <Space wrap style={{ marginTop: 8 }}>
          <Button type="primary" icon={<SearchOutlined />} loading={busy} disabled={!text.trim()} onClick={() => void run(() => extractFromText(text))} data-testid="run-extract">
            {t('citations.run')}
          </Button>
          <Upload
            accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            showUploadList={false}
            beforeUpload={(file) => {
              setFileName(file.name);
              void run(async () => {
                const extraction = await extractFromDocx(file);
                setText(extraction.text ?? '');
                return extraction;
              });
              return false;
            }}
          >
            <Button icon={<FileWordOutlined />} disabled={busy} data-testid="upload-docx">{t('citations.upload')}</Button>
          </Upload>
          {fileName && <span className="muted">{t('citations.fromFile', { name: fileName })}</span>}
        </Space>
      </Card>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      {saved && <Alert type="success" showIcon message={saved} style={{ marginBottom: 12 }} data-testid="citations-saved" />}
      {result && (
        <Card size="small" title={result.citations.length ? t('citations.found', { count: result.citations.length }) : t('citations.none')} data-testid="citation-results">
          <div className="citation-list">
            {result.citations.map((c) => (
              <div key={c.key} className="citation-item" data-testid="citation-row">
                <div className="citation-info">
                  <strong>{c.number ? `${kindLabel(c.kind)} ${c.number}` : c.label}</strong>
                  {c.registry.match
                    ? <Tag color="green" style={{ marginLeft: 8 }}><Link to={`/documents/${c.registry.match.id}`}>{t('citations.inRegistry')}</Link></Tag>
                    : <Tag style={{ marginLeft: 8 }}>{t('citations.notInRegistry')}</Tag>}
                  {c.subject && <div>{c.subject}</div>}
                  <div className="citation-meta">
                    {c.issuedOn && <span>{formatDate(c.issuedOn)}</span>}
                    {c.issuer && <span>{c.issuer}</span>}
                    {c.term && <span>{t('citations.term', { term: c.term })}</span>}
                    {c.mentions.length > 1 && <span>{t('citations.mentions', { count: c.mentions.length })}</span>}
                  </div>
                  <div className="muted" style={{ fontSize: 12 }}><Excerpt citation={c} /></div>
                  {c.notes.map((n) => <Alert key={n} type="warning" message={n} style={{ marginTop: 4 }} />)}
                </div>
                {mayManage && decisions[c.key] && <CitationAction citation={c} decision={decisions[c.key]} decide={(patch) => decide(c.key, patch)} />}
              </div>
            ))}
          </div>
          {result.citations.length > 0 && mayManage && (
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginTop: 12 }}>
              <span>{t('citations.source')}</span>
              <Select<LinkKind>
                value={sourceKind} onChange={setSourceKind} aria-label={t('citations.sourceLink')} style={{ width: 170 }}
                options={LINK_KINDS.map((k) => ({ value: k, label: t(`links.out.${k}`) }))}
              />
              <DocumentSelect value={source} onChange={setSource} placeholder={t('citations.sourcePlaceholder')} style={{ flex: '1 1 260px', width: 'auto' }} />
              <Button type="primary" icon={<SaveOutlined />} loading={busy} onClick={() => void save()} data-testid="save-citations">{t('citations.save')}</Button>
            </div>
          )}
        </Card>
      )}
    </>
  );
}
