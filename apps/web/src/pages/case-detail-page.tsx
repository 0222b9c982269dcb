import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Progress,
  Result,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { DescriptionsProps, TableColumnsType } from 'antd';
import {
  AssetValueKind,
  CaseInquiryStatus,
  InquiryStatus,
  formatFen,
  type FoundAssetView,
  type GetFindingsReply,
  type InquiryView,
  type PartyView,
} from '@writ/contracts/web';
import { useCallback, useEffect, useState, type HTMLAttributes, type ReactNode } from 'react';
import { api, ApiError, isAbort, type CaseWithInquiry } from '../api/client';
import { problemText } from '../api/problem-text';
import { isPartyOnly, useCan } from '../auth/permissions';
import { useSession } from '../auth/session';
import { useAgencyKinds } from '../agency-kinds';
import { useT } from '../i18n';
import { navigate, paths, type CaseTab } from '../router';
import { AssetsTab } from './case-tabs/assets-tab';
import { ClosureTab } from './case-tabs/closure-tab';
import { LinksTab } from './case-tabs/links-tab';
import { MeasuresTab } from './case-tabs/measures-tab';
import { MoneyTab } from './case-tabs/money-tab';
import { TimelineTab } from './case-tabs/timeline-tab';
import { caseStatusColour } from './case-tabs/case-tab-props';

const POLL_INTERVAL_MS = 1500;

const inquiryTagColour: Record<InquiryStatus, string> = {
  [InquiryStatus.Pending]: 'processing',
  [InquiryStatus.Answered]: 'success',
  [InquiryStatus.Failed]: 'error',
};

const caseInquiryTagColour: Record<CaseInquiryStatus, string> = {
  [CaseInquiryStatus.NotStarted]: 'default',
  [CaseInquiryStatus.InProgress]: 'processing',
  [CaseInquiryStatus.Completed]: 'success',
};

export function CaseDetailPage({ caseId, tab }: { caseId: string; tab: CaseTab }) {
  const t = useT();
  const can = useCan();
  const partyOnly = isPartyOnly(useSession()?.user.roles ?? []);
  const [detail, setDetail] = useState<CaseWithInquiry | null>(null);
  const [error, setError] = useState<unknown>(null);
  // bumped after every action on the case, so the header and the open tab load afresh
  const [version, setVersion] = useState(0);
  const changed = useCallback(() => {
    setVersion((n) => n + 1);
  }, []);

  // Poll while the inquiry has not started or is under way; stop once it completes, on 404, or on unmount.
  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;

    const load = async (): Promise<void> => {
      try {
        const reply = await api.getCase(caseId, controller.signal);
        setDetail(reply);
        setError(null);
        if (reply.inquiry?.status === CaseInquiryStatus.Completed) return;
      } catch (caught) {
        if (isAbort(caught)) return;
        setError(caught);
        if (caught instanceof ApiError && [400, 401, 403, 404].includes(caught.status)) return;
      }
      if (!controller.signal.aborted) timer = setTimeout(() => void load(), POLL_INTERVAL_MS);
    };

    void load();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [caseId, version]);

  if (!detail) {
    if (error instanceof ApiError && error.status === 404) {
      return (
        <Result
          status="404"
          title={t('detail.notFound')}
          extra={<Button href={paths.cases}>{t('app.backToList')}</Button>}
        />
      );
    }
    if (error !== null)
      return (
        <Alert type="error" showIcon title={t('detail.loadFailed')} description={problemText(t, error)} />
      );
    return (
      <div style={{ textAlign: 'center', padding: 64 }}>
        <Spin size="large" />
      </div>
    );
  }

  const tabs = tabsFor(partyOnly, can('readMeasures'), can('readCaseMoney'));
  const active = tabs.includes(tab) ? tab : 'overview';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space align="center" wrap>
        <Button href={paths.cases}>← {t('app.backToList')}</Button>
        <Typography.Title level={2} style={{ margin: 0 }}>
          <span data-testid="case-number">{detail.caseNumber}</span>
        </Typography.Title>
        <span data-testid="case-status" data-status={detail.status}>
          <Tag color={caseStatusColour[detail.status]}>{t(`caseStatus.${detail.status}`)}</Tag>
        </span>
      </Space>
      {error !== null && <Alert type="warning" showIcon title={problemText(t, error)} />}
      <Tabs
        data-testid="case-tabs"
        activeKey={active}
        onChange={(key) => {
          navigate(paths.caseDetail(caseId, key as CaseTab), { replace: true });
        }}
        items={tabs.map((key) => ({
          key,
          label: <span data-testid={`case-tab-${key}`}>{t(`caseTab.${key}`)}</span>,
          children: key === active ? tabContent(key) : null,
        }))}
      />
    </Space>
  );

  function tabContent(key: CaseTab): ReactNode {
    if (!detail) return null;
    const props = { caseId, detail, version, onChanged: changed };
    switch (key) {
      case 'overview':
        return (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <CaseInfo detail={detail} />
            <Parties parties={detail.parties} />
            {!partyOnly && <AssetControl inquiry={detail.inquiry} parties={detail.parties} />}
          </Space>
        );
      case 'timeline':
        return <TimelineTab {...props} />;
      case 'assets':
        return <AssetsTab {...props} />;
      case 'measures':
        return <MeasuresTab {...props} />;
      case 'money':
        return <MoneyTab {...props} partyOnly={partyOnly} />;
      case 'closure':
        return <ClosureTab {...props} />;
      case 'links':
        return <LinksTab {...props} />;
    }
  }
}

