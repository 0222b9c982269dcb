import {
  Alert,
  App,
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
  Typography,
} from 'antd';
import type { FormInstance, FormRule, TableColumnsType } from 'antd';
import {
  CaseType,
  FlowNode,
  Role,
  Track,
  formatFen,
  parseYuanToFen,
  LEGAL_MAXIMUM_NODE_DAYS,
  type CourtSettingsView,
  type FieldError,
  type StaffMemberView,
} from '@writ/contracts/web';
import { useState, type ReactNode } from 'react';
import { api, ApiError, newIdempotencyKey, type PutCourtSettingsBody } from '../api/client';
import { useRemote } from '../api/use-remote';
import { useCan } from '../auth/permissions';
import { useActorLabel } from '../components/actor-label';
import { AgencyKindsCard } from '../components/agency-kinds-card';
import {
  fieldErrorText,
  fieldSegments,
  placeFieldErrors,
  type FormFieldPath,
} from '../components/field-errors';
import { ProblemAlert } from '../components/problem-alert';
import { RemoteView } from '../components/remote-view';
import { formatInstant, isIsoDate } from '../format';
import { useT, type Translate } from '../i18n';

/** Who may be named an officer of a team: the staff who handle cases (执行法官、执行员). */
const CASE_HANDLER_ROLES: readonly Role[] = [Role.Judge, Role.Officer];

interface TeamFields {
  id: string;
  name?: string;
  track: Track;
  officerIds: string[];
}

interface SettingsForm {
  triage: {
    fastTrackMaxYuan?: string;
    fastTrackCaseTypes: CaseType[];
    ordinaryTrackCaseTypes: CaseType[];
    fastTrackWhenDepositsCoverClaim: boolean;
  };
  teams: TeamFields[];
  nodeDeadlineDays: Partial<Record<FlowNode, number | null>>;
  holidays: string[];
  workingWeekends: string[];
}

/** 法院参数设置: the court's own figures where the law leaves room; its staff read them, its director sets them. */
export function CourtSettingsPage() {
  const t = useT();
  const can = useCan();
  const remote = useRemote((signal) => api.getCourtSettings(signal), []);
  const [saved, setSaved] = useState<CourtSettingsView | null>(null);
  return (
    <>
      <RemoteView remote={remote} failedTitle={t('settings.loadFailed')}>
        {(loaded) => {
          const settings = saved ?? loaded;
          // a fresh editor after each save, so "discard changes" returns to what was saved
          return (
            <SettingsEditor key={settings.updatedAt ?? 'defaults'} settings={settings} onSaved={setSaved} />
          );
        }}
      </RemoteView>
      <AgencyKindsCard mayEdit={can('editCourtSettings')} />
    </>
  );
}

