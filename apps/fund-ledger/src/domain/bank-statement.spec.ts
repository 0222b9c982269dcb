import { parseBankStatement, readCsv, yuanToFen } from './bank-statement.js';

const HEADER = '交易日期,金额,对方户名,摘要/附言,流水号';

describe('bank statement CSV (RFC 4180)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF and a BOM', () => {
    const { records, errors } = readCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n"two\nlines",z\n\nlast,one');
    expect(errors).toEqual([]);
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 3, fields: ['two\nlines', 'z'] },
      { line: 6, fields: ['last', 'one'] },
    ]);
  });

  it('reports an unclosed quote at the line it opens', () => {
    expect(readCsv('a,b\n"open,1\n2,3').errors).toEqual([
      { line: 2, field: '', message: 'a quoted field is never closed' },
    ]);
  });

  it('turns yuan with two decimals into fen exactly, without a float', () => {
    expect(yuanToFen('1,234.56')).toBe(123_456);
    expect(yuanToFen('0.1')).toBe(10);
    expect(yuanToFen('-20.05')).toBe(-2_005);
    expect(yuanToFen('+5')).toBe(500);
    expect(yuanToFen('19.99')).toBe(1_999);
    expect(yuanToFen('1.005')).toBeNull();
    expect(yuanToFen('1e3')).toBeNull();
    expect(yuanToFen('')).toBeNull();
  });

  it('reads a statement into lines', () => {
    const text = `${HEADER}\n2026-03-02,"12,345.60",某某公司,"（2026）辽1104执1号 还款",B0001\n2026/3/3,-500.00,张三,发放,B0002\n`;
    expect(parseBankStatement(text)).toEqual({
      errors: [],
      lines: [
        {
          line: 2,
          date: '2026-03-02',
          amountFen: 1_234_560,
          counterparty: '某某公司',
          memo: '（2026）辽1104执1号 还款',
          serial: 'B0001',
        },
        {
          line: 3,
          date: '2026-03-03',
          amountFen: -50_000,
          counterparty: '张三',
          memo: '发放',
          serial: 'B0002',
        },
      ],
    });
  });

  it('validates every line and names each error with its line, accepting nothing when any is wrong', () => {
    const text = [
      HEADER,
      '2026-02-30,1.00,a,b,S1',
      '2026-03-01,1.234,a,b,S2',
      '2026-03-01,0,a,b,S3',
      '2026-03-01,2.00,a,b,',
      '2026-03-01,2.00,a,b,S5',
      '2026-03-01,3.00,a,b,S5',
      '2026-03-01,3.00,a',
    ].join('\n');
    const parsed = parseBankStatement(text);
    expect(parsed.lines).toEqual([]);
    expect(parsed.errors.map((e) => [e.line, e.field])).toEqual([
      [2, '交易日期'],
      [3, '金额'],
      [4, '金额'],
      [5, '流水号'],
      [7, '流水号'],
      [8, ''],
    ]);
    expect(parsed.errors[4]!.message).toMatch(/repeats line 6/);
  });

  it('names a missing column', () => {
    expect(parseBankStatement('交易日期,金额,对方户名,流水号\n').errors).toEqual([
      { line: 1, field: '摘要/附言', message: 'the column 摘要/附言 is missing' },
    ]);
    expect(parseBankStatement('').errors[0]!.message).toBe('the file is empty');
  });
});