/**
 * A party sees the overview, the timeline and its case's money in sums; court staff see every tab,
 * the case's money (案款) those who work the case and the fund office.
 */
function tabsFor(partyOnly: boolean, staff: boolean, money: boolean): CaseTab[] {
  if (partyOnly) return ['overview', 'timeline', 'money'];
  if (!staff) return ['overview', 'timeline'];
  return [
    'overview',
    'timeline',
    'assets',
    'measures',
    ...(money ? (['money'] as const) : []),
    'closure',
    'links',
  ];
}

function CaseInfo({ detail }: { detail: CaseWithInquiry }) {
  const t = useT();
  const items: DescriptionsProps['items'] = [
    { key: 'caseType', label: t('detail.caseType'), children: t(`caseType.${detail.caseType}`) },
    { key: 'status', label: t('detail.status'), children: t(`caseStatus.${detail.status}`) },
    { key: 'filingDate', label: t('detail.filingDate'), children: detail.filingDate },
    { key: 'claim', label: t('detail.claimAmount'), children: formatFen(detail.claimAmountFen) },
    { key: 'documentNumber', label: t('detail.documentNumber'), children: detail.basis.documentNumber },
    { key: 'issuingCourt', label: t('detail.issuingCourt'), children: detail.basis.issuingCourt },
    { key: 'effectiveDate', label: t('detail.effectiveDate'), children: detail.basis.effectiveDate },
    { key: 'courtCode', label: t('detail.courtCode'), children: detail.courtCode },
    ...(detail.note ? [{ key: 'note', label: t('detail.note'), children: detail.note, span: 3 }] : []),
  ];
  return (
    <Card title={t('detail.caseInfo')} size="small">
      <Descriptions bordered size="small" column={{ xs: 1, md: 2, lg: 3 }} items={items} />
    </Card>
  );
}

function Parties({ parties }: { parties: PartyView[] }) {
  const t = useT();
  const columns: TableColumnsType<PartyView> = [
    {
      title: t('detail.col.role'),
      dataIndex: 'role',
      width: 120,
      render: (_, row) => t(`partyRole.${row.role}`),
    },
    {
      title: t('detail.col.kind'),
      dataIndex: 'kind',
      width: 160,
      render: (_, row) => t(`partyKind.${row.kind}`),
    },
    { title: t('detail.col.name'), dataIndex: 'name' },
    {
      title: t('detail.col.idNumber'),
      dataIndex: 'idNumber',
      render: (value: string) => <Typography.Text copyable>{value}</Typography.Text>,
    },
  ];
  return (
    <Card title={t('detail.parties')} size="small">
      <Table<PartyView>
        rowKey={(row) => `${row.role}:${row.idNumber}`}
        size="small"
        pagination={false}
        columns={columns}
        dataSource={parties}
      />
    </Card>
  );
}

