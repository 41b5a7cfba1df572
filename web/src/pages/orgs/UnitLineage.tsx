/**
 * What the unit came from ("Đơn vị tiền thân") and what became of it ("Đơn vị kế thừa"), each
 * restructuring with its date, and links that open the other units as they stood then: a unit
 * that ceased on D is shown on D-1, a unit formed on D is shown on D.
 */
import { ArrowRightOutlined } from '@ant-design/icons';
import { Empty, Tag, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LineageEvent, OrgUnitDetail } from '../../api/orgs';
import { dayBefore, formatDate } from '../../lib/dates';
import { ORGS_NS } from './i18n';
import { UnitLink } from './UnitLink';

/** Renames and transfers keep the unit itself; they belong to its history, not its lineage. */
function isStructural(event: LineageEvent): boolean {
  return !(event.from.length === 1 && event.to.length === 1 && event.from[0].id === event.to[0].id);
}

const EVENT_COLORS: Record<string, string> = { merge: 'blue', split: 'purple', dissolve: 'red', rename: 'default', move: 'default' };

function EventLine({ event, unitId }: { event: LineageEvent; unitId: number }) {
  const { t } = useTranslation(ORGS_NS);
  const before = dayBefore(event.effectiveDate);
  const names = (units: LineageEvent['from'], asOf: string) => units.map((u, i) => (
    <span key={u.id}>
      {i > 0 && ', '}
      {u.id === unitId ? <strong>{u.name}</strong> : <UnitLink unitId={u.id} asOf={asOf}>{u.name}</UnitLink>}
    </span>
  ));
  return (
    <div className="lineage-event" data-testid="lineage-event">
      <div>
        <Tag color={EVENT_COLORS[event.kind] ?? 'default'}>{t(`lineage.event.${event.kind}`, { defaultValue: event.kind })}</Tag>
        <span className="muted">{formatDate(event.effectiveDate)}</span>
      </div>
      <div style={{ marginTop: 4 }}>
        {names(event.from, before)}
        {' '}<ArrowRightOutlined className="muted" aria-label={t('lineage.into')} />{' '}
        {event.to.length ? names(event.to, event.effectiveDate) : <span className="muted">{t('lineage.noSuccessor')}</span>}
      </div>
      {event.note && <div className="muted" style={{ fontSize: 12 }}>{event.note}</div>}
    </div>
  );
}

export function UnitLineage({ unit }: { unit: OrgUnitDetail }) {
  const { t } = useTranslation(ORGS_NS);
  const { lineage } = unit;
  const predecessors = lineage.predecessors.filter(isStructural);
  const successors = lineage.successors.filter(isStructural);
  // The day each original predecessor last existed: the day before the event it went into.
  const lastDay = new Map<number, string>();
  for (const event of lineage.predecessors) for (const u of event.from) if (!lastDay.has(u.id)) lastDay.set(u.id, dayBefore(event.effectiveDate));
  const current = lineage.currentSuccessors.filter((u) => u.id !== unit.id);
  const stillExists = lineage.currentSuccessors.some((u) => u.id === unit.id);

  return (
    <div data-testid="lineage">
      <h3 className="section-title">{t('lineage.predecessors')}</h3>
      {predecessors.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('lineage.noPredecessors')} /> : (
        <>
          {lineage.originalPredecessors.length > 0 && (
            <p data-testid="formed-from">
              <span className="muted">{t('lineage.formedFrom')}: </span>
              {lineage.originalPredecessors.map((u, i) => (
                <span key={u.id}>{i > 0 && ', '}<UnitLink unitId={u.id} asOf={lastDay.get(u.id)}>{u.name}</UnitLink></span>
              ))}
            </p>
          )}
          <Timeline items={predecessors.map((event) => ({ key: event.eventId, children: <EventLine event={event} unitId={unit.id} /> }))} />
        </>
      )}
      <h3 className="section-title">{t('lineage.successors')}</h3>
      {successors.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('lineage.noSuccessors')} /> : (
        <>
          <Timeline items={successors.map((event) => ({ key: event.eventId, children: <EventLine event={event} unitId={unit.id} /> }))} />
          {current.length > 0 && !stillExists && (
            <p data-testid="carried-on-by">
              <span className="muted">{t('lineage.carriedOnBy')}: </span>
              {current.map((u, i) => <span key={u.id}>{i > 0 && ', '}<UnitLink unitId={u.id}>{u.name}</UnitLink></span>)}
            </p>
          )}
        </>
      )}
    </div>
  );
}
