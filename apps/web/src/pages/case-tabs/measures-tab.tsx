import {
  App,
  Alert,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { FormInstance, FormRule, TableColumnsType } from 'antd';
import {
  ApprovalStatus,
  CaseStatus,
  DishonestGround,
  MeasureKind,
  MeasureStatus,
  PartyKind,
  Role,
  formatFen,
  parseYuanToFen,
  residentIdNumberProblem,
  type MeasureDetails,
  type MeasureDetailsByKind,
  type MeasureView,
  type PartyView,
  type PersonRef,
} from '@writ/contracts/web';
import { useState } from 'react';
import { api, useIdempotencyKey, type DecideMeasureBody, type LiftMeasureBody } from '../../api/client';
import { useRemote } from '../../api/use-remote';
import { useCan } from '../../auth/permissions';
import { ActionButton } from '../../components/action-button';
import { useActorLabel } from '../../components/actor-label';
import { dateRules, textRules } from '../../components/form-rules';
import { optionWithTestId } from '../../components/option-test-id';
import { ProblemAlert } from '../../components/problem-alert';
import { RemoteView } from '../../components/remote-view';
import { today } from '../../format';
import { idProblemText, useT, type Translate } from '../../i18n';
import { respondentsOf, type CaseTabProps } from './case-tab-props';

const statusColour: Record<MeasureStatus, string> = {
  [MeasureStatus.PendingApproval]: 'gold',
  [MeasureStatus.InForce]: 'red',
  [MeasureStatus.Rejected]: 'default',
  [MeasureStatus.Lifted]: 'green',
};

const approvalColour: Record<ApprovalStatus, string> = {
  [ApprovalStatus.Pending]: 'gold',
  [ApprovalStatus.Approved]: 'success',
  [ApprovalStatus.Rejected]: 'error',
};

/** 强制措施: the measures decided on the case, deciding a new one, and lifting one in force. */
export function MeasuresTab({ caseId, detail, version, onChanged }: CaseTabProps) {
  const t = useT();
  const can = useCan();
  const remote = useRemote((signal) => api.listMeasures(caseId, signal), [caseId, version]);
  const respondents = respondentsOf(detail.parties);
  const mayDecide = can('decideMeasure') && detail.status !== CaseStatus.Closed;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('measures.title')} size="small">
        <RemoteView remote={remote} failedTitle={t('measures.loadFailed')}>
          {(reply) => (
            <MeasureTable
              measures={reply.items}
              parties={detail.parties}
              mayLift={can('decideMeasure')}
              onChanged={onChanged}
            />
          )}
        </RemoteView>
      </Card>
      {mayDecide && <DecideMeasure caseId={caseId} respondents={respondents} onChanged={onChanged} />}
    </Space>
  );
}

function personText(t: Translate, label: string, person: PersonRef | undefined): string | null {
  return person ? t('measures.personValue', { label, name: person.name }) : null;
}

/** One line saying what the measure holds, by its kind. */
export function measureDetailsText(t: Translate, measure: MeasureView): string {
  const parts: (string | null | undefined)[] = [];
  switch (measure.kind) {
    case MeasureKind.ExecutionNotice: {
      const d = measure.details as MeasureDetailsByKind[MeasureKind.ExecutionNotice];
      parts.push(d.documentNumber);
      break;
    }
    case MeasureKind.ConsumptionRestriction: {
      const d = measure.details as MeasureDetailsByKind[MeasureKind.ConsumptionRestriction];
      parts.push(personText(t, t('measures.legalRepresentative'), d.legalRepresentative));
      break;
    }
    case MeasureKind.DishonestListing: {
      const d = measure.details as MeasureDetailsByKind[MeasureKind.DishonestListing];
      parts.push(t(`dishonestGround.${d.ground}`));
      if (d.extensionYears) parts.push(t('measures.extensionYearsValue', { years: d.extensionYears }));
      if (d.graceMonths) parts.push(t('measures.graceMonthsValue', { months: d.graceMonths }));
      break;
    }
    case MeasureKind.Fine: {
      const d = measure.details as MeasureDetailsByKind[MeasureKind.Fine];
      parts.push(formatFen(d.amountFen));
      break;
    }
    case MeasureKind.Detention: {
      const d = measure.details as MeasureDetailsByKind[MeasureKind.Detention];
      parts.push(t('measures.daysValue', { days: d.days }));
      parts.push(personText(t, t('measures.responsiblePerson'), d.responsiblePerson));
      break;
    }
    case MeasureKind.ExitRestriction: {
      const d = measure.details as MeasureDetailsByKind[MeasureKind.ExitRestriction];
      parts.push(t(d.onApplication ? 'measures.onApplication' : 'measures.onMotion'));
      parts.push(personText(t, t('measures.responsiblePerson'), d.responsiblePerson));
      break;
    }
    case MeasureKind.RewardNotice: {
      const d = measure.details as MeasureDetailsByKind[MeasureKind.RewardNotice];
      parts.push(t('measures.rewardValue', { amount: formatFen(d.rewardFen), date: d.requestedOn }));
      break;
    }
    case MeasureKind.RefusalReferral: {
      const d = measure.details as MeasureDetailsByKind[MeasureKind.RefusalReferral];
      parts.push(d.receivingAuthority, d.facts);
      break;
    }
  }
  const text = parts.filter((part): part is string => Boolean(part)).join('；');
  return text === '' ? '—' : text;
}

