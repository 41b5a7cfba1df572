/** The workflow steps the server allows this person now; returning and unpublishing ask why. */
import { App, Button, DatePicker, Form, Input, Modal, Tooltip } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { transitionArticle, type Article, type Transition } from '../../api/news';
import { errorText } from '../../forms/validation';
import { NEWS_NS } from './i18n';

const ORDER: Transition[] = ['submit', 'publish', 'return', 'unpublish', 'reopen'];
const NEEDS_NOTE: ReadonlySet<Transition> = new Set(['return', 'unpublish']);

export function WorkflowActions({ article, dirty, onDone }: { article: Article; dirty: boolean; onDone(next: Article): void }) {
  const { t } = useTranslation(NEWS_NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState<Transition | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ note?: string; publishAt?: Dayjs | null }>();
  const available = ORDER.filter((name) => article.allowedActions.includes(name));

  const run = async (name: Transition) => {
    const values = form.getFieldsValue();
    const note = values.note?.trim();
    if (NEEDS_NOTE.has(name) && !note) {
      form.setFields([{ name: 'note', errors: [t('workflow.noteRequired')] }]);
      return;
    }
    setBusy(true);
    try {
      const next = await transitionArticle(article.id, name, {
        version: article.version, ...(note ? { note } : {}), ...(name === 'publish' && values.publishAt ? { publishAt: values.publishAt.toISOString() } : {}),
      });
      message.success(t(`workflow.done.${name}`));
      setOpen(null);
      form.resetFields();
      onDone(next);
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {available.map((name) => (
        <Tooltip key={name} title={dirty ? t('workflow.saveFirst') : undefined}>
          <Button
            danger={name === 'unpublish' || name === 'return'}
            type={name === 'publish' ? 'primary' : 'default'}
            disabled={dirty}
            onClick={() => setOpen(name)}
            data-testid={`workflow-${name}`}
          >
            {t(`workflow.${name}`)}
          </Button>
        </Tooltip>
      ))}
      <Modal
        open={open !== null}
        title={open ? t(`workflow.${open}`) : ''}
        okText={open ? t(`workflow.${open}`) : ''}
        cancelText={tc('actions.cancel')}
        confirmLoading={busy}
        onOk={() => open && void run(open)}
        onCancel={() => { setOpen(null); form.resetFields(); }}
        destroyOnHidden
      >
        <p><strong>{article.title}</strong></p>
        <Form form={form} layout="vertical" data-testid="workflow-form">
          {open === 'publish' && (
            <Form.Item name="publishAt" label={t('workflow.publishAt')}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="DD/MM/YYYY HH:mm" style={{ width: '100%' }} />
            </Form.Item>
          )}
          {open && (
            <Form.Item name="note" label={t('workflow.note')} required={NEEDS_NOTE.has(open)}>
              <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
