import { MAX_FEN, type Fen } from '@writ/contracts';

/**
 * A bank statement of the court's dedicated account (执行款专户), as the bank exports it in CSV: read
 * by a small RFC 4180 reader (quoted fields, "" for a quote, commas and line breaks inside quotes, CRLF
 * or LF, a UTF-8 BOM), every line validated, errors naming the line. No CSV library is in the repo and
 * five known columns do not justify one.
 */
export interface StatementLine {
  /** the physical line of the file the record starts on (1 = the header) */
  line: number;
  /** 交易日期, YYYY-MM-DD */
  date: string;
  /** 金额 in fen: positive money in, negative money out */
  amountFen: Fen;
  /** 对方户名 */
  counterparty: string;
  /** 摘要/附言 */
  memo: string;
  /** 流水号, the bank's serial number, unique in the account */
  serial: string;
}

export interface StatementError {
  line: number;
  field: string;
  message: string;
}

export interface ParsedStatement {
  lines: StatementLine[];
  errors: StatementError[];
}

interface CsvRecord {
  line: number;
  fields: string[];
}

/** RFC 4180 records, each with the line it starts on; an unclosed quote is an error at its line. */
export function readCsv(text: string): { records: CsvRecord[]; errors: StatementError[] } {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  const errors: StatementError[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    // a blank line is no record
    if (!(fields.length === 1 && fields[0] === '' && !fieldStarted))
      records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };
  while (i < source.length) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        const next = source[i];
        if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
          errors.push({
            line,
            field: '',
            message: 'text after a closing quote (RFC 4180: quote the whole field)',
          });
        }
        continue;
      }
      if (c === '\n') line += 1;
      field += c;
      i += 1;
      continue;
    }
    if (c === '"' && field === '' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
      i += 1;
      continue;
    }
    if (c === ',') {
      fields.push(field);
      field = '';
      fieldStarted = false;
      i += 1;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && source[i + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
      continue;
    }
    if (c === '"') {
      errors.push({
        line,
        field: '',
        message: 'a quote inside an unquoted field (RFC 4180: quote the whole field)',
      });
    }
    field += c;
    fieldStarted = true;
    i += 1;
  }
  if (quoted) errors.push({ line: recordLine, field: '', message: 'a quoted field is never closed' });
  else if (field !== '' || fields.length || fieldStarted) endRecord();
  return { records, errors };
}

const COLUMNS = {
  date: ['交易日期'],
  amount: ['金额'],
  counterparty: ['对方户名'],
  memo: ['摘要/附言', '摘要', '附言'],
  serial: ['流水号'],
} as const;
type Column = keyof typeof COLUMNS;

/** "1,234.56" / "-12.3" / "+5" yuan → fen by string arithmetic: no float ever holds the amount. */
export function yuanToFen(text: string): Fen | null {
  const cleaned = text.trim().replace(/,/g, '');
  const match = /^([+-]?)(\d+)(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const fen = BigInt(match[2]!) * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
  if (fen > BigInt(MAX_FEN)) return null;
  const value = Number(fen);
  return match[1] === '-' ? -value : value;
}

function isoDate(text: string): string | null {
  const match = /^(\d{4})[-/.]?(\d{1,2})[-/.]?(\d{1,2})$/.exec(text.trim());
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Reads and validates a statement: every error, each with its line; the good lines only when none. */
export function parseBankStatement(text: string): ParsedStatement {
  const { records, errors } = readCsv(text);
  const header = records[0];
  if (!header) return { lines: [], errors: [{ line: 1, field: '', message: 'the file is empty' }] };
  const names = header.fields.map((name) => name.trim());
  const index = {} as Record<Column, number>;
  for (const column of Object.keys(COLUMNS) as Column[]) {
    const at = names.findIndex((name) => (COLUMNS[column] as readonly string[]).includes(name));
    if (at < 0) {
      errors.push({
        line: header.line,
        field: COLUMNS[column][0],
        message: `the column ${COLUMNS[column][0]} is missing`,
      });
    }
    index[column] = at;
  }
  if (errors.length) return { lines: [], errors };
  const lines: StatementLine[] = [];
  const serials = new Map<string, number>();
  for (const record of records.slice(1)) {
    const cell = (column: Column) => (record.fields[index[column]] ?? '').trim();
    const fail = (column: Column, message: string) =>
      errors.push({ line: record.line, field: COLUMNS[column][0], message });
    if (record.fields.length !== names.length) {
      errors.push({
        line: record.line,
        field: '',
        message: `${record.fields.length} fields, the header has ${names.length}`,
      });
      continue;
    }
    const date = isoDate(cell('date'));
    if (!date) fail('date', `not a date: "${cell('date')}" (YYYY-MM-DD)`);
    const amountFen = yuanToFen(cell('amount'));
    if (amountFen === null)
      fail('amount', `not an amount in yuan with at most 2 decimals: "${cell('amount')}"`);
    else if (amountFen === 0) fail('amount', 'an amount of zero');
    const serial = cell('serial');
    if (!serial) fail('serial', 'the bank serial number is empty');
    else if (serial.length > 64) fail('serial', 'the bank serial number is longer than 64 characters');
    else if (serials.has(serial)) fail('serial', `serial ${serial} repeats line ${serials.get(serial)}`);
    else serials.set(serial, record.line);
    if (cell('counterparty').length > 200) fail('counterparty', 'longer than 200 characters');
    if (cell('memo').length > 500) fail('memo', 'longer than 500 characters');
    if (date && amountFen !== null && amountFen !== 0 && serial) {
      lines.push({
        line: record.line,
        date,
        amountFen,
        counterparty: cell('counterparty'),
        memo: cell('memo'),
        serial,
      });
    }
  }
  return errors.length ? { lines: [], errors } : { lines, errors };
}