function MeasureTable({
  measures,
  parties,
  mayLift,
  onChanged,
}: {
  measures: MeasureView[];
  parties: PartyView[];
  mayLift: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const actorLabel = useActorLabel();
  const nameOf = new Map(parties.map((party) => [party.idNumber, party.name]));
  const columns: TableColumnsType<MeasureView> = [
    {
      title: t('measures.kind'),
      dataIndex: 'kind',
      width: 150,
      render: (_, row) => t(`measureKind.${row.kind}`),
    },
    {
      title: t('measures.respondent'),
      dataIndex: 'respondentIdNumber',
      width: 120,
      render: (value: string) => nameOf.get(value) ?? value,
    },
    {
      title: t('measures.status'),
      dataIndex: 'status',
      width: 110,
      render: (_, row) => (
        <span data-testid="measure-status" data-status={row.status}>
          <Tag color={statusColour[row.status]}>{t(`measureStatus.${row.status}`)}</Tag>
        </span>
      ),
    },
    { title: t('measures.details'), key: 'details', render: (_, row) => measureDetailsText(t, row) },
    {
      title: t('measures.decided'),
      key: 'decided',
      width: 150,
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <span>{row.decidedOn}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {actorLabel(row.decidedBy)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('measures.term'),
      key: 'term',
      width: 190,
      render: (_, row) => <MeasureTerm measure={row} />,
    },
    {
      title: t('measures.approval'),
      key: 'approval',
      width: 150,
      render: (_, row) =>
        row.approval ? (
          <Tooltip
            title={
              [row.approval.decidedBy && actorLabel(row.approval.decidedBy), row.approval.comment]
                .filter(Boolean)
                .join('：') || undefined
            }
          >
            <Space orientation="vertical" size={0}>
              <Tag color={approvalColour[row.approval.status]}>
                {t(`approvalStatus.${row.approval.status}`)}
              </Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`approver.${row.approval.requiredRole === Role.Leader ? 'LEADER' : 'DIRECTOR'}`)}
              </Typography.Text>
            </Space>
          </Tooltip>
        ) : (
          '—'
        ),
    },
    {
      title: '',
      key: 'actions',
      width: 90,
      render: (_, row) =>
        // a notice once served stays served: only the other measures can be lifted
        mayLift && row.status === MeasureStatus.InForce && row.kind !== MeasureKind.ExecutionNotice ? (
          <ActionButton<LiftMeasureBody>
            label={t('measures.lift')}
            title={t('measures.liftTitle', { kind: t(`measureKind.${row.kind}`) })}
            testId="lift-measure"
            type="link"
            initialValues={{ groundOccurredOn: today() }}
            fields={() => (
              <>
                <Form.Item label={t('form.reason')} name="reason" rules={textRules(t, 1, 500)}>
                  <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
                </Form.Item>
                <Form.Item
                  label={t('measures.groundOccurredOn')}
                  name="groundOccurredOn"
                  rules={dateRules(t)}
                  extra={t('measures.groundOccurredOnHint')}
                >
                  <Input type="date" max={today()} />
                </Form.Item>
              </>
            )}
            submit={(values) =>
              api.liftMeasure(row.id, {
                reason: values.reason.trim(),
                groundOccurredOn: values.groundOccurredOn,
              })
            }
            onDone={onChanged}
          />
        ) : null,
    },
  ];
  return (
    <div data-testid="measures-table">
      <Table<MeasureView>
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={measures}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('measures.none') }}
        expandable={{
          rowExpandable: (row) => Boolean(row.note ?? row.liftReason),
          expandedRowRender: (row) => (
            <Space orientation="vertical" size={2}>
              {row.note && (
                <span>
                  {t('measures.note')}：{row.note}
                </span>
              )}
              {row.liftReason && (
                <span>
                  {t('measures.liftedValue', { date: row.liftedOn ?? '—', by: actorLabel(row.liftedBy) })}：
                  {row.liftReason}
                </span>
              )}
            </Space>
          ),
        }}
      />
    </div>
  );
}

