import { beforeAll, describe, expect, it } from 'vitest';
import { docxConversionUnavailable, renderDocx, squashSpaces, type RenderedDocx } from '../test/docx-text';
import { bullets, paragraph, section, table, type PartyDocument } from './party-document';
import { partyDocxFileName, renderPartyDocx } from './party-docx';
import { formatNumberVi, numberLine, placeDate, romanNumeral, sectionLabel } from './party-format';

describe('Party format rules', () => {
  it('numbers sections I., 1., a) and dashes below', () => {
    expect([1, 2, 3, 4, 9, 14, 40].map(romanNumeral)).toEqual(['I', 'II', 'III', 'IV', 'IX', 'XIV', 'XL']);
    expect(sectionLabel(0, 6)).toBe('VI.');
    expect(sectionLabel(1, 12)).toBe('12.');
    // The Vietnamese alphabet: đ after d, no f.
    expect([1, 4, 5, 6, 7].map((i) => sectionLabel(2, i))).toEqual(['a)', 'd)', 'đ)', 'e)', 'g)']);
    expect(sectionLabel(2, 24)).toBe('aa)');
    expect(sectionLabel(3, 1)).toBe('-');
    expect(() => romanNumeral(0)).toThrow(RangeError);
  });

  it('prints the number and place-date lines, with blanks on a draft', () => {
    expect(numberLine('32-KH/TU')).toBe('Số 32-KH/TU');
    expect(numberLine(null, 'KH/TU')).toBe('Số        -KH/TU');
    expect(placeDate('Hải Phòng', '2021-02-24')).toBe('Hải Phòng, ngày 24 tháng 02 năm 2021');
    expect(placeDate('Hải Phòng', null, 2021)).toBe('Hải Phòng, ngày      tháng      năm 2021');
    expect(formatNumberVi(1234567.5)).toBe('1.234.567,5');
  });

  it('makes ASCII download names', () => {
    expect(partyDocxFileName({ kind: 'KẾ HOẠCH', number: '32-KH/TU' })).toBe('KE-HOACH-32-KH-TU.docx');
    expect(partyDocxFileName({ kind: 'BÁO CÁO', number: null })).toBe('BAO-CAO-van-ban.docx');
  });
});

const plan: PartyDocument = {
  superior: 'Đảng bộ thành phố Hải Phòng',
  issuer: 'Ban Thường vụ Thành ủy',
  number: '12-KH/TU',
  place: 'Hải Phòng',
  date: '2021-02-24',
  kind: 'Kế hoạch',
  subject: ['thực hiện Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị', 'năm 2021'],
  preamble: [paragraph('Thực hiện Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị về "Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", Ban Thường vụ Thành ủy xây dựng Kế hoạch thực hiện năm 2021 như sau:')],
  body: [
    section('Mục đích, yêu cầu',
      section('Mục đích', paragraph('Tiếp tục thực hiện có hiệu quả Chỉ thị số 05-CT/TW.')),
      section('Yêu cầu', paragraph('Thực hiện đồng bộ, gắn với Nghị quyết Trung ương 4 (khóa XII).'))),
    section('Nhiệm vụ trọng tâm',
      section('Đưa nội dung học tập vào chương trình hành động toàn khóa và hằng năm',
        section('Các quận ủy, huyện ủy', bullets('Cụ thể hóa kế hoạch', 'Đăng ký vấn đề giải quyết dứt điểm')))),
    section('Tổ chức thực hiện', paragraph('Ban Tuyên giáo Thành ủy tham mưu, hướng dẫn, tổng hợp.')),
  ],
  recipients: ['Ban Tuyên giáo Trung ương', 'Các đồng chí Thành ủy viên', 'Các quận ủy, huyện ủy, đảng ủy trực thuộc', 'Lưu Văn phòng Thành ủy'],
  signature: { authority: 'T/M Ban Thường vụ', position: 'Phó Bí thư', signer: 'Nguyễn Văn Thành' },
};

const report: PartyDocument = {
  superior: 'Đảng bộ thành phố Hải Phòng',
  issuer: 'Ban Tuyên giáo Thành ủy',
  number: null,
  numberSuffix: 'BC/BTGTU',
  place: 'Hải Phòng',
  date: null,
  draftYear: 2021,
  kind: 'Báo cáo',
  subject: 'kết quả học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh 6 tháng đầu năm 2021',
  bodySize: 13,
  body: [
    section('Kết quả thực hiện',
      table(
        [{ title: 'TT', width: 1, align: 'center' }, { title: 'Đơn vị', width: 5 }, { title: 'Số buổi sinh hoạt chuyên đề', width: 3 }, { title: 'Số mô hình mới', width: 3 }],
        [[1, 'Quận ủy Lê Chân', 1250, 14], [2, 'Quận ủy Ngô Quyền', 980, 9], [3, 'Huyện ủy Bạch Long Vĩ', null, 1]],
        { caption: 'Biểu 1: Kết quả theo đơn vị', totals: ['', 'Tổng cộng', 2230, 24], note: 'Số liệu do các đơn vị báo cáo.' },
      )),
  ],
  recipients: ['Thường trực Thành ủy', 'Lưu'],
  signature: { authority: 'K/T Trưởng ban', position: 'Phó Trưởng ban', signer: null },
};

