import { Alert, Button, Card, Col, Input, Row, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import {
  formatFen,
  type DedicatedEntryView,
  type Fen,
  type ImportBankStatementReply,
  type ReconciliationView,
  type StatementLineView,
} from '@writ/contracts/web';
import { useState, type HTMLAttributes } from 'react';
import { ledgerApi, ledgerExports } from '../api/ledger-client';
import { useRemote } from '../api/use-remote';
import { useCan } from '../auth/permissions';
import { ProblemAlert } from '../components/problem-alert';
import { RemoteView } from '../components/remote-view';
import { isIsoDate, today } from '../format';
import { useT } from '../i18n';
import { paths } from '../router';
import { DownloadButton, txKindLabel } from './case-tabs/money-tab';

type MatchedPair = ReconciliationView['matched'][number];

/** The first day of this month, the default start of the period to reconcile. */
function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/**
 * 对账: the fund manager uploads the bank's statement of the dedicated account (CSV: 交易日期, 金额,
 * 对方户名, 摘要/附言, 流水号); fund-ledger matches it line by line with the journal. Shown: the matched
 * pairs, the bank's lines with no entry (银行未达) and the entries with no line (账面未达), and the
 * Excel export of the period.
 */
export function ReconciliationPage() {
  const t = useT();
  const can = useCan();
  const [from, setFrom] = useState(monthStart(today()));
  const [to, setTo] = useState(today());
  const valid = isIsoDate(from) && isIsoDate(to);
  const remote = useRemote(
    (signal) => ledgerApi.reconciliation(valid ? { from, to } : {}, signal),
    [valid ? from : '', valid ? to : ''],
  );
  const [imported, setImported] = useState<ImportBankStatementReply | null>(null);
  const [importError, setImportError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const upload = async (file: File): Promise<void> => {
    setBusy(true);
    setImportError(null);
    setImported(null);
    try {
      const reply = await ledgerApi.importStatement({ fileName: file.name, csv: await file.text() });
      setImported(reply);
      remote.reload();
    } catch (error) {
      setImportError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('reconciliation.title')}
      </Typography.Title>
      {can('importStatement') && (
        <Card title={t('reconciliation.import')} size="small">
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">{t('reconciliation.importHint')}</Typography.Text>
            <Upload
              accept=".csv,text/csv"
              showUploadList={false}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
            >
              <Button type="primary" loading={busy} data-testid="statement-upload">
                {t('reconciliation.upload')}
              </Button>
            </Upload>
            {imported && (
              <Alert
                type="success"
                showIcon
                data-testid="statement-imported"
                title={t('reconciliation.imported', {
                  lines: imported.lines,
                  newLines: imported.newLines,
                  matched: imported.matched,
                  unmatched: imported.unmatched,
                })}
              />
            )}
            {importError !== null && <ProblemAlert error={importError} testId="statement-problem" />}
          </Space>
        </Card>
      )}
      <Card
        size="small"
        title={
          <Space wrap>
            <span>{t('reconciliation.period')}</span>
            <Input style={{ width: 130 }} value={from} onChange={(e) => setFrom(e.target.value)} />
            <span>—</span>
            <Input style={{ width: 130 }} value={to} onChange={(e) => setTo(e.target.value)} />
          </Space>
        }
        extra={
          valid && (
            <DownloadButton
              path={ledgerExports.reconciliation(`${from}_${to}`)}
              fileName={`对账_${from}_${to}.xlsx`}
              testId="reconciliation-excel"
            />
          )
        }
      >
        <RemoteView remote={remote} failedTitle={t('reconciliation.loadFailed')}>
          {(view) => <ReconciliationTables view={view} />}
        </RemoteView>
      </Card>
    </Space>
  );
}

function ReconciliationTables({ view }: { view: ReconciliationView }) {
  const t = useT();
  const lineColumns: TableColumnsType<StatementLineView> = [
    { title: t('reconciliation.date'), dataIndex: 'date', width: 110 },
    { title: t('reconciliation.serial'), dataIndex: 'serial' },
    {
      title: t('reconciliation.amount'),
      dataIndex: 'amountFen',
      align: 'right',
      render: (f: Fen) => formatFen(f),
    },
    { title: t('reconciliation.counterparty'), dataIndex: 'counterparty' },
    { title: t('reconciliation.memo'), dataIndex: 'memo' },
  ];
  const entryColumns: TableColumnsType<DedicatedEntryView> = [
    { title: t('reconciliation.date'), dataIndex: 'date', width: 110 },
    { title: t('reconciliation.kind'), dataIndex: 'kind', render: (kind: string) => txKindLabel(t, kind) },
    {
      title: t('fundOverdue.case'),
      dataIndex: 'caseNumber',
      render: (_, row) =>
        row.caseId ? <a href={paths.caseDetail(row.caseId, 'money')}>{row.caseNumber ?? row.caseId}</a> : '—',
    },
    {
      title: t('reconciliation.amount'),
      dataIndex: 'amountFen',
      align: 'right',
      render: (f: Fen) => formatFen(f),
    },
  ];
  const matchedColumns: TableColumnsType<MatchedPair> = [
    { title: t('reconciliation.date'), key: 'date', width: 110, render: (_, p) => p.line.date },
    { title: t('reconciliation.serial'), key: 'serial', render: (_, p) => p.line.serial },
    { title: t('reconciliation.counterparty'), key: 'cp', render: (_, p) => p.line.counterparty },
    {
      title: t('reconciliation.amount'),
      key: 'amount',
      align: 'right',
      render: (_, p) => formatFen(p.line.amountFen),
    },
    {
      title: t('reconciliation.entry'),
      key: 'entry',
      render: (_, p) => (
        <Space size={4} wrap>
          <span>{txKindLabel(t, p.entry.kind)}</span>
          {p.entry.caseId && (
            <a href={paths.caseDetail(p.entry.caseId, 'money')}>{p.entry.caseNumber ?? p.entry.caseId}</a>
          )}
          <Tag>{p.byReference ? t('reconciliation.byReference') : t('reconciliation.byAmount')}</Tag>
        </Space>
      ),
    },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={16}>
        <Col span={8}>
          <Statistic title={t('reconciliation.matched')} value={view.matched.length} />
        </Col>
        <Col span={8}>
          <Statistic title={t('reconciliation.unmatchedLines')} value={view.unmatchedLines.length} />
        </Col>
        <Col span={8}>
          <Statistic title={t('reconciliation.unmatchedEntries')} value={view.unmatchedEntries.length} />
        </Col>
      </Row>
      <Typography.Title level={5}>{t('reconciliation.matched')}</Typography.Title>
      <Table<MatchedPair>
        rowKey={(p) => p.line.serial}
        size="small"
        columns={matchedColumns}
        dataSource={view.matched}
        onRow={() => ({ 'data-testid': 'matched-row' }) as HTMLAttributes<HTMLElement>}
      />
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>{t('reconciliation.unmatchedLines')}</Typography.Title>
          <Table<StatementLineView>
            rowKey="serial"
            size="small"
            columns={lineColumns}
            dataSource={view.unmatchedLines}
            onRow={() => ({ 'data-testid': 'unmatched-line-row' }) as HTMLAttributes<HTMLElement>}
          />
        </Col>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>{t('reconciliation.unmatchedEntries')}</Typography.Title>
          <Table<DedicatedEntryView>
            rowKey="transactionId"
            size="small"
            columns={entryColumns}
            dataSource={view.unmatchedEntries}
            onRow={() => ({ 'data-testid': 'unmatched-entry-row' }) as HTMLAttributes<HTMLElement>}
          />
        </Col>
      </Row>
    </Space>
  );
}