function SettingsEditor({
  settings,
  onSaved,
}: {
  settings: CourtSettingsView;
  onSaved: (view: CourtSettingsView) => void;
}) {
  const t = useT();
  const can = useCan();
  const actorLabel = useActorLabel();
  const { message } = App.useApp();
  const [form] = Form.useForm<SettingsForm>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const staff = useRemote((signal) => api.listCourtStaff(signal), []);
  const mayEdit = can('editCourtSettings');

  async function save(values: SettingsForm): Promise<void> {
    setSaving(true);
    setProblem(null);
    try {
      const view = await api.putCourtSettings(toBody(values));
      void message.success(t('settings.saved'));
      onSaved(view);
    } catch (caught) {
      if (caught instanceof ApiError) {
        placeFieldErrors(t, form, caught.problem.errors ?? [], formPathOf);
        const first = (caught.problem.errors ?? [])
          .map((e) => formPathOf(e.field, form.getFieldsValue(true) as SettingsForm))
          .find((path) => path !== null);
        if (first) form.scrollToField(first);
      }
      setProblem(caught);
    } finally {
      setSaving(false);
    }
  }

  const fieldErrors = problem instanceof ApiError ? (problem.problem.errors ?? []) : [];
  return (
    <Card
      title={t('settings.title')}
      data-testid="court-settings"
      extra={
        <Typography.Text type="secondary" data-testid="settings-updated">
          {settings.updatedAt
            ? t('settings.updated', {
                by: actorLabel(settings.updatedBy),
                at: formatInstant(settings.updatedAt),
              })
            : t('settings.defaults')}
        </Typography.Text>
      }
    >
      {!mayEdit && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('settings.readOnly')} />}
      <Form<SettingsForm>
        form={form}
        layout="vertical"
        disabled={!mayEdit}
        initialValues={toForm(settings)}
        onFinish={(values) => void save(values)}
        scrollToFirstError
        data-testid="settings-form"
      >
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <TriageSection form={form} />
          <TeamsSection staff={staff.data ?? []} mayEdit={mayEdit} />
          <NodeDeadlinesSection settings={settings} />
          <CalendarSection mayEdit={mayEdit} />
          {problem !== null && (
            <ProblemAlert
              error={problem}
              title={t('settings.saveFailed')}
              hideDetail={fieldErrors.length > 0}
              describe={(fieldError) => describeFieldError(t, fieldError)}
              testId="settings-problem"
            />
          )}
          {mayEdit && (
            <Space>
              <Button type="primary" htmlType="submit" loading={saving} data-testid="settings-save">
                {t('settings.save')}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  setProblem(null);
                }}
                data-testid="settings-reset"
              >
                {t('settings.reset')}
              </Button>
            </Space>
          )}
        </Space>
      </Form>
    </Card>
  );
}

function Section({ title, hint, children }: { title: string; hint: ReactNode; children: ReactNode }) {
  return (
    <Card size="small" title={title}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {hint}
      </Typography.Paragraph>
      {children}
    </Card>
  );
}

function TriageSection({ form }: { form: FormInstance<SettingsForm> }) {
  const t = useT();
  const fastTypes = Form.useWatch(['triage', 'fastTrackCaseTypes'], form) ?? [];
  const ordinaryTypes = Form.useWatch(['triage', 'ordinaryTrackCaseTypes'], form) ?? [];
  const ceiling = parseYuanToFen(Form.useWatch(['triage', 'fastTrackMaxYuan'], form) ?? '');
  // a case type is ruled onto one track only: what one list holds, the other does not offer
  const typeOptions = (taken: readonly CaseType[]) =>
    Object.values(CaseType).map((value) => ({
      value,
      label: t(`caseType.${value}`),
      disabled: taken.includes(value),
    }));
  return (
    <Section title={t('settings.triage')} hint={t('settings.triageHint')}>
      <Row gutter={16}>
        <Col xs={24} md={12} lg={6}>
          <Form.Item
            label={t('settings.fastTrackMaxYuan')}
            name={['triage', 'fastTrackMaxYuan']}
            required
            rules={[{ validator: (_, value: unknown) => checkCeiling(t, value) }]}
            extra={
              ceiling === null ? undefined : t('settings.fastTrackMaxHint', { amount: formatFen(ceiling) })
            }
          >
            <Input data-testid="fast-track-max-yuan" prefix="¥" inputMode="decimal" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={6}>
          <Form.Item label={t('settings.fastTrackCaseTypes')} name={['triage', 'fastTrackCaseTypes']}>
            <Select
              mode="multiple"
              data-testid="fast-track-case-types"
              placeholder={t('settings.none')}
              options={typeOptions(ordinaryTypes)}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={6}>
          <Form.Item label={t('settings.ordinaryTrackCaseTypes')} name={['triage', 'ordinaryTrackCaseTypes']}>
            <Select
              mode="multiple"
              data-testid="ordinary-track-case-types"
              placeholder={t('settings.none')}
              options={typeOptions(fastTypes)}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={6}>
          <Form.Item
            label={t('settings.depositsCover')}
            name={['triage', 'fastTrackWhenDepositsCoverClaim']}
            valuePropName="checked"
          >
            <Switch data-testid="deposits-cover-claim" />
          </Form.Item>
        </Col>
      </Row>
    </Section>
  );
}

/** Shows a form value as text, so a generated field (a team's number) still carries its errors. */
function PlainValue({ value }: { value?: string }) {
  return <Typography.Text code>{value}</Typography.Text>;
}

