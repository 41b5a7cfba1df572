import { describe, expect, it } from 'vitest';
import { codeOfKind, DOCUMENT_KINDS, kindOfCode } from './document-kinds';
import {
  NUMBER_IN_TEXT, formatDocumentNumber, parseDocumentNumber, requireDocumentNumber, sameDocumentNumber, tryParseDocumentNumber,
} from './document-number';
import { ValidationError } from './errors';

function parsed(input: string) {
  const result = parseDocumentNumber(input);
  if (!result.ok) throw new Error(`${input}: ${result.problem.en}`);
  return result.value;
}

function problemOf(input: string) {
  const result = parseDocumentNumber(input);
  if (result.ok) throw new Error(`${input} parsed as ${result.value.text}`);
  return result.problem;
}

describe('Party numbers (NUMBER-KIND/ISSUER)', () => {
  it.each([
    ['05-CT/TW', { number: '05', kindCode: 'CT', issuerCode: 'TW', kind: 'chi_thi' }],
    ['32-KH/TU', { number: '32', kindCode: 'KH', issuerCode: 'TU', kind: 'ke_hoach' }],
    ['03-KH/TW', { number: '03', kindCode: 'KH', issuerCode: 'TW', kind: 'ke_hoach' }],
    ['49-KH/BTGTU', { number: '49', kindCode: 'KH', issuerCode: 'BTGTU', kind: 'ke_hoach' }],
    ['45-NQ/TW', { number: '45', kindCode: 'NQ', issuerCode: 'TW', kind: 'nghi_quyet' }],
    ['100-KL/TW', { number: '100', kindCode: 'KL', issuerCode: 'TW', kind: 'ket_luan' }],
    ['36-HD/VPTW', { number: '36', kindCode: 'HD', issuerCode: 'VPTW', kind: 'huong_dan' }],
    ['205-QĐi/TW', { number: '205', kindCode: 'QĐi', issuerCode: 'TW', kind: 'quy_dinh' }],
    ['1234-CV/TU', { number: '1234', kindCode: 'CV', issuerCode: 'TU', kind: 'cong_van' }],
    ['15-TT/TW', { number: '15', kindCode: 'TT', issuerCode: 'TW', kind: 'thong_tri' }],
    ['12-NQ/ĐU', { number: '12', kindCode: 'NQ', issuerCode: 'ĐU', kind: 'nghi_quyet' }],
  ])('reads %s', (input, expected) => {
    const n = parsed(input);
    expect(n).toMatchObject({ numbering: 'party', year: null, ...expected });
    expect(n.text).toBe(input);
  });

  it.each([
    ['100 - KL/TW', '100-KL/TW'],
    ['100 -KL/ TW', '100-KL/TW'],
    ['05–CT/TW', '05-CT/TW'],
    ['05—CT/TW', '05-CT/TW'],
    ['05\u2212CT/TW', '05-CT/TW'],
    ['5-CT/TW', '05-CT/TW'],
    ['005-CT/TW', '05-CT/TW'],
    ['05-ct/tw', '05-CT/TW'],
    ['Số 32-KH/TU', '32-KH/TU'],
    ['số: 32-KH/TU,', '32-KH/TU'],
    ['  49 - kh / btgtu. ', '49-KH/BTGTU'],
    ['205-qdi/tw', '205-QĐi/TW'],
    ['205-QDi/TW', '205-QĐi/TW'],
    ['05-CT/TƯ', '05-CT/TW'],
    ['12-nq/du', '12-NQ/ĐU'],
    ['05\u00a0-\u00a0CT/TW', '05-CT/TW'],
    ['05-CT∕TW', '05-CT/TW'],
  ])('reads the variant %s as %s', (input, canonical) => {
    expect(parsed(input).text).toBe(canonical);
  });

  it('keeps kind codes it does not know, upper-cased, with no kind', () => {
    const n = parsed('07-bb/tu');
    expect(n).toMatchObject({ kindCode: 'BB', kind: null, text: '07-BB/TU' });
  });
});

