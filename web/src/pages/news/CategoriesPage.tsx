/** "Chuyên mục": the sections of the public portal — add, rename, reorder, retire, restore. */
import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { createCategoryBody } from '../../../../src/modules/news/news.contract';
import { createCategory, listCategories, updateCategory, type Category } from '../../api/news';
import { PageTitle } from '../../components/PageTitle';
import { UnitName } from '../../components/units/UnitName';
import { UnitPicker } from '../../components/units/UnitPicker';
import { applyApiError, errorText, validateBody, zodRule } from '../../forms/validation';
import { NEWS_NS } from './i18n';

interface Values {
  unitId?: number;
  name: string;
  slug?: string;
  description?: string;
  sortOrder?: number;
}

function CategoryModal({ category, onClose }: { category: Category | null; onClose(): void }) {
  const { t } = useTranslation(NEWS_NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setError(null);
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      if (category) {
        await updateCategory(category.id, { name: values.name, description: values.description?.trim() || null, sortOrder: values.sortOrder ?? 0 });
      } else {
        const body = validateBody(form, createCategoryBody, { ...values, slug: values.slug?.trim() || undefined, description: values.description?.trim() || undefined });
        if (!body) return;
        await createCategory(body);
      }
      await queryClient.invalidateQueries({ queryKey: ['news', 'categories'] });
      message.success(t('categories.saved'));
      onClose();
    } catch (e) {
      setError(applyApiError(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={category ? category.name : t('categories.create')} onOk={() => void submit()} onCancel={onClose}
      okText={tc('actions.save')} cancelText={tc('actions.cancel')} confirmLoading={busy} destroyOnHidden maskClosable={false}>
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" disabled={busy} data-testid="category-form"
        initialValues={category ? { name: category.name, description: category.description ?? '', sortOrder: category.sortOrder } : { sortOrder: 0 }}>
        <Form.Item name="name" label={t('categories.name')} rules={[zodRule(createCategoryBody.shape.name)]}><Input maxLength={120} /></Form.Item>
        {!category && (
          <>
            <Form.Item name="slug" label={t('categories.slug')} rules={[zodRule(createCategoryBody.shape.slug)]}><Input className="mono" maxLength={96} /></Form.Item>
            <Form.Item name="unitId" label={t('categories.unit')} rules={[zodRule(createCategoryBody.shape.unitId)]}><UnitPicker /></Form.Item>
          </>
        )}
        <Form.Item name="description" label={t('categories.description')}><Input.TextArea autoSize maxLength={500} /></Form.Item>
        <Form.Item name="sortOrder" label={t('categories.sortOrder')}><InputNumber min={0} max={10000} precision={0} /></Form.Item>
      </Form>
    </Modal>
  );
}

export default function CategoriesPage() {
  const { t } = useTranslation(NEWS_NS);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const categories = useQuery({ queryKey: ['news', 'categories', 'all'], queryFn: () => listCategories(true) });
  const [editing, setEditing] = useState<Category | null | 'new'>(null);

  const toggle = async (c: Category) => {
    try {
      await updateCategory(c.id, { isActive: !c.isActive });
      await queryClient.invalidateQueries({ queryKey: ['news', 'categories'] });
      message.success(t('categories.saved'));
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <>
      <PageTitle
        title={t('categories.title')}
        extra={(
          <Space wrap>
            <Link to="/news"><Button icon={<ArrowLeftOutlined />}>{t('editor.back')}</Button></Link>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="create-category">{t('categories.create')}</Button>
          </Space>
        )}
      />
      <Card size="small">
        {categories.isError && <Alert type="error" showIcon message={errorText(categories.error)} />}
        <Table<Category>
          rowKey="id"
          size="small"
          loading={categories.isFetching}
          dataSource={categories.data ?? []}
          pagination={false}
          locale={{ emptyText: t('categories.empty') }}
          columns={[
            { title: t('categories.name'), dataIndex: 'name', render: (name: string, c) => <Button type="link" style={{ padding: 0 }} onClick={() => setEditing(c)}>{name}</Button> },
            { title: t('categories.slug'), dataIndex: 'slug', render: (s: string) => <a href={`/chuyen-muc/${s}`} target="_blank" rel="noopener" className="mono">{s}</a> },
            { title: t('categories.unit'), dataIndex: 'unitId', render: (id: number) => <UnitName unitId={id} /> },
            { title: t('categories.sortOrder'), dataIndex: 'sortOrder' },
            {
              title: t('categories.active'), key: 'active',
              render: (_: unknown, c) => (
                <>
                  <Tag color={c.isActive ? '#237804' : '#595959'}>{c.isActive ? t('categories.active') : t('categories.retire')}</Tag>
                  <Button size="small" onClick={() => void toggle(c)}>{c.isActive ? t('categories.retire') : t('categories.restore')}</Button>
                </>
              ),
            },
          ]}
        />
      </Card>
      {editing && <CategoryModal category={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
