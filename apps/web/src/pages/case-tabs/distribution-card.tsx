import {
  Alert,
  AutoComplete,
  Button,
  Card,
  Col,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { FormRule } from 'antd';
import {
  PartyRole,
  daysBetween,
  formatFen,
  parseYuanToFen,
  type ClaimRankName,
  type DistributionObjectionView,
  type DistributionPlanView,
  type Fen,
} from '@writ/contracts/web';
import type { HTMLAttributes } from 'react';
import { useIdempotencyKey, type CaseWithInquiry } from '../../api/client';
import { ledgerApi, type DistributionClaimBody } from '../../api/ledger-client';
import type { Remote } from '../../api/use-remote';
import { useCan } from '../../auth/permissions';
import { ActionButton } from '../../components/action-button';
import { dateRules, requiredRule, textRules, yuanRules } from '../../components/form-rules';
import { ProblemAlert } from '../../components/problem-alert';
import { today } from '../../format';
import { useT, type Translate } from '../../i18n';

const CLAIM_RANKS: readonly ClaimRankName[] = ['SECURED', 'PRIORITY', 'ORDINARY'];

/** A claim as the plan's form holds it: amounts typed in yuan, the order as typed. */
interface ClaimRow {
  creditorId: string;
  creditorName: string;
  claimYuan: string;
  rank: ClaimRankName;
  order?: string;
}

function claimsOf(rows: readonly ClaimRow[]): DistributionClaimBody[] {
  return rows.map((row) => ({
    creditorId: row.creditorId.trim(),
    creditorName: row.creditorName.trim(),
    claimFen: parseYuanToFen(row.claimYuan)!,
    rank: row.rank,
    ...(row.order?.trim() ? { order: Number(row.order.trim()) } : {}),
  }));
}

const yuan = (fen: Fen) => (fen / 100).toFixed(2);

/** The claims of a plan, for a revision to start from. */
function claimsOfPlan(plan: DistributionPlanView): ClaimRow[] {
  return plan.allocations.map((a) => ({
    creditorId: a.creditorId,
    creditorName: a.creditorName,
    claimYuan: yuan(a.claimFen),
    rank: a.rank,
    ...(a.order !== undefined ? { order: String(a.order) } : {}),
  }));
}

/** The plan's claims as the form starts from them: the current plan's, or the case's applicants. */
function startingClaims(plan: DistributionPlanView | null, detail: CaseWithInquiry): ClaimRow[] {
  if (plan) return claimsOfPlan(plan);
  return detail.parties
    .filter((p) => p.role === PartyRole.Applicant)
    .map((p) => ({
      creditorId: p.idNumber,
      creditorName: p.name,
      claimYuan: yuan(detail.claimAmountFen),
      rank: 'ORDINARY' as const,
    }));
}

function orderRules(t: Translate): FormRule[] {
  return [{ pattern: /^\d{0,4}$/, message: t('plan.claim.orderFormat') }];
}

/** The creditors of the plan and their claims: one block per creditor, added and removed as needed. */
function ClaimsEditor() {
  const t = useT();
  return (
    <Form.List
      name="claims"
      rules={[
        {
          validator: async (_, claims: unknown[] | undefined) => {
            if (!claims?.length) throw new Error(t('plan.claim.atLeastOne'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              data-testid="plan-claim"
              title={t('plan.claim.title', { n: index + 1 })}
              extra={
                fields.length > 1 && (
                  <Button size="small" type="link" danger onClick={() => remove(field.name)}>
                    {t('plan.claim.remove')}
                  </Button>
                )
              }
            >
              <Row gutter={8}>
                <Col span={12}>
                  <Form.Item
                    label={t('plan.claim.name')}
                    name={[field.name, 'creditorName']}
                    rules={textRules(t, 1, 200)}
                  >
                    <Input data-testid={`plan-claim-${index}-name`} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item
                    label={t('plan.claim.id')}
                    name={[field.name, 'creditorId']}
                    rules={textRules(t, 1, 64)}
                  >
                    <Input data-testid={`plan-claim-${index}-id`} />
                  </Form.Item>
                </Col>
                <Col span={10}>
                  <Form.Item
                    label={t('money.plan.claim')}
                    name={[field.name, 'claimYuan']}
                    rules={yuanRules(t)}
                  >
                    <Input data-testid={`plan-claim-${index}-yuan`} prefix="¥" inputMode="decimal" />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item
                    label={t('money.plan.rank')}
                    name={[field.name, 'rank']}
                    rules={[requiredRule(t)]}
                  >
                    <Select options={CLAIM_RANKS.map((r) => ({ value: r, label: t(`claimRank.${r}`) }))} />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item
                    label={t('plan.claim.order')}
                    name={[field.name, 'order']}
                    tooltip={t('plan.claim.orderHint')}
                    rules={orderRules(t)}
                  >
                    <Input inputMode="numeric" />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          ))}
          <Button type="dashed" block data-testid="plan-claim-add" onClick={() => add({ rank: 'ORDINARY' })}>
            {t('plan.claim.add')}
          </Button>
          <Form.ErrorList errors={errors} />
        </Space>
      )}
    </Form.List>
  );
}

/**
 * 参与分配 (民诉解释 2022 Arts 506–510): the case's money shared among several creditors — costs first,
 * then secured and priority claims, then ordinary ones pro rata — served on them and the debtor, with
 * 15 days to object. The fund manager proposes (or revises) the plan, those who work the case record a
 * written objection, and the director decides it: upheld, the plan is revised and served again.
 */
export function DistributionCard({
  caseId,
  detail,
  plan,
  heldFen,
  open,
  onChanged,
}: {
  caseId: string;
  detail: CaseWithInquiry;
  plan: Remote<DistributionPlanView | null>;
  heldFen: Fen | undefined;
  /** the case is not closed */
  open: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const can = useCan();
  const current = plan.data ?? null;
  // the plan's query answers null for a case without one: null is an answer once loading is over
  const known = !plan.loading || current !== null;
  const windowOpen =
    current !== null &&
    current.status !== 'SUPERSEDED' &&
    daysBetween(today(), current.objectionDeadline) >= 0;
  return (
    <Card
      title={t('money.plan.title')}
      size="small"
      data-testid="money-plan"
      extra={
        known &&
        plan.error === null && (
          <Space wrap>
            {can('proposeDistribution') && open && (
              <ProposePlan
                caseId={caseId}
                detail={detail}
                plan={current}
                heldFen={heldFen}
                onDone={onChanged}
              />
            )}
            {can('objectToDistribution') && current && windowOpen && (
              <ObjectToPlan plan={current} detail={detail} onDone={onChanged} />
            )}
          </Space>
        )
      }
    >
      {current ? (
        <PlanView plan={current} mayDecide={can('decideDistributionObjection')} onChanged={onChanged} />
      ) : plan.error !== null ? (
        <ProblemAlert error={plan.error} title={t('money.loadFailed')} />
      ) : known ? (
        <Typography.Text type="secondary" data-testid="plan-none">
          {t('plan.none')}
        </Typography.Text>
      ) : (
        <Spin />
      )}
    </Card>
  );
}

function PlanView({
  plan,
  mayDecide,
  onChanged,
}: {
  plan: DistributionPlanView;
  mayDecide: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const left = daysBetween(today(), plan.objectionDeadline);
  const windowOpen = plan.status === 'OBJECTION_WINDOW' && left >= 0;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Tag
          data-testid="plan-status"
          data-status={plan.status}
          color={plan.status === 'CONFIRMED' ? 'success' : plan.status === 'OBJECTED' ? 'red' : 'gold'}
        >
          {t(`planStatus.${plan.status}`)}
        </Tag>
        <span>{t('plan.revision', { revision: plan.revision })}</span>
        <span>{t('money.plan.servedOn', { date: plan.servedOn })}</span>
        <span>{t('money.plan.objectionDeadline', { date: plan.objectionDeadline })}</span>
        {windowOpen && <Tag color="orange">{t('money.deadline.daysLeft', { days: left })}</Tag>}
        <span>
          {t('money.plan.amount', { amount: formatFen(plan.amountFen), costs: formatFen(plan.costsFen) })}
        </span>
        {plan.surplusFen > 0 && <span>{t('plan.surplus', { amount: formatFen(plan.surplusFen) })}</span>}
      </Space>
      <Table
        rowKey="creditorId"
        size="small"
        pagination={false}
        dataSource={plan.allocations}
        onRow={() => ({ 'data-testid': 'plan-allocation' }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('money.payouts.creditor'), dataIndex: 'creditorName' },
          {
            title: t('money.plan.rank'),
            dataIndex: 'rank',
            render: (rank: ClaimRankName, row) =>
              `${t(`claimRank.${rank}`)}${row.order !== undefined ? ` · ${String(row.order)}` : ''}`,
          },
          {
            title: t('money.plan.claim'),
            dataIndex: 'claimFen',
            align: 'right',
            render: (f: Fen) => formatFen(f),
          },
          {
            title: t('money.plan.allocated'),
            dataIndex: 'allocatedFen',
            align: 'right',
            render: (f: Fen) => <span data-testid="plan-allocated">{formatFen(f)}</span>,
          },
          {
            title: t('money.paid'),
            dataIndex: 'paidFen',
            align: 'right',
            render: (f: Fen) => formatFen(f),
          },
        ]}
      />
      {plan.objections.map((o) => (
        <Alert
          key={o.id}
          data-testid="plan-objection"
          data-status={o.status}
          type={o.status === 'OPEN' ? 'warning' : 'info'}
          showIcon
          title={`${o.objector}（${o.filedOn}）：${o.reason}`}
          description={
            o.decision
              ? `${t(`objectionStatus.${o.status}`)}（${o.decidedOn ?? ''}）：${o.decision}`
              : t('objectionStatus.OPEN')
          }
          action={
            mayDecide && o.status === 'OPEN' ? (
              <DecideObjection plan={plan} objection={o} onDone={onChanged} />
            ) : undefined
          }
        />
      ))}
    </Space>
  );
}

interface ProposeForm {
  servedOn: string;
  claims: ClaimRow[];
}

function ProposePlan({
  caseId,
  detail,
  plan,
  heldFen,
  onDone,
}: {
  caseId: string;
  detail: CaseWithInquiry;
  plan: DistributionPlanView | null;
  heldFen: Fen | undefined;
  onDone: () => void;
}) {
  const t = useT();
  const keyFor = useIdempotencyKey();
  return (
    <ActionButton<ProposeForm>
      label={plan ? t('plan.revise') : t('plan.propose')}
      testId="propose-plan"
      type={plan ? 'default' : 'primary'}
      successText={t('plan.proposed')}
      initialValues={{ servedOn: today(), claims: startingClaims(plan, detail) }}
      fields={() => (
        <>
          <Typography.Paragraph type="secondary">
            {t('plan.proposeHint', { held: heldFen === undefined ? '—' : formatFen(heldFen) })}
          </Typography.Paragraph>
          <Form.Item label={t('plan.servedOn')} name="servedOn" rules={dateRules(t)}>
            <Input placeholder="YYYY-MM-DD" />
          </Form.Item>
          <ClaimsEditor />
        </>
      )}
      submit={(values) => {
        const body = { servedOn: values.servedOn, claims: claimsOf(values.claims) };
        return ledgerApi.proposeDistribution(caseId, body, keyFor(body));
      }}
      onDone={onDone}
    />
  );
}

function ObjectToPlan({
  plan,
  detail,
  onDone,
}: {
  plan: DistributionPlanView;
  detail: CaseWithInquiry;
  onDone: () => void;
}) {
  const t = useT();
  const names = [
    ...new Set([...plan.allocations.map((a) => a.creditorName), ...detail.parties.map((p) => p.name)]),
  ];
  return (
    <ActionButton<{ objector: string; reason: string }>
      label={t('plan.object')}
      testId="object-plan"
      successText={t('plan.objected')}
      fields={() => (
        <>
          <Typography.Paragraph type="secondary">
            {t('plan.objectHint', { date: plan.objectionDeadline })}
          </Typography.Paragraph>
          <Form.Item label={t('plan.objector')} name="objector" rules={textRules(t, 1, 200)}>
            <AutoComplete
              data-testid="plan-objector"
              options={names.map((name) => ({ value: name }))}
              filterOption={(input, option) => String(option?.value ?? '').includes(input)}
            />
          </Form.Item>
          <Form.Item label={t('plan.objectionReason')} name="reason" rules={textRules(t, 1, 1000)}>
            <Input.TextArea data-testid="plan-objection-reason" rows={3} />
          </Form.Item>
        </>
      )}
      submit={(values) =>
        ledgerApi.objectToDistribution(plan.id, {
          objector: values.objector.trim(),
          reason: values.reason.trim(),
        })
      }
      onDone={onDone}
    />
  );
}

interface DecideForm {
  uphold: boolean;
  decision: string;
  claims?: ClaimRow[];
}

function DecideObjection({
  plan,
  objection,
  onDone,
}: {
  plan: DistributionPlanView;
  objection: DistributionObjectionView;
  onDone: () => void;
}) {
  const t = useT();
  return (
    <ActionButton<DecideForm>
      label={t('plan.decide')}
      title={t('plan.decideTitle', { objector: objection.objector })}
      testId="decide-plan-objection"
      initialValues={{ uphold: false, claims: claimsOfPlan(plan) }}
      fields={() => (
        <>
          <Typography.Paragraph type="secondary">{objection.reason}</Typography.Paragraph>
          <Form.Item name="uphold" label={t('plan.decision')}>
            <Radio.Group
              data-testid="plan-uphold"
              options={[
                { value: false, label: t('plan.dismiss') },
                { value: true, label: t('plan.uphold') },
              ]}
            />
          </Form.Item>
          <Form.Item label={t('plan.decisionText')} name="decision" rules={textRules(t, 1, 1000)}>
            <Input.TextArea data-testid="plan-decision-text" rows={2} />
          </Form.Item>
          <Form.Item noStyle dependencies={['uphold']}>
            {({ getFieldValue }) =>
              getFieldValue('uphold') === true ? (
                <>
                  <Typography.Paragraph type="secondary">{t('plan.revisedClaims')}</Typography.Paragraph>
                  <ClaimsEditor />
                </>
              ) : null
            }
          </Form.Item>
        </>
      )}
      submit={(values) =>
        ledgerApi.decideDistributionObjection(plan.id, objection.id, {
          uphold: values.uphold,
          decision: values.decision.trim(),
          ...(values.uphold && values.claims ? { claims: claimsOf(values.claims) } : {}),
        })
      }
      onDone={onDone}
    />
  );
}