describe('State numbers (NUMBER[/YEAR]/KIND-ISSUER)', () => {
  it.each([
    ['27/CT-TTg', { number: '27', year: null, kindCode: 'CT', issuerCode: 'TTg', kind: 'chi_thi' }],
    ['09/2019/NĐ-CP', { number: '09', year: 2019, kindCode: 'NĐ', issuerCode: 'CP', kind: 'nghi_dinh' }],
    ['30/2020/NĐ-CP', { number: '30', year: 2020, kindCode: 'NĐ', issuerCode: 'CP', kind: 'nghi_dinh' }],
    ['1234/QĐ-UBND', { number: '1234', year: null, kindCode: 'QĐ', issuerCode: 'UBND', kind: 'quyet_dinh' }],
    ['01/2021/TT-BGDĐT', { number: '01', year: 2021, kindCode: 'TT', issuerCode: 'BGDĐT', kind: 'thong_tu' }],
    ['03/2022/TTLT-BTC-BNV', { number: '03', year: 2022, kindCode: 'TTLT', issuerCode: 'BTC-BNV', kind: 'thong_tu' }],
    ['15/KH-UBND', { number: '15', kindCode: 'KH', issuerCode: 'UBND', kind: 'ke_hoach' }],
    ['20/QyĐ-UBND', { number: '20', kindCode: 'QyĐ', issuerCode: 'UBND', kind: 'quy_dinh' }],
    ['123/UBND-VX', { number: '123', kindCode: null, issuerCode: 'UBND-VX', kind: null }],
    ['25/2018/QH14', { number: '25', year: 2018, kindCode: null, issuerCode: 'QH14', kind: 'luat' }],
  ])('reads %s', (input, expected) => {
    const n = parsed(input);
    expect(n).toMatchObject({ numbering: 'state', ...expected });
    expect(n.text).toBe(input);
  });

  it.each([
    ['09/2019/ND-CP', '09/2019/NĐ-CP'],
    ['09/2019/nd-cp', '09/2019/NĐ-CP'],
    ['9/2019/NĐ-CP', '09/2019/NĐ-CP'],
    ['09 / 2019 / NĐ - CP', '09/2019/NĐ-CP'],
    ['27/ct-ttg', '27/CT-TTg'],
    ['27/CT–TTg', '27/CT-TTg'],
    ['27/CT-TTG', '27/CT-TTg'],
    ['1234/qd-ubnd', '1234/QĐ-UBND'],
    ['1234/QD-UBND', '1234/QĐ-UBND'],
    ['01/2021/TT-BGDDT', '01/2021/TT-BGDĐT'],
    ['Số: 1234/QĐ-UBND.', '1234/QĐ-UBND'],
  ])('reads the variant %s as %s', (input, canonical) => {
    expect(parsed(input).text).toBe(canonical);
  });

  it('reads TT by convention: a Thông tư in the State, a Thông tri in the Party', () => {
    expect(parsed('01/2021/TT-BGDĐT').kind).toBe('thong_tu');
    expect(parsed('15-TT/TW').kind).toBe('thong_tri');
  });
});

