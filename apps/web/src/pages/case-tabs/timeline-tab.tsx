import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { DescriptionsProps, TableColumnsType, TimelineProps } from 'antd';
import {
  CaseActivityKind,
  CaseStatus,
  FlowNodeState,
  Track,
  formatFen,
  type ActivityView,
  type AssignmentView,
  type CaseTimelineView,
  type FlowNodeView,
  type StatutoryPeriodView,
} from '@writ/contracts/web';
import { useState } from 'react';
import { api, type ReassignBody } from '../../api/client';
import { useRemote } from '../../api/use-remote';
import { isPartyOnly, useCan } from '../../auth/permissions';
import { useSession } from '../../auth/session';
import { ActionButton } from '../../components/action-button';
import { useActorLabel } from '../../components/actor-label';
import { dateRules, requiredRule, textRules } from '../../components/form-rules';
import { optionWithTestId } from '../../components/option-test-id';
import { ProblemAlert } from '../../components/problem-alert';
import { RemoteView } from '../../components/remote-view';
import { dateOfInstant, formatInstant, today } from '../../format';
import { useT, type Translate } from '../../i18n';
import type { CaseTabProps } from './case-tab-props';

type TimelineItemType = NonNullable<TimelineProps['items']>[number];

const trackColour: Record<Track, string> = { [Track.Fast]: 'green', [Track.Ordinary]: 'blue' };

/** 流程节点: the eleven nodes, the statutory period, the track and the officer's record of the case. */
export function TimelineTab({ caseId, version, onChanged }: CaseTabProps) {
  const t = useT();
  const remote = useRemote((signal) => api.getTimeline(caseId, signal), [caseId, version]);
  const partyOnly = isPartyOnly(useSession()?.user.roles ?? []);
  return (
    <RemoteView remote={remote} failedTitle={t('timeline.loadFailed')}>
      {(timeline) => (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <FlowNodes nodes={timeline.nodes} />
          </Col>
          <Col xs={24} lg={10}>
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <Period timeline={timeline} />
              {!partyOnly && <Assignment timeline={timeline} onChanged={onChanged} />}
            </Space>
          </Col>
          {!partyOnly && (
            <Col span={24}>
              <Activities timeline={timeline} onChanged={onChanged} />
            </Col>
          )}
        </Row>
      )}
    </RemoteView>
  );
}

function nodeColour(node: FlowNodeView): string {
  if (node.overdue) return 'red';
  switch (node.state) {
    case FlowNodeState.Finished:
      return 'green';
    case FlowNodeState.Started:
      return 'blue';
    case FlowNodeState.Waiting:
    case FlowNodeState.NotApplicable:
      return 'gray';
  }
}

const stateTagColour: Record<FlowNodeState, string> = {
  [FlowNodeState.Finished]: 'success',
  [FlowNodeState.Started]: 'processing',
  [FlowNodeState.Waiting]: 'default',
  [FlowNodeState.NotApplicable]: 'default',
};

function FlowNodes({ nodes }: { nodes: FlowNodeView[] }) {
  const t = useT();
  const items: TimelineItemType[] = nodes.map((node) => {
    const notApplicable = node.state === FlowNodeState.NotApplicable;
    return {
      key: node.node,
      color: nodeColour(node),
      content: (
        <div
          data-testid="flow-node"
          data-node={node.node}
          data-state={node.state}
          data-overdue={String(node.overdue)}
        >
          <Space size={4} wrap>
            <Typography.Text strong={!notApplicable} type={notApplicable ? 'secondary' : undefined}>
              {t(`flowNode.${node.node}`)}
            </Typography.Text>
            <Tag color={stateTagColour[node.state]}>{t(`flowNodeState.${node.state}`)}</Tag>
            {node.overdue && (
              <Tag color="error" data-testid="flow-node-overdue">
                {t('timeline.overdue')}
              </Tag>
            )}
          </Space>
          {!notApplicable && (
            <div>
              <NodeFacts node={node} />
            </div>
          )}
        </div>
      ),
    };
  });
  return (
    <Card title={t('timeline.nodes')} size="small" data-testid="flow-nodes">
      <Timeline items={items} />
    </Card>
  );
}

function NodeFacts({ node }: { node: FlowNodeView }) {
  const t = useT();
  const actorLabel = useActorLabel();
  const facts: [string, string, boolean?][] = [];
  if (node.startedAt) facts.push([t('timeline.startedAt'), dateOfInstant(node.startedAt)]);
  if (node.deadlineOn) facts.push([t('timeline.deadlineOn'), node.deadlineOn, node.overdue]);
  if (node.finishedAt) facts.push([t('timeline.finishedAt'), dateOfInstant(node.finishedAt)]);
  if (node.finishedBy) facts.push([t('timeline.finishedBy'), actorLabel(node.finishedBy)]);
  if (facts.length === 0)
    return <Typography.Text type="secondary">{t('timeline.notReached')}</Typography.Text>;
  return (
    <Space size={[16, 0]} wrap>
      {facts.map(([label, value, late]) => (
        <Typography.Text key={label} type={late ? 'danger' : 'secondary'} style={{ fontSize: 13 }}>
          {label} {value}
        </Typography.Text>
      ))}
    </Space>
  );
}

