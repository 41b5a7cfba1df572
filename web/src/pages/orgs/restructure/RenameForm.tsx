/** "Đổi tên": a new name (and/or kind) from a date; the old name stays in the history. */
import { Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { renameBody } from '../../../../../src/modules/orgs/orgs.contract';
import { renameUnit, type OrgUnitDetail } from '../../../api/orgs';
import { zodRule } from '../../../forms/validation';
import { toDayjs, toIso } from '../../../lib/dates';
import { ORGS_NS } from '../i18n';
import type { OrgsView } from '../useOrgsLocation';
import { DateField, KindField, NoteField, optional } from './fields';
import { RestructureModal } from './RestructureModal';

interface Values {
  name: string;
  shortName?: string;
  kind?: string;
  effectiveDate: Dayjs;
  note?: string;
}

export function RenameForm({ unit, view, open, onClose, onDone }: {
  unit: OrgUnitDetail; view: OrgsView; open: boolean; onClose(): void; onDone(patch: Partial<OrgsView>): void;
}) {
  const { t } = useTranslation(ORGS_NS);
  const [form] = Form.useForm<Values>();
  return (
    <RestructureModal<Values, typeof renameBody>
      open={open}
      title={`${t('actions.rename')}: ${unit.name}`}
      form={form}
      initialValues={{ name: unit.name, shortName: unit.shortName ?? undefined, kind: unit.kind, effectiveDate: toDayjs(view.asOf)! }}
      onClose={onClose}
      onDone={onDone}
      unitAfter={() => unit.id}
      submission={(v) => ({
        schema: renameBody,
        body: {
          name: v.name, shortName: optional(v.shortName), kind: v.kind && v.kind !== unit.kind ? v.kind : undefined,
          effectiveDate: toIso(v.effectiveDate), note: optional(v.note),
        },
        send: (body) => renameUnit(unit.id, body),
        effectiveDate: toIso(v.effectiveDate),
      })}
    >
      <Form.Item name="name" label={t('form.newName')} rules={[zodRule(renameBody.shape.name)]}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="shortName" label={t('form.shortName')} rules={[zodRule(renameBody.shape.shortName)]}>
        <Input maxLength={120} />
      </Form.Item>
      <KindField name="kind" />
      <DateField name="effectiveDate" label={t('form.effectiveDate')} />
      <NoteField />
    </RestructureModal>
  );
}
