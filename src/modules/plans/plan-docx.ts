/**
 * A plan as an official Party document (Hướng dẫn 36-HD/VPTW): the header with the issuing unit
 * under its superior, "Số …-KH/…", the place-date line, the title, then I. purposes and
 * requirements, II. the task groups with their tasks (lead and coordinating units, dates,
 * outputs), III. implementation, "Nơi nhận" and the signature. Printing is src/output's job.
 */
import { formatVnDate } from '../../core/dates';
import { bullets, paragraph, section, type Block, type PartyDocument, type Span } from '../../output/party-document';
import type { PlanTaskView, PlanView } from './plans.contract';

export interface PlanHeader {
  /** The issuing unit's superior ("Thành ủy Hải Phòng" above "Quận ủy Lê Chân"); none for a top committee. */
  superior: string | null;
  /** For an unnumbered draft: what follows the blank in "Số …-KH/TU". */
  numberSuffix?: string;
}

/** "Kế hoạch thực hiện …" → "thực hiện …": the kind is printed on its own line above the subject. */
function subjectOf(title: string): string {
  return title.replace(/^\s*kế hoạch\s+/iu, '').trim() || title;
}

function dateLine(task: PlanTaskView): string | null {
  if (task.milestoneOn) return `Thời điểm: ${formatVnDate(task.milestoneOn)}`;
  if (task.startOn && task.dueOn) return `Thời gian: từ ${formatVnDate(task.startOn)} đến ${formatVnDate(task.dueOn)}`;
  if (task.dueOn) return `Thời hạn: ${formatVnDate(task.dueOn)}`;
  if (task.startOn) return `Thời gian: từ ${formatVnDate(task.startOn)}`;
  return null;
}

function assignment(task: PlanTaskView): Span[] | null {
  if (!task.leadUnit && task.coordinatingUnits.length === 0) return null;
  const spans: Span[] = [];
  if (task.leadUnit) spans.push({ text: 'Chủ trì: ', bold: true }, { text: task.leadUnit.name });
  if (task.coordinatingUnits.length) {
    spans.push({ text: `${spans.length ? '; ' : ''}phối hợp: `, bold: true }, { text: task.coordinatingUnits.map((u) => u.name).join(', ') });
  }
  spans.push({ text: '.' });
  return spans;
}

function taskBlocks(task: PlanTaskView, all: PlanTaskView[]): Block[] {
  const blocks: Block[] = [];
  if (task.description) blocks.push(paragraph(task.description));
  const who = assignment(task);
  if (who) blocks.push(paragraph(who));
  const when = dateLine(task);
  if (when) blocks.push(paragraph(when));
  if (task.expectedOutputs) blocks.push(paragraph([{ text: 'Sản phẩm: ', italic: true }, { text: task.expectedOutputs }]));
  for (const child of all.filter((t) => t.parentId === task.id)) blocks.push(section(child.title, ...taskBlocks(child, all)));
  return blocks;
}

function implementsLine(view: PlanView): Block[] {
  if (view.implements.length === 0) return [];
  const cited = view.implements.map((d) => [
    d.kindName, d.number ? `số ${d.number}` : null, d.issuedOn ? `ngày ${formatVnDate(d.issuedOn)}` : null, d.issuerName ? `của ${d.issuerName}` : null,
  ].filter(Boolean).join(' ').replace(/ ngày/, ', ngày'));
  return [paragraph(`Thực hiện ${cited.join('; ')}, ${view.issuingBody} ban hành Kế hoạch năm ${view.year} như sau:`)];
}

export function planDocument(view: PlanView, header: PlanHeader): PartyDocument {
  const groups = view.tasks.filter((t) => t.parentId === null);
  const purposes = view.purposes.map((p) => paragraph(p));
  const requirements = view.requirements.map((r) => paragraph(r));
  const implementation: Block[] = view.implementation.map((item) => section(item.responsible, paragraph(item.duties)));
  if (view.requiredUnits.length && view.concretizeDueOn) {
    implementation.push(section('Cụ thể hóa kế hoạch',
      paragraph(`Các đơn vị sau xây dựng kế hoạch cụ thể hóa Kế hoạch này, ban hành trước ngày ${formatVnDate(view.concretizeDueOn)}:`),
      bullets(...view.requiredUnits.map((u) => u.name))));
  }
  const body: Block[] = [
    section('Mục đích, yêu cầu', section('Mục đích', ...purposes), section('Yêu cầu', ...requirements)),
    section('Nhiệm vụ trọng tâm', ...groups.map((g) => section(g.title, ...taskBlocks(g, view.tasks)))),
  ];
  if (implementation.length) body.push(section('Tổ chức thực hiện', ...implementation));
  return {
    superior: header.superior,
    issuer: view.issuerUnit.name,
    number: view.number,
    numberSuffix: view.number ? undefined : header.numberSuffix,
    place: view.place,
    date: view.issuedOn,
    draftYear: view.year,
    kind: 'Kế hoạch',
    subject: subjectOf(view.title),
    preamble: implementsLine(view),
    body,
    recipients: view.recipients,
    signature: { authority: view.signerCapacity ?? undefined, position: view.signerTitle ?? '', signer: view.signerName },
    title: view.title,
    creator: view.issuingBody,
  };
}
