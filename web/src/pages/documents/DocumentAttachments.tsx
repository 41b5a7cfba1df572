/** The files of a document: download for everyone; upload (PDF, DOCX) and detach for its managers. */
import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, List, Popconfirm, Select, Space, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_ROLES } from '../../../../src/modules/documents/documents.contract';
import { attachFile, attachmentUrl, detachFile, type Attachment, type DocumentDetail } from '../../api/documents';
import { errorText } from '../../forms/validation';
import { formatInstant } from '../../lib/dates';
import { DOCUMENTS_NS } from './i18n';
import { documentKey } from './keys';

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function DocumentAttachments({ document }: { document: DocumentDetail }) {
  const { t } = useTranslation(DOCUMENTS_NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<Attachment['role']>('signed');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      await attachFile(document.id, file, role);
      await queryClient.invalidateQueries({ queryKey: documentKey(document.id) });
      message.success(t('attachments.uploaded'));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const detach = async (fileId: number) => {
    try {
      await detachFile(document.id, fileId);
      await queryClient.invalidateQueries({ queryKey: documentKey(document.id) });
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <Card size="small" title={t('attachments.title')} data-testid="document-attachments">
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} role="alert" />}
      {document.attachments.length === 0
        ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('attachments.empty')} />
        : (
          <List
            size="small"
            dataSource={document.attachments}
            renderItem={(a) => (
              <List.Item
                actions={[
                  <a key="download" href={attachmentUrl(document.id, a.fileId)} download aria-label={a.name}><DownloadOutlined /></a>,
                  ...(document.canManage ? [
                    <Popconfirm key="detach" title={t('attachments.removeConfirm')} onConfirm={() => void detach(a.fileId)} okText={tc('actions.yes')} cancelText={tc('actions.no')}>
                      <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={tc('actions.remove')} />
                    </Popconfirm>,
                  ] : []),
                ]}
              >
                <List.Item.Meta
                  title={<a href={attachmentUrl(document.id, a.fileId)} download>{a.name}</a>}
                  description={`${t(`attachments.roles.${a.role}`)} · ${size(a.sizeBytes)}${a.attachedAt ? ` · ${formatInstant(a.attachedAt)}` : ''}`}
                />
              </List.Item>
            )}
          />
        )}
      {document.canManage && (
        <Space wrap style={{ marginTop: 8 }}>
          <Select<Attachment['role']>
            value={role} onChange={setRole} aria-label={t('attachments.role')} style={{ width: 170 }}
            options={ATTACHMENT_ROLES.map((r) => ({ value: r, label: t(`attachments.roles.${r}`) }))}
          />
          <Upload
            accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            showUploadList={false}
            beforeUpload={(file) => { void upload(file); return false; }}
          >
            <Button icon={<UploadOutlined />} loading={busy}>{t('attachments.upload')}</Button>
          </Upload>
        </Space>
      )}
    </Card>
  );
}