function MeasureTerm({ measure }: { measure: MeasureView }) {
  const t = useT();
  const lines: { text: string; danger?: boolean }[] = [];
  if (measure.inForceFrom) lines.push({ text: t('measures.inForceFrom', { date: measure.inForceFrom }) });
  if (measure.termUntil) lines.push({ text: t('measures.termUntil', { date: measure.termUntil }) });
  if (measure.dueOn)
    lines.push({
      text: t(measure.late ? 'measures.dueLate' : 'measures.dueOn', { date: measure.dueOn }),
      danger: measure.late,
    });
  if (measure.liftedOn) lines.push({ text: t('measures.liftedOn', { date: measure.liftedOn }) });
  if (measure.removalDueOn)
    lines.push({
      text: t(measure.removedLate ? 'measures.removedLate' : 'measures.removalDueOn', {
        date: measure.removalDueOn,
      }),
      danger: measure.removedLate,
    });
  if (lines.length === 0) return <>—</>;
  return (
    <Space orientation="vertical" size={0}>
      {lines.map((line) => (
        <Typography.Text key={line.text} type={line.danger ? 'danger' : undefined} style={{ fontSize: 12 }}>
          {line.text}
        </Typography.Text>
      ))}
    </Space>
  );
}

interface MeasureForm {
  kind: MeasureKind;
  respondentIdNumber?: string;
  documentNumber?: string;
  personName?: string;
  personIdNumber?: string;
  ground?: DishonestGround;
  extensionYears?: number | null;
  graceMonths?: number | null;
  amountYuan?: string;
  days?: number | null;
  onApplication?: boolean;
  rewardYuan?: string;
  requestedOn?: string;
  facts?: string;
  receivingAuthority?: string;
  note?: string;
}

/** Kinds that may reach a natural person behind an organisation (法定代表人, 主要负责人 …). */
const PERSON_FIELD: Partial<
  Record<MeasureKind, 'measures.legalRepresentative' | 'measures.responsiblePerson'>
> = {
  [MeasureKind.ConsumptionRestriction]: 'measures.legalRepresentative',
  [MeasureKind.Detention]: 'measures.responsiblePerson',
  [MeasureKind.ExitRestriction]: 'measures.responsiblePerson',
};

function personOf(values: MeasureForm): PersonRef | undefined {
  const name = values.personName?.trim();
  const idNumber = values.personIdNumber?.trim().toUpperCase();
  return name && idNumber ? { name, idNumber } : undefined;
}

/** The form as the request the server takes; money typed in yuan goes as fen. */
function toBody(values: MeasureForm): DecideMeasureBody {
  const person = personOf(values);
  let details: MeasureDetails | undefined;
  switch (values.kind) {
    case MeasureKind.ExecutionNotice:
      details = values.documentNumber?.trim() ? { documentNumber: values.documentNumber.trim() } : undefined;
      break;
    case MeasureKind.ConsumptionRestriction:
      details = person ? { legalRepresentative: person } : undefined;
      break;
    case MeasureKind.DishonestListing:
      details = {
        ground: values.ground ?? DishonestGround.AbleButRefuses,
        ...(values.extensionYears ? { extensionYears: values.extensionYears } : {}),
        ...(values.graceMonths ? { graceMonths: values.graceMonths } : {}),
      };
      break;
    case MeasureKind.Fine:
      details = { amountFen: parseYuanToFen(values.amountYuan ?? '') ?? 0 };
      break;
    case MeasureKind.Detention:
      details = { days: values.days ?? 0, ...(person ? { responsiblePerson: person } : {}) };
      break;
    case MeasureKind.ExitRestriction:
      details = {
        onApplication: values.onApplication ?? false,
        ...(person ? { responsiblePerson: person } : {}),
      };
      break;
    case MeasureKind.RewardNotice:
      details = {
        rewardFen: parseYuanToFen(values.rewardYuan ?? '') ?? 0,
        requestedOn: values.requestedOn ?? today(),
      };
      break;
    case MeasureKind.RefusalReferral:
      details = {
        facts: values.facts?.trim() ?? '',
        ...(values.receivingAuthority?.trim()
          ? { receivingAuthority: values.receivingAuthority.trim() }
          : {}),
      };
      break;
  }
  const note = values.note?.trim();
  return {
    kind: values.kind,
    respondentIdNumber: values.respondentIdNumber ?? '',
    ...(details ? { details } : {}),
    ...(note ? { note } : {}),
  };
}

