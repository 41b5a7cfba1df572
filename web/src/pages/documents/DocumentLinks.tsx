/** The links of a document both ways; its managers add and remove the links it makes. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, List, Popconfirm, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LINK_KINDS } from '../../../../src/modules/documents/documents.contract';
import { addLink, removeLink, type DocumentDetail, type LinkKind } from '../../api/documents';
import { errorText } from '../../forms/validation';
import { formatDate } from '../../lib/dates';
import { DocumentSelect } from './DocumentSelect';
import { DOCUMENTS_NS } from './i18n';
import { documentsKey } from './keys';

export function DocumentLinks({ document }: { document: DocumentDetail }) {
  const { t } = useTranslation(DOCUMENTS_NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<LinkKind>('implements');
  const [target, setTarget] = useState<number | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = () => queryClient.invalidateQueries({ queryKey: documentsKey });
  const add = async () => {
    if (!target) return;
    setBusy(true);
    setError(null);
    try {
      await addLink(document.id, { kind, toDocumentId: target });
      setTarget(undefined);
      await refresh();
      message.success(tc('saved'));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const remove = async (linkId: number) => {
    try {
      await removeLink(document.id, linkId);
      await refresh();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <Card size="small" title={t('links.title')} data-testid="document-links">
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} role="alert" />}
      {document.links.length === 0
        ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('links.empty')} />
        : (
          <List
            size="small"
            dataSource={document.links}
            renderItem={(link) => (
              <List.Item
                actions={document.canManage && link.direction === 'out' ? [
                  <Popconfirm key="remove" title={t('links.removeConfirm')} onConfirm={() => void remove(link.id)} okText={tc('actions.yes')} cancelText={tc('actions.no')}>
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={tc('actions.remove')} />
                  </Popconfirm>,
                ] : []}
              >
                <span>
                  <span className="muted">{t(`links.${link.direction}.${link.kind}`)}: </span>
                  <Link to={`/documents/${link.document.id}`}>{link.document.number ?? link.document.title}</Link>
                  {link.document.number && <span> — {link.document.title}</span>}
                  {link.document.issuedOn && <span className="muted"> ({formatDate(link.document.issuedOn)})</span>}
                </span>
              </List.Item>
            )}
          />
        )}
      {document.canManage && (
        <Space.Compact style={{ width: '100%', marginTop: 8 }}>
          <Select<LinkKind>
            value={kind} onChange={setKind} aria-label={t('links.kind')} style={{ width: 170 }}
            options={LINK_KINDS.map((k) => ({ value: k, label: t(`links.out.${k}`) }))}
          />
          <DocumentSelect value={target} onChange={setTarget} exclude={[document.id]} placeholder={t('links.targetPlaceholder')} aria-label={t('links.target')} />
          <Button icon={<PlusOutlined />} onClick={() => void add()} loading={busy} disabled={!target} data-testid="add-link">{t('links.add')}</Button>
        </Space.Compact>
      )}
    </Card>
  );
}
