/** What the article reports on: kind (plan, task, event, exemplar) and the record's id. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Form, InputNumber, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../../i18n';
import { listLinkKinds, type Article } from '../../api/news';
import { NEWS_NS } from './i18n';

export function LinksField({ article }: { article: Article }) {
  const { t } = useTranslation(NEWS_NS);
  const kinds = useQuery({ queryKey: ['news', 'link-kinds'], queryFn: listLinkKinds, staleTime: Infinity });
  const lang = currentLang();
  const resolved = new Map(article.links.map((l) => [`${l.kind}:${l.id}`, l]));
  return (
    <Form.Item label={t('editor.links')} extra={t('editor.linksHint')}>
      <Form.List name="links">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Form.Item key={field.key} noStyle shouldUpdate>
                {({ getFieldValue }) => {
                  const current = getFieldValue(['links', field.name]) as { kind?: string; id?: number } | undefined;
                  const known = current?.kind && current?.id ? resolved.get(`${current.kind}:${current.id}`) : undefined;
                  return (
                    <div style={{ marginBottom: 8 }}>
                      <Space.Compact style={{ width: '100%' }}>
                        <Form.Item name={[field.name, 'kind']} noStyle>
                          <Select
                            aria-label={t('editor.linkKind')}
                            style={{ width: '45%' }}
                            options={(kinds.data ?? []).map((k) => ({ value: k.kind, label: lang === 'en' ? k.labelEn : k.labelVi }))}
                          />
                        </Form.Item>
                        <Form.Item name={[field.name, 'id']} noStyle>
                          <InputNumber aria-label={t('editor.linkId')} min={1} precision={0} style={{ width: '45%' }} />
                        </Form.Item>
                        <Button aria-label="×" icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
                      </Space.Compact>
                      {known && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {known.resolved ? known.title : t('editor.linkUnresolved')}
                        </Typography.Text>
                      )}
                    </div>
                  );
                }}
              </Form.Item>
            ))}
            <Button size="small" icon={<PlusOutlined />} onClick={() => add({ kind: 'plan' })}>{t('editor.linkAdd')}</Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}
