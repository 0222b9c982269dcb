import { StreamableFile } from '@nestjs/common';
import type {
  DedicatedEntryView,
  Fen,
  JournalTransactionView,
  PayoutDeadlinesReply,
  ReconciliationView,
  StatementLineView,
} from '@writ/contracts';
import ExcelJS from 'exceljs';

/**
 * The finance office's Excel exports (案款超期表, 案款明细账, 对账单): real .xlsx workbooks with Chinese
 * headers and amounts as yuan numbers the office can add up, formatted `#,##0.00`. The gateway only lays
 * out what the ledger answered; every figure is the ledger's.
 */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const AMOUNT_FORMAT = '#,##0.00';

/**
 * Fen as a yuan number, built from the integer's digits: `Number("1234.56")` is the double nearest the
 * exact decimal, so Excel shows exactly the fen the ledger holds (fen / 100 may differ in the last bit).
 */
export function yuanOf(fen: Fen): number {
  const abs = Math.abs(fen);
  const text = `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return Number(text);
}

const KIND_NAMES: Readonly<Record<string, string>> = {
  RECEIPT: '到账',
  SUSPENSE_RECEIPT: '待认领到账',
  SUSPENSE_MATCH: '待认领款认领',
  FEE_SETTLEMENT: '申请执行费结算',
  PAYOUT_APPROVED: '发放审批',
  PAYOUT_PAID: '发放付款',
  DEPOSIT_HELD: '保证金收取',
  DEPOSIT_REFUNDED: '保证金退还',
  DEPOSIT_APPLIED: '保证金转价款',
  DEPOSIT_FORFEITED: '保证金没收',
  FORFEIT_APPLIED: '没收保证金分配',
  REVERSAL: '冲正',
};

const ACCOUNT_NAMES: Readonly<Record<string, string>> = {
  DEDICATED: '执行款专户',
  CASE: '案款账户',
  PAYABLE: '应付申请执行人',
  FEES: '申请执行费',
  DEPOSIT: '竞买保证金',
  FORFEITED: '没收保证金',
  SUSPENSE: '待认领款',
};

export function kindName(kind: string): string {
  return KIND_NAMES[kind] ?? kind;
}

/** `CASE:<id>` → 案款账户; the code stays in its own column. */
export function accountName(code: string): string {
  return ACCOUNT_NAMES[code.split(':')[0] ?? ''] ?? code;
}

interface Column {
  header: string;
  key: string;
  width: number;
  amount?: boolean;
}

function sheetOf(workbook: ExcelJS.Workbook, name: string, columns: Column[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    ...(c.amount ? { style: { numFmt: AMOUNT_FORMAT } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  return sheet;
}

async function fileOf(workbook: ExcelJS.Workbook, fileName: string): Promise<StreamableFile> {
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  // RFC 6266/5987: an ASCII fallback name, and the Chinese one for browsers that read filename*
  const ascii = fileName.replace(/[^\w.-]/g, '_');
  return new StreamableFile(buffer, {
    type: XLSX_TYPE,
    length: buffer.length,
    disposition: `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  });
}

function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Writ';
  return workbook;
}

const DEADLINE_STATES: Readonly<Record<string, string>> = {
  OK: '正常',
  DUE_SOON: '即将到期',
  OVERDUE: '已超期',
};

/** 案款超期未发放: every receipt past its payout deadline, with what is still unpaid. */
export async function overdueWorkbook(
  report: PayoutDeadlinesReply,
  courtCode: string,
): Promise<StreamableFile> {
  const workbook = newWorkbook();
  const sheet = sheetOf(workbook, '超期未发放案款', [
    { header: '案号', key: 'caseNumber', width: 28 },
    { header: '到账日期', key: 'receivedOn', width: 12 },
    { header: '到账金额（元）', key: 'amount', width: 16, amount: true },
    { header: '未发放金额（元）', key: 'unpaid', width: 16, amount: true },
    { header: '发放期限', key: 'deadline', width: 12 },
    { header: '超期天数', key: 'overdueDays', width: 10 },
    { header: '状态', key: 'state', width: 10 },
  ]);
  for (const item of report.items) {
    sheet.addRow({
      caseNumber: item.caseNumber ?? item.caseId,
      receivedOn: item.receivedOn,
      amount: yuanOf(item.amountFen),
      unpaid: yuanOf(item.unpaidFen),
      deadline: item.deadline,
      overdueDays: Math.max(0, -item.daysLeft),
      state: DEADLINE_STATES[item.state] ?? item.state,
    });
  }
  const total = sheet.addRow({ caseNumber: '合计', unpaid: yuanOf(report.totalUnpaidFen) });
  total.font = { bold: true };
  sheet.addRow({});
  sheet.addRow({ caseNumber: `法院 ${courtCode}，截至 ${report.asOf}，发放期限 ${report.deadlineDays} 日` });
  return fileOf(workbook, `案款超期_${courtCode}_${report.asOf}.xlsx`);
}