function daysLeftText(
  t: Translate,
  period: StatutoryPeriodView,
): { text: string; type?: 'danger' | 'warning' | 'success' } {
  if (period.suspendedSince)
    return { text: t('timeline.periodStopped', { since: period.suspendedSince }), type: 'warning' };
  if (period.daysLeft < 0)
    return { text: t('timeline.daysOver', { days: -period.daysLeft }), type: 'danger' };
  return {
    text: t('timeline.daysLeftValue', { days: period.daysLeft }),
    type: period.daysLeft <= 30 ? 'warning' : 'success',
  };
}

function Period({ timeline }: { timeline: CaseTimelineView }) {
  const t = useT();
  const { period, closure } = timeline;
  const left = daysLeftText(t, period);
  const items: DescriptionsProps['items'] = [
    { key: 'filing', label: t('timeline.filingDate'), children: period.filingDate },
    {
      key: 'months',
      label: t('timeline.periodMonths'),
      children: t('timeline.monthsValue', { months: period.months }),
    },
    {
      key: 'extension',
      label: t('timeline.extension'),
      children: period.extensionMonths
        ? t('timeline.monthsValue', { months: period.extensionMonths })
        : t('timeline.none'),
    },
    {
      key: 'suspended',
      label: t('timeline.suspendedDays'),
      children: t('timeline.daysValue', { days: period.suspendedDays }),
    },
    {
      key: 'deadline',
      label: t('timeline.deadline'),
      children: <span data-testid="period-deadline">{period.deadline}</span>,
    },
    closure
      ? {
          key: 'closed',
          label: t('timeline.closedOn'),
          children: (
            <Space>
              {closure.closedOn}
              <Tag color={closure.withinPeriod ? 'success' : 'error'}>
                {t(closure.withinPeriod ? 'timeline.withinPeriod' : 'timeline.outsidePeriod')}
              </Tag>
            </Space>
          ),
        }
      : {
          key: 'left',
          label: t('timeline.daysLeft'),
          children: (
            <Typography.Text type={left.type} strong data-testid="period-days-left">
              {left.text}
            </Typography.Text>
          ),
        },
    { key: 'received', label: t('timeline.received'), children: formatFen(timeline.receivedFen) },
    { key: 'recovered', label: t('timeline.recovered'), children: formatFen(timeline.recoveredFen) },
    { key: 'outstanding', label: t('timeline.outstanding'), children: formatFen(timeline.outstandingFen) },
  ];
  const flags = [
    timeline.suspensionReason && (
      <Tag key="suspension" color="warning">
        {t(`suspensionReason.${timeline.suspensionReason}`)}
      </Tag>
    ),
    timeline.limitationExpired && (
      <Tag key="limitation" color="orange">
        {t('timeline.limitationExpired')}
      </Tag>
    ),
    !timeline.acceptedWithinDeadline && (
      <Tag key="accepted" color="orange">
        {t('timeline.acceptedLate')}
      </Tag>
    ),
  ].filter(Boolean);
  return (
    <Card
      title={t('timeline.period')}
      size="small"
      extra={<Space size={4}>{flags}</Space>}
      data-testid="statutory-period"
    >
      <Descriptions size="small" column={1} items={items} />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
        {t('timeline.periodRule')}
      </Typography.Paragraph>
    </Card>
  );
}

