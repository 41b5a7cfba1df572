/** The plan as a DOCX in the Party format, for whoever may read it (a draft prints with blank number and date). */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import { tryParseDocumentNumber } from '../../core/document-number';
import type { Database } from '../../db/schema';
import { partyDocxFileName, renderPartyDocx } from '../../output/party-docx';
import * as registry from '../documents/documents.service';
import * as orgUnits from '../orgs/orgs.lookup';
import { loadReadablePlan } from './plan-access';
import { planDocument } from './plan-docx';
import { getVersion } from './plan-lifecycle.service';
import * as repo from './plans.repository';
import { getPlan } from './plans.service';

type Db = Kysely<Database>;

/** "KH/TU" for a draft of a unit whose earlier plans were numbered "…-KH/TU". */
async function draftSuffix(db: Db, unitId: number): Promise<string> {
  const documentId = await repo.latestPlanDocumentOf(db, unitId);
  const number = documentId === null ? null : (await registry.documentSummaries(db, [documentId])).get(documentId)?.number ?? null;
  const parsed = number ? tryParseDocumentNumber(number) : null;
  return parsed ? `KH/${parsed.issuerCode}` : 'KH';
}

export async function exportPlanDocx(db: Db, actor: Actor | null, planId: number, version?: number): Promise<{ bytes: Buffer; fileName: string }> {
  const plan = await loadReadablePlan(db, actor, planId);
  const view = version === undefined ? await getPlan(db, actor, planId) : await getVersion(db, actor, planId, version);
  const superior = await orgUnits.parentOn(db, plan.issuer_unit_id, plan.ref_date);
  const document = planDocument(view, {
    superior: superior?.name ?? null,
    numberSuffix: view.number ? undefined : await draftSuffix(db, plan.issuer_unit_id),
  });
  return { bytes: await renderPartyDocx(document), fileName: partyDocxFileName(document, `ke-hoach-${planId}`) };
}
