/** Start an article: its owning unit, category and title make a draft; the editor opens next. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../src/core/actor';
import { relationsFor } from '../../../../src/core/permissions';
import { createArticleBody } from '../../../../src/modules/news/news.contract';
import { createArticle, listCategories, type Article } from '../../api/news';
import { useCurrentUser } from '../../auth/session';
import { UnitPicker } from '../../components/units/UnitPicker';
import { applyApiError, validateBody, zodRule } from '../../forms/validation';
import { NEWS_NS } from './i18n';

interface Values {
  unitId: number;
  categoryId: number;
  title: string;
}

export function CreateArticleModal({ onClose, onCreated }: { onClose(): void; onCreated(article: Article): void }) {
  const { t } = useTranslation(NEWS_NS);
  const { t: tc } = useTranslation();
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const categories = useQuery({ queryKey: ['news', 'categories'], queryFn: () => listCategories() });
  // Where the person writes: the unit of their first grant that allows writing news.
  const defaultUnit = me.grants.find((g) => relationsFor(g.role as Role, 'news.write').length > 0)?.unitId;

  const submit = async () => {
    setError(null);
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const body = validateBody(form, createArticleBody, values);
    if (!body) return;
    setBusy(true);
    try {
      const article = await createArticle(body);
      await queryClient.invalidateQueries({ queryKey: ['news', 'articles'] });
      onCreated(article);
    } catch (e) {
      setError(applyApiError(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('createModal.title')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('createModal.submit')}
      cancelText={tc('actions.cancel')}
      confirmLoading={busy}
      maskClosable={false}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      {categories.data?.length === 0 && <Alert type="warning" showIcon message={t('categories.empty')} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ unitId: defaultUnit }} disabled={busy} onFinish={() => void submit()} data-testid="create-article-form">
        <Form.Item name="title" label={t('createModal.titleField')} rules={[zodRule(createArticleBody.shape.title)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={300} />
        </Form.Item>
        <Form.Item name="categoryId" label={t('createModal.category')} rules={[zodRule(createArticleBody.shape.categoryId)]}>
          <Select
            loading={categories.isPending}
            options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            data-testid="article-category"
          />
        </Form.Item>
        <Form.Item name="unitId" label={t('createModal.unit')} extra={t('createModal.unitHint')} rules={[zodRule(createArticleBody.shape.unitId)]}>
          <UnitPicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
