/** One document: its particulars, the implementation chain level by level, links and attachments. */
import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Result, Space, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { deleteDocument, getDocument } from '../../api/documents';
import { PageTitle } from '../../components/PageTitle';
import { errorText } from '../../forms/validation';
import { formatDate } from '../../lib/dates';
import { DocumentAttachments } from './DocumentAttachments';
import { DocumentChainView } from './DocumentChainView';
import { DocumentFormModal } from './DocumentFormModal';
import { DocumentLinks } from './DocumentLinks';
import './documents.css';
import { DOCUMENTS_NS } from './i18n';
import { documentKey, documentsKey } from './keys';
import { kindLabel } from './kinds';

export default function DocumentPage() {
  const { t } = useTranslation(DOCUMENTS_NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const id = Number(useParams().id);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const document = useQuery({
    queryKey: documentKey(id),
    queryFn: ({ signal }) => getDocument(id, signal),
    enabled: Number.isInteger(id) && id > 0,
    retry: (count, e) => !(e instanceof ApiError && e.status < 500) && count < 2,
  });

  if (!Number.isInteger(id) || id <= 0 || (document.error instanceof ApiError && document.error.status === 404)) {
    return <Result status="404" title={t('detail.notFound')} extra={<Link to="/documents">{t('detail.back')}</Link>} />;
  }
  if (document.isError) return <Alert type="error" showIcon message={errorText(document.error)} />;
  if (!document.data) return <Spin />;
  const doc = document.data;

  const remove = async () => {
    try {
      await deleteDocument(doc.id);
      await queryClient.invalidateQueries({ queryKey: documentsKey });
      message.success(t('detail.removed'));
      navigate('/documents');
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <>
      <Link to="/documents"><ArrowLeftOutlined /> {t('detail.back')}</Link>
      <PageTitle
        title={doc.number ? `${kindLabel(doc.kind)} ${doc.number}` : doc.title}
        extra={doc.canManage && (
          <Space wrap>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-document">{tc('actions.edit')}</Button>
            <Popconfirm title={t('detail.removeConfirm')} onConfirm={() => void remove()} okText={tc('actions.yes')} cancelText={tc('actions.no')}>
              <Button danger icon={<DeleteOutlined />}>{t('detail.remove')}</Button>
            </Popconfirm>
          </Space>
        )}
      />
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      <div style={{ display: 'grid', gap: 12, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 420px), 1fr))' }}>
        <Card size="small" data-testid="document-detail">
          <Descriptions column={1} size="small" labelStyle={{ width: 160 }}>
            <Descriptions.Item label={t('detail.number')}>{doc.number ? <span className="mono">{doc.number}</span> : tc('fields.none')}</Descriptions.Item>
            <Descriptions.Item label={t('detail.kind')}>{kindLabel(doc.kind)}</Descriptions.Item>
            <Descriptions.Item label={t('columns.title')}>{doc.title}</Descriptions.Item>
            <Descriptions.Item label={t('detail.issuer')}>{doc.issuerName ?? tc('fields.none')}</Descriptions.Item>
            {doc.issuerUnitName && <Descriptions.Item label={t('detail.issuerUnit')}>{doc.issuerUnitName}</Descriptions.Item>}
            <Descriptions.Item label={t('detail.issuedOn')}>{formatDate(doc.issuedOn) || tc('fields.none')}</Descriptions.Item>
            {doc.summary && <Descriptions.Item label={t('detail.summary')}><div style={{ whiteSpace: 'pre-wrap' }}>{doc.summary}</div></Descriptions.Item>}
            {doc.citationKey && <Descriptions.Item label={t('detail.citationKey')}><span className="mono">{doc.citationKey}</span></Descriptions.Item>}
          </Descriptions>
        </Card>
        <DocumentChainView documentId={doc.id} />
        <DocumentLinks document={doc} />
        <DocumentAttachments document={doc} />
      </div>
      {editing && <DocumentFormModal document={doc} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />}
    </>
  );
}