const unavailable = await docxConversionUnavailable();

describe('official DOCX rendered by LibreOffice', () => {
  let planRendered: RenderedDocx;
  let reportRendered: RenderedDocx;

  beforeAll(async () => {
    if (unavailable) return;
    planRendered = await renderDocx(await renderPartyDocx(plan));
    reportRendered = await renderDocx(await renderPartyDocx(report));
  }, 240_000);

  it.skipIf(unavailable)('has the header, number, place-date line, title, sections, recipients and signature', () => {
    const text = squashSpaces(planRendered.text);
    for (const expected of [
      'ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG', 'BAN THƯỜNG VỤ THÀNH ỦY', 'ĐẢNG CỘNG SẢN VIỆT NAM', '*', 'Số 12-KH/TU',
      'Hải Phòng, ngày 24 tháng 02 năm 2021', 'KẾ HOẠCH', 'thực hiện Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị',
      'I. MỤC ĐÍCH, YÊU CẦU', '1. Mục đích', '2. Yêu cầu', 'II. NHIỆM VỤ TRỌNG TÂM', 'a) Các quận ủy, huyện ủy',
      '- Cụ thể hóa kế hoạch', 'III. TỔ CHỨC THỰC HIỆN', 'Nơi nhận:', '- Ban Tuyên giáo Trung ương,', '- Lưu Văn phòng Thành ủy.',
      'T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ', 'Nguyễn Văn Thành',
    ]) {
      expect(text, expected).toContain(expected);
    }
    // The header comes first: the party name and the superior body share the first line.
    const firstLine = text.split('\n').find((l) => l.trim() !== '') ?? '';
    expect(firstLine).toContain('ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG');
    expect(firstLine).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    // Number and place-date line on one row, the number on the left.
    const numberRow = text.split('\n').find((l) => l.includes('Số 12-KH/TU')) ?? '';
    expect(numberRow.indexOf('Số 12-KH/TU')).toBeLessThan(numberRow.indexOf('Hải Phòng, ngày'));
    // "Nơi nhận" sits left of the signature block.
    const signRow = text.split('\n').find((l) => l.includes('Nơi nhận:')) ?? '';
    expect(signRow.indexOf('Nơi nhận:')).toBeLessThan(signRow.indexOf('T/M BAN THƯỜNG VỤ'));
  });

  it.skipIf(unavailable)('lays out A4 with the guidance margins', () => {
    expect(planRendered.pageSizeMm).toEqual({ width: 210, height: 297 });
    const firstPage = planRendered.words.filter((w) => w.page === 1);
    const left = Math.min(...firstPage.map((w) => w.left));
    const right = Math.max(...firstPage.map((w) => w.right));
    const top = Math.min(...firstPage.map((w) => w.top));
    expect(left).toBeGreaterThanOrEqual(30);
    expect(left).toBeLessThan(36);
    expect(right).toBeLessThanOrEqual(195.5);
    expect(top).toBeGreaterThanOrEqual(19);
    // The party name is in the right half; the issuing body in the left.
    const party = firstPage.find((w) => w.text === 'CỘNG')!;
    const issuer = firstPage.find((w) => w.text === 'THƯỜNG')!;
    expect(party.left).toBeGreaterThan(105);
    expect(issuer.right).toBeLessThan(105);
  });

  it.skipIf(unavailable)('prints a report with a table by unit and a draft number line', () => {
    const text = squashSpaces(reportRendered.text);
    expect(text).toContain('BAN TUYÊN GIÁO THÀNH ỦY');
    expect(text).toContain('Số -BC/BTGTU');
    expect(text).toContain('Hải Phòng, ngày tháng năm 2021');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('I. KẾT QUẢ THỰC HIỆN');
    expect(text).toContain('Biểu 1: Kết quả theo đơn vị');
    expect(text).toMatch(/Quận ủy Lê Chân\s+1\.250\s+14/);
    expect(text).toMatch(/Tổng cộng\s+2\.230\s+24/);
    expect(text).toContain('Số liệu do các đơn vị báo cáo.');
    expect(text).toContain('K/T TRƯỞNG BAN');
    expect(text).toContain('PHÓ TRƯỞNG BAN');
    expect(text).toContain('- Thường trực Thành ủy,');
  });
});