describe('bad numbers say what is wrong, in both languages', () => {
  it.each([
    ['', 'empty', /trống/, /empty/],
    ['   ', 'empty', /trống/, /empty/],
    ['CT/TW', 'number', /bắt đầu bằng số thứ tự/, /starts with its serial/],
    ['Chỉ thị 05', 'number', /bắt đầu bằng số thứ tự/, /serial/],
    ['05', 'separator', /thiếu ký hiệu/, /missing/],
    ['05.CT/TW', 'separator', /"-".*"\/"/, /followed by "-".*"\/"/],
    ['05-CT-TW', 'separator', /thiếu dấu "\/"/, /missing "\/"/],
    ['05-/TW', 'kind', /thiếu ký hiệu loại văn bản/, /kind code .* missing/],
    ['05-C1/TW', 'kind', /chỉ được gồm chữ cái/, /only letters/],
    ['05-CT/', 'issuer', /thiếu ký hiệu cơ quan ban hành/, /issuing body's code is missing/],
    ['05-CT/T_W', 'issuer', /chỉ được gồm chữ và số/, /only letters and digits/],
    ['05-CT/TW/X', 'extra', /một dấu "\/"/, /single "\/"/],
    ['09/19/NĐ-CP', 'year', /năm "19"/, /year "19"/],
    ['09/1800/NĐ-CP', 'year', /từ 1945/, /from 1945/],
    ['09/2019/', 'kind', /thiếu ký hiệu loại văn bản và cơ quan/, /kind and issuing body codes/],
    ['09/2019/NĐ-CP/X', 'extra', /quá nhiều dấu/, /too many/],
    ['27/CT-', 'issuer', /thiếu ký hiệu cơ quan/, /missing/],
    ['0-CT/TW', 'number', /không hợp lệ/, /invalid/],
    ['1234567-CT/TW', 'number', /không hợp lệ/, /invalid/],
    ['05 CT/TW', 'extra', /khoảng trắng/, /stray spaces/],
  ])('%j → %s', (input, part, vi, en) => {
    const p = problemOf(input);
    expect(p.part).toBe(part);
    expect(p.vi).toMatch(vi);
    expect(p.en).toMatch(en);
  });

  it('turns a bad number into a 400 naming the field', () => {
    expect(() => requireDocumentNumber('05-CT', 'number')).toThrow(ValidationError);
    try {
      requireDocumentNumber('05-CT', 'number');
    } catch (error) {
      const e = error as ValidationError;
      expect(e.status).toBe(400);
      expect(e.issues[0].field).toBe('number');
      expect(e.text.vi).toMatch(/^number: thiếu dấu/);
      expect(e.text.en).toMatch(/^number: missing/);
    }
    expect(tryParseDocumentNumber('không phải số')).toBeNull();
  });
});

describe('printing and comparing', () => {
  it('prints what it parses, and parses what it prints', () => {
    for (const text of ['05-CT/TW', '100-KL/TW', '27/CT-TTg', '09/2019/NĐ-CP', '123/UBND-VX', '25/2018/QH14', '205-QĐi/TW']) {
      const n = parsed(text);
      expect(formatDocumentNumber(n)).toBe(text);
      expect(parsed(formatDocumentNumber(n))).toEqual(n);
    }
  });

  it('knows two spellings of one number', () => {
    expect(sameDocumentNumber('5 - ct/tw', '05-CT/TW')).toBe(true);
    expect(sameDocumentNumber('09/2019/ND-CP', '9/2019/NĐ-CP')).toBe(true);
    expect(sameDocumentNumber('05-CT/TW', '05-CT/TU')).toBe(false);
    expect(sameDocumentNumber('05-CT/TW', 'rác')).toBe(false);
  });
});

describe('kind codes', () => {
  it('maps codes to kinds per convention and back', () => {
    expect(kindOfCode('QĐi', 'party')).toBe('quy_dinh');
    expect(kindOfCode('QĐ', 'party')).toBe('quyet_dinh');
    expect(kindOfCode('qd', 'state')).toBe('quyet_dinh');
    expect(kindOfCode('QyĐ', 'state')).toBe('quy_dinh');
    expect(kindOfCode('NĐ', 'party')).toBeNull();
    expect(kindOfCode('KL', 'state')).toBeNull();
    expect(codeOfKind('nghi_dinh', 'state')).toBe('NĐ');
    expect(codeOfKind('ke_hoach', 'party')).toBe('KH');
    for (const kind of DOCUMENT_KINDS) {
      for (const numbering of ['party', 'state'] as const) {
        const code = codeOfKind(kind.code, numbering);
        if (code) expect(kindOfCode(code, numbering)).toBe(kind.code);
      }
    }
  });
});

describe('finding numbers in running text', () => {
  const find = (text: string) => [...text.matchAll(NUMBER_IN_TEXT)].map((m) => tryParseDocumentNumber(m[0])?.text ?? `?${m[0]}`);

  it('finds both conventions and leaves dates alone', () => {
    expect(find('Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị; Chỉ thị số 27/CT-TTg, ngày 8/9/2016')).toEqual(['05-CT/TW', '27/CT-TTg']);
    expect(find('Nghị định 09/2019/NĐ-CP (20/10/1946 – 20/10/2021)')).toEqual(['09/2019/NĐ-CP']);
    expect(find('Kết luận số 100 - KL/TW và 1234/QĐ-UBND.')).toEqual(['100-KL/TW', '1234/QĐ-UBND']);
    expect(find('định kỳ 6 tháng và 1 năm; 24/7; 2 lần/năm')).toEqual([]);
  });
});
