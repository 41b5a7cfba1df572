/**
 * Party plan numbers: "12-KH/TU", "49-KH/BTGTU", typed with the spacing and case real texts use
 * ("12 - kh/tu"). Printed canonically as `<number>-KH/<issuer>`.
 */
import { invalidField } from '../../core/errors';

export interface PlanNumber {
  number: string;
  issuerCode: string;
  text: string;
}

const PARTY_NUMBER = /^(?:số\s*)?(\d{1,5}[a-z]?)\s*-\s*([\p{L}]{1,6})\s*\/\s*([\p{L}\p{N}-]{1,20})$/iu;

export function parsePlanNumber(raw: string, field = 'number'): PlanNumber {
  const text = raw.normalize('NFC').trim();
  const m = PARTY_NUMBER.exec(text);
  if (!m) {
    throw invalidField(field, `"${raw}" không phải số văn bản của Đảng dạng "12-KH/TU"`, `"${raw}" is not a Party document number like "12-KH/TU"`);
  }
  const kind = m[2].toUpperCase();
  if (kind !== 'KH') {
    throw invalidField(field, `số của kế hoạch phải mang ký hiệu KH (đang là ${kind})`, `a plan's number must carry the KH symbol (it has ${kind})`);
  }
  const number = m[1].toLowerCase();
  const issuerCode = m[3].toUpperCase();
  return { number, issuerCode, text: `${number}-KH/${issuerCode}` };
}
