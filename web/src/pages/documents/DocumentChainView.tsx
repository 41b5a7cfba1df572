/**
 * The implementation chain, level by level: what the document carries out above it (the
 * farthest level first), the document itself, then what carries it out below.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getChain, type DocumentChain } from '../../api/documents';
import { errorText } from '../../forms/validation';
import { formatDate } from '../../lib/dates';
import { DOCUMENTS_NS } from './i18n';
import { chainKey } from './keys';
import { kindLabel } from './kinds';

type Node = DocumentChain['document'];

function ChainNode({ doc, current }: { doc: Node; current?: boolean }) {
  const body = (
    <>
      <strong>{doc.number ?? kindLabel(doc.kind)}</strong>
      {doc.issuedOn && <span className="muted"> · {formatDate(doc.issuedOn)}</span>}
      <div style={{ fontSize: 13 }}>{doc.title}</div>
      {doc.issuerName && <div className="muted" style={{ fontSize: 12 }}>{doc.issuerName}</div>}
    </>
  );
  return (
    <div className="document-chain-node" data-current={current ? 'true' : undefined} data-testid="chain-node">
      {current ? body : <Link to={`/documents/${doc.id}`}>{body}</Link>}
    </div>
  );
}

function Level({ label, docs }: { label: string; docs: Node[] }) {
  return (
    <div className="document-chain-level" data-testid="chain-level">
      <Tag>{label}</Tag>
      <div className="document-chain-row">{docs.map((d) => <ChainNode key={d.id} doc={d} />)}</div>
    </div>
  );
}

export function DocumentChainView({ documentId }: { documentId: number }) {
  const { t } = useTranslation(DOCUMENTS_NS);
  const chain = useQuery({ queryKey: chainKey(documentId), queryFn: ({ signal }) => getChain(documentId, signal) });
  return (
    <Card size="small" title={t('chain.title')} data-testid="document-chain">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>{t('chain.intro')}</Typography.Paragraph>
      {chain.isError && <Alert type="error" showIcon message={errorText(chain.error)} />}
      {chain.data && (chain.data.up.length === 0 && chain.data.down.length === 0
        ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('chain.none')} />
        : (
          <div className="document-chain">
            {[...chain.data.up].reverse().map((l) => <Level key={`u${l.level}`} label={t('chain.up', { level: l.level })} docs={l.documents} />)}
            <div className="document-chain-level">
              <Tag color="blue">{t('chain.self')}</Tag>
              <div className="document-chain-row"><ChainNode doc={chain.data.document} current /></div>
            </div>
            {chain.data.down.map((l) => <Level key={`d${l.level}`} label={t('chain.down', { level: l.level })} docs={l.documents} />)}
          </div>
        ))}
    </Card>
  );
}