function AssetControl({ inquiry, parties }: { inquiry: GetFindingsReply | null; parties: PartyView[] }) {
  const t = useT();
  // shown to the court's staff only, who may read the catalog that names a province's own sources
  const kinds = useAgencyKinds();
  const status = inquiry?.status ?? CaseInquiryStatus.NotStarted;
  const inquiries = inquiry?.inquiries ?? [];
  const done = inquiries.filter((row) => row.status !== InquiryStatus.Pending).length;
  const percent = inquiries.length === 0 ? 0 : Math.round((done / inquiries.length) * 100);
  const nameOf = new Map(parties.map((party) => [party.idNumber, party.name]));

  const inquiryColumns: TableColumnsType<InquiryView> = [
    { title: t('detail.col.agency'), dataIndex: 'kind', render: (_, row) => kinds.nameOf(row.kind) },
    { title: t('detail.col.respondent'), dataIndex: 'respondentName' },
    {
      title: t('detail.col.inquiryStatus'),
      dataIndex: 'status',
      render: (_, row) => {
        const tag = <Tag color={inquiryTagColour[row.status]}>{t(`inquiry.${row.status}`)}</Tag>;
        return row.lastError ? <Tooltip title={row.lastError}>{tag}</Tooltip> : tag;
      },
    },
    { title: t('detail.col.attempts'), dataIndex: 'attempts', width: 100, align: 'right' },
  ];

  const assetColumns: TableColumnsType<FoundAssetView> = [
    { title: t('detail.col.assetKind'), dataIndex: 'kind', render: (_, row) => kinds.nameOf(row.kind) },
    {
      title: t('detail.col.respondent'),
      dataIndex: 'respondentIdNumber',
      render: (value: string) => nameOf.get(value) ?? value,
    },
    { title: t('detail.col.holder'), dataIndex: 'holder' },
    { title: t('detail.col.identifier'), dataIndex: 'identifier' },
    { title: t('detail.col.description'), dataIndex: 'description' },
    {
      title: t('detail.col.amount'),
      dataIndex: 'amountFen',
      align: 'right',
      render: (_, row) =>
        row.valueKind === AssetValueKind.None ? (
          '—'
        ) : (
          <span>
            <Typography.Text type="secondary">{t(`valueKind.${row.valueKind}`)} </Typography.Text>
            {formatFen(row.amountFen)}
          </span>
        ),
    },
  ];

  return (
    <Card
      title={t('detail.assetControl')}
      size="small"
      extra={
        <span data-testid="inquiry-status" data-status={status}>
          <Tag color={caseInquiryTagColour[status]}>{t(`caseInquiry.${status}`)}</Tag>
        </span>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {inquiry === null ? (
          <Alert type="info" showIcon title={t('detail.noInquiryYet')} />
        ) : (
          <div>
            <Typography.Text type="secondary">{t('detail.inquiryProgress')}</Typography.Text>
            <Progress
              percent={percent}
              status={status === CaseInquiryStatus.Completed ? 'success' : 'active'}
              format={() => `${String(done)} / ${String(inquiries.length)}`}
            />
          </div>
        )}
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('detail.inquiries')}
        </Typography.Title>
        <div data-testid="inquiries-table">
          <Table<InquiryView>
            rowKey={(row) => `${row.kind}:${row.respondentIdNumber}`}
            size="small"
            pagination={false}
            columns={inquiryColumns}
            dataSource={inquiries}
          />
        </div>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('detail.foundAssets')}
        </Typography.Title>
        <div data-testid="assets-table">
          <Table<FoundAssetView>
            rowKey="id"
            size="small"
            pagination={false}
            columns={assetColumns}
            dataSource={inquiry?.assets ?? []}
            locale={{
              emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noAssets')} />,
            }}
            onRow={() => ({ 'data-testid': 'asset-row' }) as HTMLAttributes<HTMLElement>}
          />
        </div>
      </Space>
    </Card>
  );
}
