/** What the article reports on: kind (plan, task, event, exemplar) and the record, picked by name. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Form, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../../i18n';
import { listLinkKinds, type Article } from '../../api/news';
import { NEWS_NS } from './i18n';
import { LinkTargetSelect } from './LinkTargetSelect';

export function LinksField({ article }: { article: Article }) {
  const { t } = useTranslation(NEWS_NS);
  const form = Form.useFormInstance();
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
                    <div style={{ marginBottom: 12 }}>
                      <div style={{ display: 'flex', gap: 8, marginBottom: 4 }}>
                        <Form.Item name={[field.name, 'kind']} noStyle>
                          <Select
                            aria-label={t('editor.linkKind')}
                            data-testid="link-kind"
                            style={{ flex: 1, minWidth: 0 }}
                            options={(kinds.data ?? []).map((k) => ({ value: k.kind, label: lang === 'en' ? k.labelEn : k.labelVi }))}
                            onChange={() => form.setFieldValue(['links', field.name, 'id'], undefined)}
                          />
                        </Form.Item>
                        <Button aria-label={t('editor.linkDelete')} icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
                      </div>
                      <Form.Item name={[field.name, 'id']} noStyle>
                        <LinkTargetSelect kind={current?.kind as Article['links'][number]['kind'] | undefined} knownTitle={known?.resolved ? known.title ?? undefined : undefined} />
                      </Form.Item>
                      {known && (
                        // The full title: the picker cuts long ones short in this narrow column.
                        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
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