/** 案款明细账: a case's journal, one row per posting, debit and credit in their own columns. */
export async function journalWorkbook(
  caseLabel: string,
  transactions: readonly JournalTransactionView[],
): Promise<StreamableFile> {
  const workbook = newWorkbook();
  const sheet = sheetOf(workbook, '案款明细', [
    { header: '记账时间', key: 'postedAt', width: 22 },
    { header: '流水号', key: 'seq', width: 10 },
    { header: '业务类型', key: 'kind', width: 16 },
    { header: '摘要', key: 'memo', width: 30 },
    { header: '科目', key: 'account', width: 16 },
    { header: '账户代码', key: 'code', width: 48 },
    { header: '借方（元）', key: 'debit', width: 16, amount: true },
    { header: '贷方（元）', key: 'credit', width: 16, amount: true },
    { header: '冲正', key: 'reversal', width: 14 },
    { header: '经办人', key: 'postedBy', width: 14 },
  ]);
  // oldest first, as a ledger is read
  const ordered = [...transactions].sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1));
  let debits = 0;
  let credits = 0;
  for (const t of ordered) {
    for (const entry of t.entries) {
      if (entry.amountFen > 0) debits += entry.amountFen;
      else credits -= entry.amountFen;
      sheet.addRow({
        postedAt: t.postedAt,
        seq: t.seq,
        kind: kindName(t.kind),
        memo: t.memo ?? '',
        account: accountName(entry.accountCode),
        code: entry.accountCode,
        ...(entry.amountFen > 0 ? { debit: yuanOf(entry.amountFen) } : { credit: yuanOf(-entry.amountFen) }),
        reversal: t.correctsId ? '冲正记录' : t.reversedById ? '已被冲正' : '',
        postedBy: t.postedBy,
      });
    }
  }
  const total = sheet.addRow({ postedAt: '合计', debit: yuanOf(debits), credit: yuanOf(credits) });
  total.font = { bold: true };
  return fileOf(workbook, `案款明细_${caseLabel}.xlsx`);
}

function lineRow(line: StatementLineView): Record<string, unknown> {
  return {
    lineDate: line.date,
    serial: line.serial,
    lineAmount: yuanOf(line.amountFen),
    counterparty: line.counterparty,
    lineMemo: line.memo,
  };
}

function entryRow(entry: DedicatedEntryView): Record<string, unknown> {
  return {
    entryDate: entry.date,
    kind: kindName(entry.kind),
    caseNumber: entry.caseNumber ?? entry.caseId ?? '',
    entryAmount: yuanOf(entry.amountFen),
    transactionId: entry.transactionId,
  };
}

const LINE_COLUMNS: Column[] = [
  { header: '交易日期', key: 'lineDate', width: 12 },
  { header: '流水号', key: 'serial', width: 22 },
  { header: '银行金额（元）', key: 'lineAmount', width: 16, amount: true },
  { header: '对方户名', key: 'counterparty', width: 22 },
  { header: '摘要/附言', key: 'lineMemo', width: 28 },
];
const ENTRY_COLUMNS: Column[] = [
  { header: '记账日期', key: 'entryDate', width: 12 },
  { header: '业务类型', key: 'kind', width: 16 },
  { header: '案号', key: 'caseNumber', width: 28 },
  { header: '账面金额（元）', key: 'entryAmount', width: 16, amount: true },
  { header: '凭证号', key: 'transactionId', width: 38 },
];

/** 对账单: matched pairs, then the bank's lines and the journal's entries that found no partner. */
export async function reconciliationWorkbook(
  view: ReconciliationView,
  periodLabel: string,
): Promise<StreamableFile> {
  const workbook = newWorkbook();
  const matched = sheetOf(workbook, '已匹配', [
    ...LINE_COLUMNS,
    ...ENTRY_COLUMNS,
    { header: '匹配方式', key: 'by', width: 12 },
  ]);
  for (const pair of view.matched) {
    matched.addRow({
      ...lineRow(pair.line),
      ...entryRow(pair.entry),
      by: pair.byReference ? '附言案号' : '金额日期',
    });
  }
  const lines = sheetOf(workbook, '银行未达', LINE_COLUMNS);
  for (const line of view.unmatchedLines) lines.addRow(lineRow(line));
  const entries = sheetOf(workbook, '账面未达', ENTRY_COLUMNS);
  for (const entry of view.unmatchedEntries) entries.addRow(entryRow(entry));
  return fileOf(workbook, `对账_${view.courtCode}_${periodLabel}.xlsx`);
}