function Assignment({ timeline, onChanged }: { timeline: CaseTimelineView; onChanged: () => void }) {
  const t = useT();
  const actorLabel = useActorLabel();
  const can = useCan();
  const open = timeline.status !== CaseStatus.Closed;
  const items: DescriptionsProps['items'] = [
    {
      key: 'track',
      label: t('timeline.track'),
      children: timeline.track ? (
        <Tag color={trackColour[timeline.track]} data-testid="case-track">
          {t(`track.${timeline.track}`)}
        </Tag>
      ) : (
        t('timeline.untracked')
      ),
    },
    { key: 'reason', label: t('timeline.trackReason'), children: timeline.trackReason ?? '—' },
    {
      key: 'officer',
      label: t('timeline.officer'),
      children: timeline.officerId ? actorLabel(timeline.officerId) : '—',
    },
    { key: 'team', label: t('timeline.team'), children: timeline.teamName ?? timeline.teamId ?? '—' },
  ];
  const history: TimelineItemType[] = timeline.assignments.map((a: AssignmentView, index) => ({
    key: `${a.assignedAt}:${String(index)}`,
    color: 'gray',
    content: (
      <>
        <Typography.Text style={{ fontSize: 13 }}>
          {formatInstant(a.assignedAt)} · {t(`track.${a.track}`)} ·{' '}
          {a.officerId ? actorLabel(a.officerId) : '—'}
        </Typography.Text>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.reason}（{actorLabel(a.assignedBy)}）
          </Typography.Text>
        </div>
      </>
    ),
  }));
  return (
    <Card
      title={t('timeline.assignment')}
      size="small"
      extra={
        open &&
        can('reassign') && (
          <ActionButton<ReassignBody>
            label={t('timeline.reassign')}
            testId="reassign"
            initialValues={{ officerId: timeline.officerId ?? '', teamId: timeline.teamId ?? '' }}
            fields={() => (
              <>
                <Form.Item label={t('timeline.officer')} name="officerId" rules={[requiredRule(t)]}>
                  <Input maxLength={100} />
                </Form.Item>
                <Form.Item label={t('timeline.team')} name="teamId">
                  <Input maxLength={100} />
                </Form.Item>
                <Form.Item label={t('form.reason')} name="reason" rules={textRules(t, 2, 500)}>
                  <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
                </Form.Item>
              </>
            )}
            submit={(values) =>
              api.reassign(timeline.caseId, {
                officerId: values.officerId.trim(),
                ...(values.teamId?.trim() ? { teamId: values.teamId.trim() } : {}),
                reason: values.reason.trim(),
              })
            }
            onDone={onChanged}
          />
        )
      }
    >
      <Descriptions size="small" column={1} items={items} />
      {history.length > 0 && (
        <>
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 12 }}>
            {t('timeline.assignmentHistory')}
          </Typography.Text>
          <Timeline style={{ marginTop: 12 }} items={history} />
        </>
      )}
    </Card>
  );
}

interface ActivityForm {
  kind?: CaseActivityKind;
  occurredOn: string;
  note?: string;
}

function Activities({ timeline, onChanged }: { timeline: CaseTimelineView; onChanged: () => void }) {
  const t = useT();
  const actorLabel = useActorLabel();
  const can = useCan();
  const { message } = App.useApp();
  const [form] = Form.useForm<ActivityForm>();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const mayRecord = can('recordActivity') && timeline.status !== CaseStatus.Closed;

  async function record(values: ActivityForm): Promise<void> {
    if (!values.kind) return;
    setSending(true);
    setError(null);
    try {
      const note = values.note?.trim();
      await api.recordActivity(timeline.caseId, {
        kind: values.kind,
        occurredOn: values.occurredOn,
        ...(note ? { note } : {}),
      });
      void message.success(t('activity.recorded'));
      form.resetFields();
      onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setSending(false);
    }
  }

  const columns: TableColumnsType<ActivityView> = [
    { title: t('activity.occurredOn'), dataIndex: 'occurredOn', width: 120 },
    {
      title: t('activity.kind'),
      dataIndex: 'kind',
      width: 200,
      render: (_, row) => t(`activityKind.${row.kind}`),
    },
    { title: t('activity.note'), dataIndex: 'note', render: (note?: string) => note ?? '—' },
    {
      title: t('activity.recordedBy'),
      dataIndex: 'recordedBy',
      width: 160,
      render: (value: string) => actorLabel(value),
    },
  ];
  return (
    <Card title={t('activity.title')} size="small">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {mayRecord && (
          <Form<ActivityForm>
            form={form}
            layout="inline"
            initialValues={{ occurredOn: today() }}
            onFinish={(values) => void record(values)}
            style={{ rowGap: 8 }}
          >
            <Form.Item name="kind" rules={[{ required: true, message: t('activity.kindRequired') }]}>
              <Select<CaseActivityKind>
                data-testid="activity-kind"
                optionRender={optionWithTestId('activity-kind-option')}
                placeholder={t('activity.kind')}
                style={{ width: 220 }}
                options={Object.values(CaseActivityKind).map((value) => ({
                  value,
                  label: t(`activityKind.${value}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="occurredOn" rules={dateRules(t)}>
              <Input type="date" data-testid="activity-date" max={today()} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="note" style={{ flex: 1, minWidth: 200 }}>
              <Input data-testid="activity-note" placeholder={t('activity.note')} maxLength={1000} />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={sending} data-testid="activity-submit">
                {t('activity.record')}
              </Button>
            </Form.Item>
          </Form>
        )}
        {error !== null && <ProblemAlert error={error} title={t('activity.failed')} />}
        <Table<ActivityView>
          rowKey="id"
          size="small"
          pagination={false}
          columns={columns}
          dataSource={timeline.activities}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('activity.none')} />,
          }}
        />
      </Space>
    </Card>
  );
}
