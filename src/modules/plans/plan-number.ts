/**
 * A plan's number is a Party document number whose kind is KH ("12-KH/TU", "49-KH/BTGTU"), read
 * in any spelling people type by the document-number parser and printed in its canonical form.
 */
import { requireDocumentNumber } from '../../core/document-number';
import { invalidField } from '../../core/errors';

export interface PlanNumber {
  number: string;
  issuerCode: string;
  text: string;
}

export function parsePlanNumber(raw: string, field = 'number'): PlanNumber {
  const parsed = requireDocumentNumber(raw, field);
  if (parsed.numbering !== 'party') {
    throw invalidField(field, `"${raw}" là số văn bản nhà nước; kế hoạch của cấp ủy mang số dạng "12-KH/TU"`,
      `"${raw}" is a State document number; a Party committee's plan is numbered like "12-KH/TU"`);
  }
  if (parsed.kindCode !== 'KH') {
    throw invalidField(field, `số của kế hoạch phải mang ký hiệu KH (đang là ${parsed.kindCode})`, `a plan's number must carry the KH symbol (it has ${parsed.kindCode})`);
  }
  return { number: parsed.number, issuerCode: parsed.issuerCode, text: parsed.text };
}