function DecideMeasure({
  caseId,
  respondents,
  onChanged,
}: {
  caseId: string;
  respondents: PartyView[];
  onChanged: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<MeasureForm>();
  const keyFor = useIdempotencyKey();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function decide(values: MeasureForm): Promise<void> {
    const body = toBody(values);
    setSending(true);
    setError(null);
    try {
      const measure = await api.decideMeasure(caseId, body, keyFor(body));
      void message.success(
        t(
          measure.status === MeasureStatus.PendingApproval
            ? 'measures.sentForApproval'
            : 'measures.decidedOk',
          {
            kind: t(`measureKind.${measure.kind}`),
          },
        ),
      );
      form.resetFields();
      onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setSending(false);
    }
  }

  return (
    <Card title={t('measures.decideTitle')} size="small" data-testid="decide-measure">
      <Form<MeasureForm>
        form={form}
        layout="vertical"
        initialValues={{
          kind: MeasureKind.ExecutionNotice,
          respondentIdNumber: respondents[0]?.idNumber,
          ground: DishonestGround.AbleButRefuses,
          onApplication: false,
          requestedOn: today(),
        }}
        onFinish={(values) => void decide(values)}
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item label={t('measures.kind')} name="kind" rules={[{ required: true }]}>
              <Select<MeasureKind>
                data-testid="measure-kind"
                optionRender={optionWithTestId('measure-kind-option')}
                options={Object.values(MeasureKind).map((value) => ({
                  value,
                  label: t(`measureKind.${value}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item
              label={t('measures.respondent')}
              name="respondentIdNumber"
              rules={[{ required: true, message: t('form.required') }]}
            >
              <Select
                data-testid="measure-respondent"
                options={respondents.map((party) => ({
                  value: party.idNumber,
                  label: `${party.name}（${party.idNumber}）`,
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item noStyle dependencies={['kind', 'respondentIdNumber']}>
          {() => <KindFields form={form} respondents={respondents} />}
        </Form.Item>
        <Form.Item
          label={t('measures.note')}
          name="note"
          rules={[{ max: 500, message: t('form.tooLong', { max: 500 }) }]}
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
        </Form.Item>
        {error !== null && (
          <div style={{ marginBottom: 16 }}>
            <ProblemAlert error={error} title={t('measures.failed')} />
          </div>
        )}
        <Button type="primary" htmlType="submit" loading={sending} data-testid="measure-submit">
          {t('measures.decide')}
        </Button>
      </Form>
    </Card>
  );
}

function yuanRules(t: Translate) {
  return [
    {
      required: true,
      validator: (_: unknown, value: unknown) => {
        const fen = typeof value === 'string' ? parseYuanToFen(value) : null;
        if (fen === null) return Promise.reject(new Error(t('form.amountInvalid')));
        if (fen === 0) return Promise.reject(new Error(t('form.amountZero')));
        return Promise.resolve();
      },
    },
  ];
}

/** The fields the chosen kind needs. */
function KindFields({ form, respondents }: { form: FormInstance<MeasureForm>; respondents: PartyView[] }) {
  const t = useT();
  const kind = Form.useWatch('kind', form) ?? MeasureKind.ExecutionNotice;
  const respondentIdNumber = Form.useWatch('respondentIdNumber', form);
  const respondent = respondents.find((party) => party.idNumber === respondentIdNumber);
  const personLabel = PERSON_FIELD[kind];
  const organisation = respondent?.kind === PartyKind.Organisation;

  const approvalHint =
    kind === MeasureKind.Fine || kind === MeasureKind.Detention
      ? t('measures.needsLeader')
      : kind === MeasureKind.ExecutionNotice
        ? null
        : t('measures.needsDirector');

  return (
    <>
      {approvalHint && <Alert type="info" showIcon title={approvalHint} style={{ marginBottom: 16 }} />}
      <Row gutter={16}>
        {kind === MeasureKind.ExecutionNotice && (
          <Col xs={24} md={10}>
            <Form.Item label={t('measures.documentNumber')} name="documentNumber">
              <Input maxLength={60} />
            </Form.Item>
          </Col>
        )}
        {kind === MeasureKind.DishonestListing && (
          <>
            <Col xs={24} md={12}>
              <Form.Item label={t('measures.ground')} name="ground" rules={[{ required: true }]}>
                <Select<DishonestGround>
                  data-testid="measure-ground"
                  optionRender={optionWithTestId('measure-ground-option')}
                  options={Object.values(DishonestGround).map((value) => ({
                    value,
                    label: t(`dishonestGround.${value}`),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                label={t('measures.extensionYears')}
                name="extensionYears"
                extra={t('measures.extensionYearsHint')}
              >
                <InputNumber min={1} max={3} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                label={t('measures.graceMonths')}
                name="graceMonths"
                extra={t('measures.graceMonthsHint')}
              >
                <InputNumber min={1} max={3} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </>
        )}
        {kind === MeasureKind.Fine && (
          <Col xs={24} md={8}>
            <Form.Item
              label={t('measures.amountYuan')}
              name="amountYuan"
              rules={yuanRules(t)}
              extra={t(organisation ? 'measures.fineLimitOrganisation' : 'measures.fineLimitPerson')}
            >
              <Input data-testid="measure-amount-yuan" prefix="¥" inputMode="decimal" placeholder="0.00" />
            </Form.Item>
          </Col>
        )}
        {kind === MeasureKind.Detention && (
          <Col xs={24} md={8}>
            <Form.Item
              label={t('measures.days')}
              name="days"
              rules={[{ required: true, message: t('form.required') }]}
              extra={t('measures.daysHint')}
            >
              <InputNumber
                data-testid="measure-days"
                min={1}
                max={15}
                precision={0}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        )}
        {kind === MeasureKind.ExitRestriction && (
          <Col xs={24} md={8}>
            <Form.Item label={t('measures.onApplicationLabel')} name="onApplication" valuePropName="checked">
              <Switch
                checkedChildren={t('measures.onApplication')}
                unCheckedChildren={t('measures.onMotion')}
              />
            </Form.Item>
          </Col>
        )}
        {kind === MeasureKind.RewardNotice && (
          <>
            <Col xs={24} md={8}>
              <Form.Item label={t('measures.rewardYuan')} name="rewardYuan" rules={yuanRules(t)}>
                <Input prefix="¥" inputMode="decimal" placeholder="0.00" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                label={t('measures.requestedOn')}
                name="requestedOn"
                rules={dateRules(t)}
                extra={t('measures.requestedOnHint')}
              >
                <Input type="date" max={today()} />
              </Form.Item>
            </Col>
          </>
        )}
        {kind === MeasureKind.RefusalReferral && (
          <>
            <Col xs={24} md={16}>
              <Form.Item label={t('measures.facts')} name="facts" rules={textRules(t, 1, 2000)}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={t('measures.receivingAuthority')} name="receivingAuthority">
                <Input maxLength={100} />
              </Form.Item>
            </Col>
          </>
        )}
      </Row>
      {personLabel && organisation && (
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item label={t(personLabel)} name="personName" rules={[requiredWith(t, 'personIdNumber')]}>
              <Input maxLength={100} placeholder={t('register.name')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item
              label={t('register.idNumber')}
              name="personIdNumber"
              normalize={(value: string) => value.replace(/\s/g, '').toUpperCase()}
              rules={[
                requiredWith(t, 'personName'),
                {
                  validator: (_, value: unknown) => {
                    const text = typeof value === 'string' ? value : '';
                    const problem = text === '' ? null : residentIdNumberProblem(text);
                    return problem === null
                      ? Promise.resolve()
                      : Promise.reject(
                          new Error(t('register.idNumberInvalid', { reason: idProblemText(t, problem) })),
                        );
                  },
                },
              ]}
            >
              <Input maxLength={18} placeholder={t('register.idNumberPlaceholder.NATURAL_PERSON')} />
            </Form.Item>
          </Col>
        </Row>
      )}
    </>
  );
}

/** A person is named whole or not at all: a name without an id number (or the reverse) is refused. */
function requiredWith(t: Translate, other: 'personName' | 'personIdNumber'): FormRule {
  return ({ getFieldValue }) => ({
    validator: (_: unknown, value: unknown) => {
      const mine = typeof value === 'string' && value.trim() !== '';
      const theirs = Boolean((getFieldValue(other) as string | undefined)?.trim());
      return mine || !theirs ? Promise.resolve() : Promise.reject(new Error(t('form.required')));
    },
  });
}
