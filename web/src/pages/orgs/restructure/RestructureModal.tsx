/**
 * The frame of every restructuring form: a modal whose body is checked with the request's zod
 * contract before sending, whose server errors land on the fields they name, and which on
 * success refreshes every organization view and opens the result on its effective date.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Modal, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { RestructureResult } from '../../../api/orgs';
import { orgKeys } from '../../../components/units/useOrgData';
import { applyApiError, validateBody } from '../../../forms/validation';
import { formatDate } from '../../../lib/dates';
import { ORGS_NS } from '../i18n';
import type { OrgsView } from '../useOrgsLocation';

export interface Submission<S extends z.ZodType> {
  schema: S;
  body: unknown;
  send(body: z.output<S>): Promise<RestructureResult | { id: number }>;
  /** The day the change takes effect (the view moves there afterwards). */
  effectiveDate: string | undefined;
}

interface Props<V, S extends z.ZodType> {
  open: boolean;
  title: string;
  form: FormInstance<V>;
  initialValues: Partial<V>;
  /** Build the request from the form's values. */
  submission(values: V): Submission<S>;
  /** Which unit to open afterwards (default: the first created unit, else the current one). */
  unitAfter?(result: RestructureResult | { id: number }): number | null;
  onClose(): void;
  onDone(patch: Partial<OrgsView>): void;
  children: ReactNode;
}

export function RestructureModal<V extends object, S extends z.ZodType>(props: Props<V, S>) {
  const { open, title, form, initialValues, submission, unitAfter, onClose, onDone, children } = props;
  const { t } = useTranslation(ORGS_NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setError(null);
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const { schema, body, send, effectiveDate } = submission(values);
    const parsed = validateBody(form, schema, body);
    if (!parsed) return;
    setBusy(true);
    try {
      const result = await send(parsed);
      await queryClient.invalidateQueries({ queryKey: orgKeys.all });
      message.success(t('actions.done', { date: formatDate(effectiveDate) }));
      const next = unitAfter ? unitAfter(result) : ('created' in result && result.created[0]?.id) || null;
      onDone({ asOf: effectiveDate, ...(next ? { unitId: next } : {}) });
      onClose();
    } catch (e) {
      setError(applyApiError(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('form.submit')}
      cancelText={tc('actions.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      width={640}
      maskClosable={false}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form form={form} layout="vertical" initialValues={initialValues} disabled={busy} preserve={false} onFinish={() => void submit()}>
        {children}
      </Form>
    </Modal>
  );
}
