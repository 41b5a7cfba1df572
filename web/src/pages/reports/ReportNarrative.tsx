/**
 * The narrative by section: the unit's own text (editable in a draft) beside what the units
 * below wrote, gathered by section with highlights first, each excerpt attributed and ready to
 * insert. Reviewers mark paragraphs of a submitted report as highlights for the level above.
 */
import { StarFilled, StarOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, Input, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { addHighlight, compiled, removeHighlight, type Report } from '../../api/reports';
import { errorText } from '../../forms/validation';
import { reportKeys } from './format';
import { REPORTS_NS } from './i18n';

const paragraphsOf = (text: string) => text.split(/\n+/).map((p) => p.trim()).filter(Boolean);

export function ReportNarrative({ report, narrative, editable, onChange }: {
  report: Report;
  narrative: Record<string, string>;
  editable: boolean;
  onChange: (code: string, text: string) => void;
}) {
  const { t } = useTranslation(REPORTS_NS);
  const { message } = App.useApp();
  const client = useQueryClient();
  const compiledNarrative = useQuery({ queryKey: reportKeys.compiled(report.id), queryFn: () => compiled(report.id) });
  const mayMark = report.can.review;
  const mark = useMutation({
    mutationFn: async (input: { section: string; paragraph: number; highlightId?: number }): Promise<void> => {
      if (input.highlightId) await removeHighlight(report.id, input.highlightId);
      else await addHighlight(report.id, { section: input.section, paragraph: input.paragraph });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: reportKeys.report(report.id) }),
    onError: (error) => message.error(errorText(error)),
  });

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      {compiledNarrative.data && compiledNarrative.data.pending.length > 0 && (
        <Typography.Text type="secondary">{t('report.pending', { units: compiledNarrative.data.pending.map((p) => p.unitName).join(', ') })}</Typography.Text>
      )}
      {report.definition.sections.map((section) => {
        const excerpts = compiledNarrative.data?.sections.find((s) => s.code === section.code)?.excerpts ?? [];
        const text = narrative[section.code] ?? '';
        const insert = (piece: string) => onChange(section.code, text.trim() ? `${text.trimEnd()}\n${piece}` : piece);
        return (
          <Row key={section.code} gutter={[16, 8]}>
            <Col xs={24} lg={excerpts.length ? 14 : 24}>
              <Typography.Title level={5} style={{ marginTop: 0 }}>{section.title}{section.required && <span style={{ color: '#cf1322' }}> *</span>}</Typography.Title>
              {editable ? (
                <Input.TextArea aria-label={section.title} data-testid={`narrative-${section.code}`} autoSize={{ minRows: 3, maxRows: 16 }} value={text} onChange={(e) => onChange(section.code, e.target.value)} />
              ) : (
                <div data-testid={`narrative-${section.code}`}>
                  {paragraphsOf(text).map((p, i) => {
                    const highlight = report.highlights.find((h) => h.section === section.code && (h.paragraph === i || h.paragraph === -1));
                    return (
                      <p key={i} style={{ margin: '0 0 6px' }}>
                        {mayMark && (
                          <Button type="text" size="small" aria-label={highlight ? t('report.unmark') : t('report.mark')} title={highlight ? t('report.unmark') : t('report.mark')}
                            icon={highlight ? <StarFilled style={{ color: '#d48806' }} /> : <StarOutlined />} onClick={() => mark.mutate({ section: section.code, paragraph: i, highlightId: highlight?.id })} />
                        )}
                        {!mayMark && highlight && <StarFilled style={{ color: '#d48806', marginRight: 4 }} />}
                        {p}
                      </p>
                    );
                  })}
                  {!text.trim() && <Typography.Text type="secondary">—</Typography.Text>}
                </div>
              )}
            </Col>
            {excerpts.length > 0 && (
              <Col xs={24} lg={10}>
                <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
                  <Typography.Text strong>{t('report.compiled')}</Typography.Text>
                  {editable && <Button size="small" onClick={() => insert(excerpts.map((e) => `- ${e.unitName}: ${e.text.replace(/\n+/g, ' ')}`).join('\n'))}>{t('report.insertAll')}</Button>}
                </div>
                <div style={{ maxHeight: 320, overflow: 'auto', marginTop: 6 }} data-testid={`compiled-${section.code}`}>
                  {excerpts.map((e, i) => (
                    <div key={i} style={{ padding: '6px 8px', marginBottom: 6, borderLeft: `3px solid ${e.highlighted ? '#d48806' : '#d9d9d9'}`, background: e.highlighted ? '#fffbe6' : '#fafafa' }}>
                      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                        <span>
                          <strong>{e.unitName}</strong>{' '}
                          {e.highlighted && <Tag color="gold">{t('report.highlighted')}</Tag>}
                          {e.status !== 'accepted' && <Tag>{t(`status.${e.status}`)}</Tag>}
                        </span>
                        {editable && <Button size="small" type="link" onClick={() => insert(`- ${e.unitName}: ${e.text.replace(/\n+/g, ' ')}`)}>{t('report.insert')}</Button>}
                      </div>
                      <div style={{ whiteSpace: 'pre-wrap' }}>{e.text}</div>
                      {e.note && <div className="muted"><em>{e.note}</em></div>}
                    </div>
                  ))}
                </div>
              </Col>
            )}
          </Row>
        );
      })}
    </Space>
  );
}
