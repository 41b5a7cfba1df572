/** "Chia tách": the unit ceases and new units take its place, sharing out its subordinates. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { splitBody } from '../../../../../src/modules/orgs/orgs.contract';
import { splitUnit, type OrgUnit, type OrgUnitDetail } from '../../../api/orgs';
import { UnitPicker } from '../../../components/units/UnitPicker';
import { toDayjs, toIso } from '../../../lib/dates';
import { ORGS_NS } from '../i18n';
import type { OrgsView } from '../useOrgsLocation';
import { DateField, KindField, NoteField, optional, useEffectiveDay } from './fields';
import { RestructureModal } from './RestructureModal';

interface Part {
  code: string;
  name: string;
  shortName?: string;
  kind: string;
  parentId?: number;
  childIds?: number[];
}

interface Values {
  parts: Part[];
  effectiveDate: Dayjs;
  note?: string;
}

function PartsFields({ unit, view, subordinates }: { unit: OrgUnitDetail; view: OrgsView; subordinates: readonly OrgUnit[] }) {
  const { t } = useTranslation(ORGS_NS);
  const day = useEffectiveDay(view.asOf);
  return (
    <Form.List name="parts">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, i) => (
            <Card
              key={field.key}
              size="small"
              title={t('form.part', { n: i + 1 })}
              style={{ marginBottom: 12 }}
              extra={fields.length > 2 && <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={`${t('form.part', { n: i + 1 })}`} />}
            >
              <Form.Item name={[field.name, 'name']} label={t('form.name')} rules={[{ required: true, whitespace: true }]}>
                <Input maxLength={300} />
              </Form.Item>
              <Form.Item name={[field.name, 'shortName']} label={t('form.shortName')}>
                <Input maxLength={120} />
              </Form.Item>
              <Form.Item name={[field.name, 'code']} label={t('form.code')} rules={[{ required: true, whitespace: true }]}>
                <Input maxLength={64} className="mono" />
              </Form.Item>
              <KindField name={[field.name, 'kind']} />
              <Form.Item name={[field.name, 'parentId']} label={t('form.parent')}>
                <UnitPicker hierarchy="party" asOf={day} exclude={[unit.id]} />
              </Form.Item>
              {subordinates.length > 0 && (
                <Form.Item name={[field.name, 'childIds']} label={t('form.childIds')}>
                  <Select mode="multiple" optionFilterProp="label" options={subordinates.map((c) => ({ value: c.id, label: c.name }))} />
                </Form.Item>
              )}
            </Card>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ kind: unit.kind })} block style={{ marginBottom: 12 }}>{t('form.addPart')}</Button>
        </>
      )}
    </Form.List>
  );
}

export function SplitForm({ unit, view, subordinates, open, onClose, onDone }: {
  unit: OrgUnitDetail; view: OrgsView; subordinates: readonly OrgUnit[]; open: boolean; onClose(): void; onDone(patch: Partial<OrgsView>): void;
}) {
  const { t } = useTranslation(ORGS_NS);
  const [form] = Form.useForm<Values>();
  return (
    <RestructureModal<Values, typeof splitBody>
      open={open}
      title={`${t('actions.split')}: ${unit.name}`}
      form={form}
      initialValues={{ effectiveDate: toDayjs(view.asOf)!, parts: [{ kind: unit.kind } as Part, { kind: unit.kind } as Part] }}
      onClose={onClose}
      onDone={onDone}
      submission={(v) => ({
        schema: splitBody,
        body: {
          parts: v.parts.map((p) => ({
            code: p.code, name: p.name, shortName: optional(p.shortName), kind: p.kind, parentId: p.parentId, childIds: p.childIds ?? [],
          })),
          effectiveDate: toIso(v.effectiveDate),
          note: optional(v.note),
        },
        send: (body) => splitUnit(unit.id, body),
        effectiveDate: toIso(v.effectiveDate),
      })}
    >
      <DateField name="effectiveDate" label={t('form.effectiveDate')} />
      <PartsFields unit={unit} view={view} subordinates={subordinates} />
      <NoteField />
    </RestructureModal>
  );
}
