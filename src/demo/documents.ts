/**
 * The documents the seed article cites, in the registry with their real numbers, dates and
 * issuers, and the links between them: 03-KH/TW implements 05-CT/TW; 32-KH/TU implements both;
 * the Prime Minister's 27/CT-TTg and the Central Committee 4 resolution are related to 05-CT/TW.
 * The city's 2021 plan and the districts' plans are added by the plans part when it issues them.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { CreateDocumentInput } from '../modules/documents/documents.contract';
import { createDocument } from '../modules/documents/documents.service';
import type { DemoContext } from './context';

interface DemoDocument extends Omit<CreateDocumentInput, 'links' | 'issuerUnitId'> {
  /** Handle for links below. */
  ref: string;
  /** Demo unit code of the issuer, when it is one of ours. */
  issuerUnit?: string;
  links?: Array<{ kind: 'implements' | 'based_on' | 'related'; to: string }>;
}

const HCM = 'đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh';

export const DEMO_DOCUMENTS: readonly DemoDocument[] = [
  {
    ref: 'ct05', kind: 'chi_thi', number: '05-CT/TW', issuerName: 'Bộ Chính trị', issuedOn: '2016-05-15',
    title: `Về ${HCM}`,
  },
  {
    ref: 'nqtw4', kind: 'nghi_quyet', number: '04-NQ/TW', issuerName: 'Ban Chấp hành Trung ương Đảng', issuedOn: '2016-10-30',
    citationKey: 'tw:4:XII',
    title: 'Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII về tăng cường xây dựng, chỉnh đốn Đảng; ngăn chặn, đẩy lùi sự suy thoái về tư tưởng chính trị, đạo đức, lối sống, những biểu hiện "tự diễn biến", "tự chuyển hóa" trong nội bộ',
    links: [{ kind: 'related', to: 'ct05' }],
  },
  {
    ref: 'kh03', kind: 'ke_hoach', number: '03-KH/TW', issuerName: 'Ban Bí thư', issuedOn: '2016-07-25',
    title: `Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị về ${HCM}`,
    links: [{ kind: 'implements', to: 'ct05' }],
  },
  {
    ref: 'ct27', kind: 'chi_thi', number: '27/CT-TTg', issuerName: 'Thủ tướng Chính phủ', issuedOn: '2016-09-08',
    title: `Về ${HCM}`,
    links: [{ kind: 'related', to: 'ct05' }],
  },
  {
    ref: 'kh32', kind: 'ke_hoach', number: '32-KH/TU', issuerUnit: 'TU-HP', issuerName: 'Ban Thường vụ Thành ủy', issuedOn: '2016-09-26',
    title: `Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị về ${HCM}`,
    links: [{ kind: 'implements', to: 'kh03' }, { kind: 'implements', to: 'ct05' }],
  },
  {
    ref: 'nq45', kind: 'nghi_quyet', number: '45-NQ/TW', issuerName: 'Bộ Chính trị', issuedOn: '2019-01-24',
    title: 'Về xây dựng và phát triển thành phố Hải Phòng đến năm 2030, tầm nhìn đến năm 2045',
  },
  {
    ref: 'dhtp16', kind: 'nghi_quyet', issuerUnit: 'TU-HP', issuerName: 'Đại hội đại biểu Đảng bộ thành phố Hải Phòng lần thứ XVI', issuedOn: '2020-10-16',
    citationKey: 'dh:thanh-pho-hai-phong:XVI',
    title: 'Nghị quyết Đại hội đại biểu Đảng bộ thành phố Hải Phòng lần thứ XVI, nhiệm kỳ 2020 - 2025',
    links: [{ kind: 'based_on', to: 'nq45' }],
  },
  {
    ref: 'dh13', kind: 'nghi_quyet', issuerName: 'Đại hội đại biểu toàn quốc lần thứ XIII của Đảng', issuedOn: '2021-02-01',
    citationKey: 'dh:toan-quoc:XIII',
    title: 'Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng',
  },
];

/** Register the cited documents and their links; returns their ids by handle (ct05, kh32 …) for later parts. */
export async function loadDemoDocuments(db: Kysely<Database>, ctx: DemoContext): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const { ref, issuerUnit, links, ...fields } of DEMO_DOCUMENTS) {
    const created = await createDocument(db, ctx.actor, {
      ...fields,
      issuerUnitId: issuerUnit ? ctx.unit(issuerUnit) : undefined,
      links: (links ?? []).map((l) => {
        const to = ids.get(l.to);
        if (to === undefined) throw new Error(`demo document ${ref} links to ${l.to}, which comes later`);
        return { kind: l.kind, toDocumentId: to };
      }),
    });
    ids.set(ref, created.id);
  }
  ctx.log(`Sổ văn bản: ${ids.size} văn bản được trích dẫn`);
  return ids;
}
