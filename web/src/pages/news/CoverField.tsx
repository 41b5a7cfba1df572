/** The cover image: upload one for the article (checked by the server), show it, or remove it. */
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadImage } from '../../api/news';
import { errorText } from '../../forms/validation';
import { NEWS_NS } from './i18n';

interface Props {
  articleId: number;
  value?: number | null;
  onChange?: (value: number | null) => void;
  disabled?: boolean;
}

export function CoverField({ articleId, value, onChange, disabled }: Props) {
  const { t } = useTranslation(NEWS_NS);
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      const uploaded = await uploadImage(articleId, file);
      onChange?.(uploaded.fileId);
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <div>
      {value ? <img src={`/anh/${value}`} alt="" className="news-cover-preview" /> : null}
      <Space>
        <Button icon={<UploadOutlined />} loading={busy} disabled={disabled} onClick={() => input.current?.click()} data-testid="cover-upload">{t('editor.coverUpload')}</Button>
        {value ? <Button icon={<DeleteOutlined />} disabled={disabled} onClick={() => onChange?.(null)}>{t('editor.coverRemove')}</Button> : null}
      </Space>
      <input ref={input} type="file" accept="image/jpeg,image/png,image/webp,image/gif" style={{ display: 'none' }} onChange={(e) => void pick(e.target.files?.[0])} data-testid="cover-input" />
    </div>
  );
}