function TeamsSection({ staff, mayEdit }: { staff: StaffMemberView[]; mayEdit: boolean }) {
  const t = useT();
  const officerOptions = staff
    .filter((member) => member.roles.some((role) => CASE_HANDLER_ROLES.includes(role)))
    .map((member) => ({ value: member.username, label: `${member.displayName}（${member.username}）` }));
  return (
    <Section title={t('settings.teams')} hint={t('settings.teamsHint')}>
      <Form.List name="teams">
        {(fields, { add, remove }) => {
          const columns: TableColumnsType<(typeof fields)[number]> = [
            {
              title: t('settings.teamId'),
              key: 'id',
              width: 150,
              render: (_, field) => (
                <Form.Item name={[field.name, 'id']} style={{ margin: 0 }}>
                  <PlainValue />
                </Form.Item>
              ),
            },
            {
              title: t('settings.teamName'),
              key: 'name',
              width: 220,
              render: (_, field) => (
                <Form.Item
                  name={[field.name, 'name']}
                  style={{ margin: 0 }}
                  rules={[
                    { required: true, whitespace: true, message: t('form.required') },
                    { max: 50, message: t('form.tooLong', { max: 50 }) },
                  ]}
                >
                  <Input data-testid={`team-${String(field.name)}-name`} />
                </Form.Item>
              ),
            },
            {
              title: t('settings.teamTrack'),
              key: 'track',
              width: 120,
              render: (_, field) => (
                <Form.Item name={[field.name, 'track']} style={{ margin: 0 }} rules={[{ required: true }]}>
                  <Select
                    data-testid={`team-${String(field.name)}-track`}
                    options={Object.values(Track).map((value) => ({ value, label: t(`track.${value}`) }))}
                  />
                </Form.Item>
              ),
            },
            {
              title: t('settings.officers'),
              key: 'officers',
              render: (_, field) => (
                <Form.Item name={[field.name, 'officerIds']} style={{ margin: 0 }}>
                  <Select
                    mode="multiple"
                    data-testid={`team-${String(field.name)}-officers`}
                    options={officerOptions}
                    optionFilterProp="label"
                  />
                </Form.Item>
              ),
            },
            ...(mayEdit
              ? [
                  {
                    title: '',
                    key: 'remove',
                    width: 80,
                    render: (_: unknown, field: (typeof fields)[number]) => (
                      <Button
                        danger
                        type="text"
                        onClick={() => {
                          remove(field.name);
                        }}
                        data-testid={`team-${String(field.name)}-remove`}
                      >
                        {t('settings.removeTeam')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ];
          return (
            <>
              <Table
                rowKey="key"
                size="small"
                pagination={false}
                columns={columns}
                dataSource={fields}
                locale={{ emptyText: t('settings.noTeams') }}
                data-testid="teams-table"
              />
              {mayEdit && (
                <Button
                  type="dashed"
                  style={{ marginTop: 12 }}
                  onClick={() => {
                    add({ id: `team-${newIdempotencyKey().slice(0, 8)}`, track: Track.Fast, officerIds: [] });
                  }}
                  data-testid="team-add"
                >
                  {t('settings.addTeam')}
                </Button>
              )}
            </>
          );
        }}
      </Form.List>
    </Section>
  );
}

function NodeDeadlinesSection({ settings }: { settings: CourtSettingsView }) {
  const t = useT();
  const maxima = Object.entries(LEGAL_MAXIMUM_NODE_DAYS) as [FlowNode, number][];
  const hint = (
    <>
      {t('settings.nodeDeadlinesHint')}
      <br />
      {t('settings.legalMaximaHint', {
        list: maxima
          .map(([node, days]) => t('settings.legalMaximumValue', { node: t(`flowNode.${node}`), days }))
          .join(t('settings.listSeparator')),
      })}
    </>
  );
  return (
    <Section title={t('settings.nodeDeadlines')} hint={hint}>
      <Row gutter={16}>
        {Object.values(FlowNode).map((node) => {
          const max = LEGAL_MAXIMUM_NODE_DAYS[node];
          // the server keeps a node's figure when it is left out, so a deadline once set cannot be cleared
          const rules: FormRule[] =
            settings.nodeDeadlineDays[node] === undefined
              ? []
              : [{ required: true, message: t('settings.deadlineRequired') }];
          return (
            <Col xs={12} md={8} lg={6} xl={4} key={node}>
              <div data-testid={`node-${node}`}>
                <Form.Item
                  label={t(`flowNode.${node}`)}
                  name={['nodeDeadlineDays', node]}
                  required={false}
                  rules={rules}
                  extra={max === undefined ? undefined : t('settings.legalMaximum', { days: max })}
                >
                  <InputNumber
                    data-testid={`node-days-${node}`}
                    min={0}
                    max={365}
                    precision={0}
                    placeholder={t('settings.noDeadline')}
                    suffix={t('settings.days')}
                    style={{ width: '100%' }}
                  />
                </Form.Item>
              </div>
            </Col>
          );
        })}
      </Row>
    </Section>
  );
}

function CalendarSection({ mayEdit }: { mayEdit: boolean }) {
  const t = useT();
  const dateList = (testId: string) => (
    <Select
      mode="tags"
      data-testid={testId}
      open={false}
      suffixIcon={null}
      tokenSeparators={[',', '，', '、', ';', ' ', '\n']}
      placeholder={t(mayEdit ? 'settings.datesPlaceholder' : 'settings.none')}
    />
  );
  return (
    <Section title={t('settings.calendar')} hint={t('settings.calendarHint')}>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('settings.holidays')}
            name="holidays"
            normalize={normaliseDates}
            rules={[{ validator: (_, value: unknown) => checkDates(t, value) }]}
          >
            {dateList('holidays')}
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('settings.workingWeekends')}
            name="workingWeekends"
            normalize={normaliseDates}
            dependencies={['holidays']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value: unknown) =>
                  checkDates(t, value, { weekendsOnly: true, notIn: getFieldValue('holidays') as unknown }),
              }),
            ]}
          >
            {dateList('working-weekends')}
          </Form.Item>
        </Col>
      </Row>
    </Section>
  );
}

