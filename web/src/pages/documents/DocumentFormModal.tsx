/**
 * Register a document (POST /documents) or edit one (PATCH /documents/:id). The number is read
 * as it is typed and shown in its canonical spelling, or with what is wrong with it.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createDocumentBody } from '../../../../src/modules/documents/documents.contract';
import { checkNumber, createDocument, updateDocument, type DocumentView } from '../../api/documents';
import { UnitPicker } from '../../components/units/UnitPicker';
import { applyApiError, validateBody, zodRule } from '../../forms/validation';
import { DATE_FORMAT, toDayjs, toIso } from '../../lib/dates';
import { DOCUMENTS_NS } from './i18n';
import { documentsKey } from './keys';
import { kindOptions } from './kinds';
import { useDebounced } from '../../lib/useDebounced';

interface Values {
  kind: DocumentView['kind'];
  number?: string;
  issuerName?: string;
  issuerUnitId?: number;
  issuedOn?: Dayjs | null;
  title: string;
  summary?: string;
}

const optional = (value: string | undefined | null) => value?.trim() || undefined;

function NumberReading({ number }: { number: string }) {
  const { t } = useTranslation(DOCUMENTS_NS);
  const typed = useDebounced(number.trim(), 300);
  const check = useQuery({
    queryKey: ['document-number', typed],
    queryFn: ({ signal }) => checkNumber(typed, signal),
    enabled: typed !== '',
  });
  if (!typed || !check.data) return null;
  return check.data.ok
    ? <Typography.Text type="success" data-testid="number-reading">{t('form.numberReads', { number: check.data.number })}</Typography.Text>
    : <Typography.Text type="warning" data-testid="number-reading">{check.data.problem?.message}</Typography.Text>;
}

export function DocumentFormModal({ document, onClose, onSaved }: { document?: DocumentView; onClose(): void; onSaved(doc: DocumentView): void }) {
  const { t } = useTranslation(DOCUMENTS_NS);
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const number = Form.useWatch('number', form) ?? '';

  const submit = async () => {
    setError(null);
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const fields = {
      kind: values.kind,
      number: optional(values.number),
      issuerName: optional(values.issuerName),
      issuerUnitId: values.issuerUnitId ?? undefined,
      issuedOn: toIso(values.issuedOn ?? null),
      title: values.title?.trim(),
      summary: optional(values.summary),
    };
    const body = validateBody(form, createDocumentBody, fields);
    if (!body) return;
    setBusy(true);
    try {
      const saved = document
        ? await updateDocument(document.id, {
          kind: fields.kind, number: fields.number ?? null, issuerName: fields.issuerName ?? null, issuerUnitId: fields.issuerUnitId ?? null,
          issuedOn: fields.issuedOn ?? null, title: fields.title, summary: fields.summary ?? null,
        })
        : await createDocument({ ...body, links: [] });
      await queryClient.invalidateQueries({ queryKey: documentsKey });
      message.success(document ? tc('saved') : t('form.created'));
      onSaved(saved);
    } catch (e) {
      setError(applyApiError(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={document ? t('form.editTitle') : t('form.createTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={document ? tc('actions.save') : tc('actions.create')}
      cancelText={tc('actions.cancel')}
      confirmLoading={busy}
      maskClosable={false}
      destroyOnHidden
      width={640}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form
        form={form}
        layout="vertical"
        disabled={busy}
        data-testid="document-form"
        initialValues={document ? {
          kind: document.kind, number: document.number ?? undefined, issuerName: document.issuerName ?? undefined,
          issuerUnitId: document.issuerUnitId ?? undefined, issuedOn: toDayjs(document.issuedOn), title: document.title,
          summary: document.summary ?? undefined,
        } : { kind: 'chi_thi' }}
      >
        <Form.Item name="kind" label={t('form.kind')} rules={[zodRule(createDocumentBody.shape.kind)]}>
          <Select showSearch optionFilterProp="label" options={kindOptions()} />
        </Form.Item>
        <Form.Item name="number" label={t('form.number')} extra={<>{t('form.numberHint')}<br /><NumberReading number={number} /></>}>
          <Input maxLength={60} autoComplete="off" spellCheck={false} className="mono" />
        </Form.Item>
        <Form.Item name="issuerName" label={t('form.issuerName')}>
          <Input maxLength={300} placeholder={t('form.issuerNamePlaceholder')} />
        </Form.Item>
        <Form.Item name="issuerUnitId" label={t('form.issuerUnit')} extra={t('form.issuerUnitHint')}>
          <UnitPicker />
        </Form.Item>
        <Form.Item name="issuedOn" label={t('form.issuedOn')}>
          <DatePicker format={DATE_FORMAT} placeholder={tc('fields.datePlaceholder')} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="title" label={t('form.titleField')} rules={[zodRule(createDocumentBody.shape.title)]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item name="summary" label={t('form.summary')}>
          <Input.TextArea rows={3} maxLength={10_000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
