/**
 * A button that uploads the chosen files to an API path (multipart, one field) and hands back
 * the server's answer. The server decides by the bytes what is accepted; its message is shown.
 */
import { UploadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useRef, useState } from 'react';
import { api } from '../api/client';
import { errorText } from '../forms/validation';

export function FileUploadButton<T>({ path, field = 'files', label, onUploaded, accept = '.pdf,.docx,.xlsx,.jpg,.jpeg,.png', testId }: {
  path: string; field?: string; label: string; onUploaded(result: T): void; accept?: string; testId?: string;
}) {
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const send = async (files: File[]) => {
    if (files.length === 0) return;
    setBusy(true);
    try {
      const form = new FormData();
      for (const file of files) form.append(field, file, file.name);
      onUploaded(await api.upload<T>(path, form));
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <>
      <input
        ref={input} type="file" multiple accept={accept} hidden data-testid={testId}
        onChange={(e) => void send(Array.from(e.target.files ?? []))}
      />
      <Button size="small" icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()}>{label}</Button>
    </>
  );
}