/** Typed or pasted dates, trimmed, each once, in calendar order. */
function normaliseDates(value: unknown): string[] {
  const dates = Array.isArray(value) ? value.map((v) => String(v).trim()).filter((v) => v !== '') : [];
  return [...new Set(dates)].sort();
}

function isWeekend(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

function checkDates(
  t: Translate,
  value: unknown,
  options: { weekendsOnly?: boolean; notIn?: unknown } = {},
): Promise<void> {
  const dates = normaliseDates(value);
  const invalid = dates.filter((date) => !isIsoDate(date));
  if (invalid.length)
    return Promise.reject(
      new Error(t('settings.datesInvalid', { dates: invalid.join(t('settings.listSeparator')) })),
    );
  // a make-up working day (调休上班) is a weekend day that is worked
  const weekdays = options.weekendsOnly ? dates.filter((date) => !isWeekend(date)) : [];
  if (weekdays.length)
    return Promise.reject(
      new Error(t('settings.notWeekend', { dates: weekdays.join(t('settings.listSeparator')) })),
    );
  // a day cannot be both off and worked: the working-day calendar would contradict itself
  const other = normaliseDates(options.notIn);
  const both = dates.filter((date) => other.includes(date));
  if (both.length)
    return Promise.reject(
      new Error(t('settings.bothLists', { dates: both.join(t('settings.listSeparator')) })),
    );
  return Promise.resolve();
}

function checkCeiling(t: Translate, value: unknown): Promise<void> {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return Promise.reject(new Error(t('form.required')));
  if (parseYuanToFen(text) === null) return Promise.reject(new Error(t('form.amountInvalid')));
  return Promise.resolve();
}

function toForm(settings: CourtSettingsView): SettingsForm {
  return {
    triage: {
      fastTrackMaxYuan: formatFen(settings.triage.fastTrackMaxClaimFen).replace('¥', ''),
      fastTrackCaseTypes: [...settings.triage.fastTrackCaseTypes],
      ordinaryTrackCaseTypes: [...settings.triage.ordinaryTrackCaseTypes],
      fastTrackWhenDepositsCoverClaim: settings.triage.fastTrackWhenDepositsCoverClaim,
    },
    teams: settings.teams.map((team) => ({ ...team, officerIds: [...team.officerIds] })),
    nodeDeadlineDays: Object.fromEntries(
      Object.values(FlowNode).map((node) => [node, settings.nodeDeadlineDays[node] ?? null]),
    ),
    holidays: [...settings.holidays],
    workingWeekends: [...settings.workingWeekends],
  };
}

function toBody(values: SettingsForm): PutCourtSettingsBody {
  const nodeDeadlineDays: PutCourtSettingsBody['nodeDeadlineDays'] = {};
  for (const node of Object.values(FlowNode)) {
    const days = values.nodeDeadlineDays[node];
    if (typeof days === 'number') nodeDeadlineDays[node] = days;
  }
  return {
    triage: {
      // the validator has already refused anything parseYuanToFen cannot read
      fastTrackMaxClaimFen: parseYuanToFen(values.triage.fastTrackMaxYuan ?? '') ?? 0,
      fastTrackCaseTypes: values.triage.fastTrackCaseTypes,
      ordinaryTrackCaseTypes: values.triage.ordinaryTrackCaseTypes,
      fastTrackWhenDepositsCoverClaim: values.triage.fastTrackWhenDepositsCoverClaim,
    },
    teams: values.teams.map((team) => ({
      id: team.id,
      name: (team.name ?? '').trim(),
      track: team.track,
      officerIds: team.officerIds,
    })),
    nodeDeadlineDays,
    holidays: values.holidays,
    workingWeekends: values.workingWeekends,
  };
}

/** The form field a server field error belongs to: `nodeDeadlineDays.INTAKE` → that node's input. */
function formPathOf(field: string, values: SettingsForm): FormFieldPath<SettingsForm> | null {
  const [first, second, third] = fieldSegments(field);
  switch (first) {
    case 'triage':
      if (second === 'fastTrackMaxClaimFen') return ['triage', 'fastTrackMaxYuan'];
      return second === 'fastTrackCaseTypes' ||
        second === 'ordinaryTrackCaseTypes' ||
        second === 'fastTrackWhenDepositsCoverClaim'
        ? ['triage', second]
        : null;
    case 'teams':
      return typeof second === 'number' &&
        second < values.teams.length &&
        (third === 'id' || third === 'name' || third === 'track' || third === 'officerIds')
        ? ['teams', second, third]
        : null;
    case 'nodeDeadlineDays':
      return (Object.values(FlowNode) as unknown[]).includes(second)
        ? ['nodeDeadlineDays', second as FlowNode]
        : null;
    case 'holidays':
    case 'workingWeekends':
      return [first];
    case undefined:
    default:
      return null;
  }
}

/** A refusal's field named as the director reads it: `nodeDeadlineDays.INTAKE` → 执行立案. */
function describeFieldError(t: Translate, fieldError: FieldError): ReactNode {
  const [first, second, third] = fieldSegments(fieldError.field);
  let label: string = fieldError.field;
  if (first === 'nodeDeadlineDays' && (Object.values(FlowNode) as unknown[]).includes(second)) {
    label = t(`flowNode.${second as FlowNode}`);
  } else if (first === 'triage' && second === 'fastTrackMaxClaimFen') {
    label = t('settings.fastTrackMaxYuan');
  } else if (first === 'triage' && second === 'fastTrackCaseTypes') {
    label = t('settings.fastTrackCaseTypes');
  } else if (first === 'teams' && typeof second === 'number') {
    label = `${t('settings.teams')} ${String(second + 1)}${third === 'name' ? ` · ${t('settings.teamName')}` : ''}`;
  } else if (first === 'holidays' || first === 'workingWeekends') {
    label = t(`settings.${first}`);
  }
  return (
    <>
      <Typography.Text strong>{label}</Typography.Text>：{fieldErrorText(t, fieldError)}
    </>
  );
}
