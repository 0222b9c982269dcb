import { Alert, App, Button, Card, Col, Divider, Form, Input, Row, Select, Space, Typography } from 'antd';
import type { FormRule } from 'antd';
import {
  BasisKind,
  CaseStatus,
  CaseType,
  JurisdictionGround,
  PartyKind,
  PartyRole,
  parseYuanToFen,
  residentIdNumberProblem,
  unifiedSocialCreditCodeProblem,
  type FieldError,
  type IntakeRefusalView,
} from '@writ/contracts/web';
import { useState } from 'react';
import {
  api,
  ApiError,
  useIdempotencyKey,
  type BasisInput,
  type PartyInput,
  type RegisterCaseBody,
} from '../api/client';
import { problemText } from '../api/problem-text';
import { useRemote } from '../api/use-remote';
import { fieldErrorText, placeFieldErrors, type FormFieldPath } from '../components/field-errors';
import { isIsoDate, today } from '../format';
import { idProblemText, useT, type MessageKey, type Translate } from '../i18n';
import { navigate, paths } from '../router';
import { RefusalResult, RefuseDialog, type ApplicationToRefuse } from './refuse-application';

interface PartyFields {
  kind: PartyKind;
  name?: string;
  idNumber?: string;
  /** an organisation respondent's 法定代表人 (asked about for exit-entry; measures reach the person) */
  legalRepName?: string;
  legalRepIdNumber?: string;
}

interface BasisFields {
  kind: BasisKind;
  documentNumber?: string;
  issuingCourt?: string;
  effectiveDate?: string;
  performanceDueDate?: string;
}

interface RegisterForm {
  caseType: CaseType;
  applicationDate?: string;
  jurisdictionGround: JurisdictionGround;
  basis: BasisFields;
  applicants: PartyFields[];
  respondents: PartyFields[];
  claimAmountYuan?: string;
  note?: string;
  preservationCaseId?: string;
}

type PartyListName = 'applicants' | 'respondents';

/** A new application: received today, on a judgment, enforced as the court of first instance. */
function initialValuesOf(): RegisterForm {
  return {
    caseType: CaseType.Execution,
    applicationDate: today(),
    jurisdictionGround: JurisdictionGround.FirstInstanceCourt,
    basis: { kind: BasisKind.Judgment },
    applicants: [{ kind: PartyKind.NaturalPerson }],
    respondents: [{ kind: PartyKind.NaturalPerson }],
  };
}

/**
 * 立案 or 裁定不予受理: an application is registered as a case, or refused with its reasons (no case
 * number is taken); after a refusal the page shows it until the officer starts on another application.
 */
export function RegisterCasePage() {
  const [refusal, setRefusal] = useState<IntakeRefusalView | null>(null);
  const [round, setRound] = useState(0);
  if (refusal) {
    return (
      <RefusalResult
        refusal={refusal}
        onNewApplication={() => {
          setRefusal(null);
          setRound((n) => n + 1);
        }}
      />
    );
  }
  return <ApplicationForm key={round} onRefused={setRefusal} />;
}

function ApplicationForm({ onRefused }: { onRefused: (refusal: IntakeRefusalView) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<RegisterForm>();
  const [initialValues] = useState(initialValuesOf);
  const [submitting, setSubmitting] = useState(false);
  const [problem, setProblem] = useState<{ error: unknown; fieldErrors: FieldError[] } | null>(null);
  const [toRefuse, setToRefuse] = useState<{
    application: ApplicationToRefuse;
    respondentRows: number[];
  } | null>(null);
  const keyFor = useIdempotencyKey();

  async function submit(values: RegisterForm): Promise<void> {
    const body = toBody(values);
    setSubmitting(true);
    setProblem(null);
    try {
      const created = await api.registerCase(body, keyFor(body));
      void message.success(t('register.success', { caseNumber: created.caseNumber }));
      navigate(paths.caseDetail(created.id));
    } catch (caught) {
      const unplaced =
        caught instanceof ApiError ? placeFieldErrors(t, form, caught.problem.errors ?? [], formPathOf) : [];
      setProblem({ error: caught, fieldErrors: unplaced });
    } finally {
      setSubmitting(false);
    }
  }

  /** A refusal needs the application itself, not the claim: only those fields are checked first. */
  async function startRefusal(): Promise<void> {
    const values = form.getFieldsValue(true) as RegisterForm;
    setProblem(null);
    try {
      await form.validateFields(refusalFieldsOf(values));
    } catch (invalid) {
      const first = (invalid as { errorFields?: { name: FormFieldPath<RegisterForm> }[] }).errorFields?.[0];
      if (first) form.scrollToField(first.name);
      return;
    }
    setToRefuse({
      application: applicationToRefuse(values),
      respondentRows: values.respondents.flatMap((fields, index) => (isBlankParty(fields) ? [] : [index])),
    });
  }

  /** The server numbers the respondents it was sent; blank rows were left out, so renumber to the form's. */
  function placeRefusalErrors(fieldErrors: FieldError[], respondentRows: number[]): FieldError[] {
    const renumbered = fieldErrors.map((fieldError) => ({
      ...fieldError,
      field: fieldError.field.replace(
        /^respondents\[(\d+)\]/,
        (_, index: string) => `respondents[${String(respondentRows[Number(index)] ?? index)}]`,
      ),
    }));
    return placeFieldErrors(t, form, renumbered, formPathOf);
  }

  /** Arbitral awards and notarial deeds are enforced where the debtor lives or the property is (执行工作规定 2020 Art 10). */
  function followBasisKind(changed: Partial<RegisterForm>): void {
    const kind = changed.basis?.kind;
    if (kind === undefined || form.isFieldTouched('jurisdictionGround')) return;
    const outsideFirstInstance = kind === BasisKind.Arbitration || kind === BasisKind.Notarial;
    form.setFieldValue(
      'jurisdictionGround',
      outsideFirstInstance ? JurisdictionGround.DebtorDomicile : JurisdictionGround.FirstInstanceCourt,
    );
  }

  return (
    <Card title={t('register.title')}>
      <Form<RegisterForm>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => void submit(values)}
        onValuesChange={followBasisKind}
        scrollToFirstError
        style={{ maxWidth: 960 }}
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item label={t('register.caseType')} name="caseType" rules={[{ required: true }]}>
              <Select
                data-testid="case-type"
                options={Object.values(CaseType).map((value) => ({
                  value,
                  label: t(`caseType.${value}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label={t('register.applicationDate')}
              name="applicationDate"
              required
              extra={t('register.applicationDateHint')}
              rules={[
                {
                  validator: (_, value: unknown) =>
                    asValidation(checkDate(t, 'register.applicationDate', value)),
                },
              ]}
            >
              <Input data-testid="application-date" placeholder="YYYY-MM-DD" maxLength={10} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label={t('register.jurisdictionGround')}
              name="jurisdictionGround"
              rules={[{ required: true }]}
            >
              <Select
                data-testid="jurisdiction-ground"
                options={Object.values(JurisdictionGround).map((value) => ({
                  value,
                  label: t(`jurisdictionGround.${value}`),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t('register.basis')}</Divider>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item label={t('register.basisKind')} name={['basis', 'kind']} rules={[{ required: true }]}>
              <Select
                data-testid="basis-kind"
                options={Object.values(BasisKind).map((value) => ({
                  value,
                  label: t(`basisKind.${value}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item
              label={t('register.documentNumber')}
              name={['basis', 'documentNumber']}
              rules={textRules(t, 'register.documentNumber', 60)}
            >
              <Input
                data-testid="basis-document-number"
                placeholder={t('register.documentNumberPlaceholder')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label={t('register.issuingCourt')}
              name={['basis', 'issuingCourt']}
              rules={textRules(t, 'register.issuingCourt', 60)}
            >
              <Input data-testid="basis-issuing-court" placeholder={t('register.issuingCourtPlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item
              label={t('register.effectiveDate')}
              name={['basis', 'effectiveDate']}
              required
              rules={[
                {
                  validator: (_, value: unknown) =>
                    asValidation(checkDate(t, 'register.effectiveDate', value)),
                },
              ]}
            >
              <Input data-testid="basis-effective-date" placeholder="YYYY-MM-DD" maxLength={10} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item
              label={t('register.performanceDueDate')}
              name={['basis', 'performanceDueDate']}
              extra={t('register.performanceDueDateHint')}
              rules={[
                {
                  validator: (_, value: unknown) =>
                    asValidation(checkOptionalDate(t, 'register.performanceDueDate', value)),
                },
              ]}
            >
              <Input
                data-testid="basis-performance-due-date"
                placeholder={t('register.performanceDueDatePlaceholder')}
                maxLength={10}
              />
            </Form.Item>
          </Col>
        </Row>

        <PartyList listName="applicants" role={PartyRole.Applicant} testIdPrefix="applicant" />
        <PartyList listName="respondents" role={PartyRole.Respondent} testIdPrefix="respondent" />

        <Divider />
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              label={t('register.claimAmount')}
              name="claimAmountYuan"
              required
              rules={[{ validator: (_, value: unknown) => asValidation(checkAmount(t, value)) }]}
            >
              <Input data-testid="claim-amount-yuan" prefix="¥" inputMode="decimal" placeholder="0.00" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              label={t('register.note')}
              name="note"
              rules={[{ max: 500, message: t('register.tooLong', { field: t('register.note'), max: 500 }) }]}
            >
              <Input.TextArea data-testid="note" autoSize={{ minRows: 1, maxRows: 4 }} />
            </Form.Item>
          </Col>
        </Row>

        <Form.Item noStyle dependencies={['caseType']}>
          {({ getFieldValue }) =>
            getFieldValue('caseType') === CaseType.Execution ? <PreservationCaseField /> : null
          }
        </Form.Item>

        {problem && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('register.failed')}
            description={
              <>
                <div>{problemSummary(t, problem)}</div>
                {problem.fieldErrors.map((fieldError) => (
                  <div key={`${fieldError.field}:${fieldError.rule}`}>
                    <Typography.Text code>{fieldError.field}</Typography.Text> {fieldErrorText(t, fieldError)}
                  </div>
                ))}
              </>
            }
          />
        )}

        <Space>
          <Button data-testid="register-submit" type="primary" htmlType="submit" loading={submitting}>
            {t('register.submit')}
          </Button>
          <Button data-testid="refuse-application" danger onClick={() => void startRefusal()}>
            {t('register.refuse')}
          </Button>
          <Button href={paths.cases}>{t('register.cancel')}</Button>
        </Space>
      </Form>
      {toRefuse && (
        <RefuseDialog
          application={toRefuse.application}
          onClose={() => {
            setToRefuse(null);
          }}
          onRefused={onRefused}
          onApplicationErrors={(fieldErrors) => placeRefusalErrors(fieldErrors, toRefuse.respondentRows)}
        />
      )}
    </Card>
  );
}

function PartyList({
  listName,
  role,
  testIdPrefix,
}: {
  listName: PartyListName;
  role: PartyRole;
  testIdPrefix: string;
}) {
  const t = useT();
  const roleLabel = t(`partyRole.${role}`);
  return (
    <>
      <Divider titlePlacement="start">
        {t(listName === 'applicants' ? 'register.applicants' : 'register.respondents')}
      </Divider>
      <Form.List
        name={listName}
        rules={[
          {
            validator: (_, list: unknown[] | undefined) =>
              list && list.length > 0
                ? Promise.resolve()
                : Promise.reject(new Error(t('register.atLeastOne', { role: roleLabel }))),
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map(({ key, name }) => (
              <Row gutter={12} key={key} align="top">
                <Col xs={24} md={6}>
                  <Form.Item label={t('register.kind')} name={[name, 'kind']} rules={[{ required: true }]}>
                    <Select
                      data-testid={`${testIdPrefix}-${String(name)}-kind`}
                      options={Object.values(PartyKind).map((value) => ({
                        value,
                        label: t(`partyKind.${value}`),
                      }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={7}>
                  <Form.Item
                    label={t('register.name')}
                    name={[name, 'name']}
                    rules={textRules(t, 'register.name', 100)}
                  >
                    <Input data-testid={`${testIdPrefix}-${String(name)}-name`} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item noStyle dependencies={[[listName, name, 'kind']]}>
                    {({ getFieldValue }) => {
                      const kind = getFieldValue([listName, name, 'kind']) as PartyKind | undefined;
                      return (
                        <Form.Item
                          label={t('register.idNumber')}
                          name={[name, 'idNumber']}
                          required
                          normalize={(value: string) => value.replace(/\s/g, '').toUpperCase()}
                          rules={[
                            { validator: (_, value: unknown) => asValidation(checkIdNumber(t, kind, value)) },
                          ]}
                        >
                          <Input
                            data-testid={`${testIdPrefix}-${String(name)}-id-number`}
                            maxLength={18}
                            placeholder={t(`register.idNumberPlaceholder.${kind ?? PartyKind.NaturalPerson}`)}
                          />
                        </Form.Item>
                      );
                    }}
                  </Form.Item>
                </Col>
                {listName === 'respondents' && (
                  <Form.Item noStyle dependencies={[[listName, name, 'kind']]}>
                    {({ getFieldValue }) =>
                      getFieldValue([listName, name, 'kind']) === PartyKind.Organisation ? (
                        <>
                          <Col xs={24} md={8}>
                            <Form.Item label={t('register.legalRepName')} name={[name, 'legalRepName']}>
                              <Input data-testid={`${testIdPrefix}-${String(name)}-legal-rep-name`} />
                            </Form.Item>
                          </Col>
                          <Col xs={24} md={8}>
                            <Form.Item
                              label={t('register.legalRepIdNumber')}
                              name={[name, 'legalRepIdNumber']}
                              normalize={(value: string) => value.replace(/\s/g, '').toUpperCase()}
                              rules={[
                                {
                                  validator: (_, value: unknown) =>
                                    asValidation(
                                      value ? checkIdNumber(t, PartyKind.NaturalPerson, value) : null,
                                    ),
                                },
                              ]}
                            >
                              <Input
                                data-testid={`${testIdPrefix}-${String(name)}-legal-rep-id-number`}
                                maxLength={18}
                              />
                            </Form.Item>
                          </Col>
                        </>
                      ) : null
                    }
                  </Form.Item>
                )}
                <Col xs={24} md={3}>
                  <Form.Item label=" ">
                    <Button
                      danger
                      type="text"
                      disabled={fields.length <= 1}
                      onClick={() => {
                        remove(name);
                      }}
                      data-testid={`${testIdPrefix}-${String(name)}-remove`}
                    >
                      {t('register.remove')}
                    </Button>
                  </Form.Item>
                </Col>
              </Row>
            ))}
            <Form.Item>
              <Button
                type="dashed"
                onClick={() => {
                  add({ kind: PartyKind.NaturalPerson });
                }}
                data-testid={`${testIdPrefix}-add`}
              >
                {t(listName === 'applicants' ? 'register.addApplicant' : 'register.addRespondent')}
              </Button>
              <Form.ErrorList errors={errors} />
            </Form.Item>
          </>
        )}
      </Form.List>
    </>
  );
}

function textRules(t: Translate, label: MessageKey, max: number): FormRule[] {
  const field = t(label);
  return [
    { required: true, whitespace: true, message: t('register.required', { field }) },
    { max, message: t('register.tooLong', { field, max }) },
  ];
}

/** antd validators signal failure by rejecting; the checks below return the problem or null. */
function asValidation(problem: string | null): Promise<void> {
  return problem === null ? Promise.resolve() : Promise.reject(new Error(problem));
}

function checkIdNumber(t: Translate, kind: PartyKind | undefined, value: unknown): string | null {
  const text = typeof value === 'string' ? value : '';
  if (text === '') return t('register.required', { field: t('register.idNumber') });
  const problem =
    kind === PartyKind.Organisation ? unifiedSocialCreditCodeProblem(text) : residentIdNumberProblem(text);
  return problem === null ? null : t('register.idNumberInvalid', { reason: idProblemText(t, problem) });
}

function checkDate(t: Translate, label: MessageKey, value: unknown): string | null {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return t('register.required', { field: t(label) });
  return checkOptionalDate(t, label, text);
}

/** Only the form of the date: whether the performance period has run out is the server's to judge. */
function checkOptionalDate(t: Translate, label: MessageKey, value: unknown): string | null {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return null;
  if (!isIsoDate(text)) return t('register.dateFormat');
  if (text > today()) return t('register.dateInFuture', { field: t(label) });
  return null;
}

function checkAmount(t: Translate, value: unknown): string | null {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return t('register.required', { field: t('register.claimAmount') });
  const fen = parseYuanToFen(text);
  if (fen === null) return t('register.amountInvalid');
  if (fen === 0) return t('register.amountZero');
  return null;
}

/**
 * The refusal in a line: when the server named fields, they speak for themselves (on the form, in the
 * reader's language); otherwise the server's own words.
 */
function problemSummary(t: Translate, problem: { error: unknown; fieldErrors: FieldError[] }): string | null {
  const named = problem.error instanceof ApiError && (problem.error.problem.errors ?? []).length > 0;
  if (!named) return problemText(t, problem.error);
  return problem.fieldErrors.length === 0 ? t('register.seeFields') : null;
}

function partyOf(fields: PartyFields): PartyInput {
  const party = { kind: fields.kind, name: (fields.name ?? '').trim(), idNumber: fields.idNumber ?? '' };
  const repName = fields.legalRepName?.trim();
  if (fields.kind !== PartyKind.Organisation || (!repName && !fields.legalRepIdNumber)) return party;
  return { ...party, legalRepresentative: { name: repName ?? '', idNumber: fields.legalRepIdNumber ?? '' } };
}

/** A respondent row the officer left blank: a refusal may name no respondent (被执行人不明确). */
function isBlankParty(fields: PartyFields): boolean {
  return !fields.name?.trim() && !fields.idNumber;
}

function basisOf(values: RegisterForm): BasisInput {
  const performanceDueDate = values.basis.performanceDueDate?.trim();
  return {
    kind: values.basis.kind,
    documentNumber: (values.basis.documentNumber ?? '').trim(),
    issuingCourt: (values.basis.issuingCourt ?? '').trim(),
    effectiveDate: (values.basis.effectiveDate ?? '').trim(),
    // left blank, the server takes the effective date
    ...(performanceDueDate ? { performanceDueDate } : {}),
  };
}

/**
 * 保全转执行 (民诉解释 Art 168): an 执 case may carry on a 执保 case of this court; its controls become
 * the new case's with their terms running on. Offers the court's open 执保 cases.
 */
function PreservationCaseField() {
  const t = useT();
  const open = useRemote(
    (signal) => api.listCases({ page: 1, pageSize: 100, status: CaseStatus.Registered }, signal),
    [],
  );
  const options = (open.data?.items ?? [])
    .filter((c) => c.caseType === CaseType.Preservation)
    .map((c) => ({ value: c.id, label: `${c.caseNumber} · ${c.respondentNames.join('、')}` }));
  return (
    <Row gutter={16}>
      <Col xs={24} md={16}>
        <Form.Item
          label={t('register.preservationCase')}
          name="preservationCaseId"
          extra={t('register.preservationCaseHint')}
        >
          <Select
            data-testid="preservation-case"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={open.loading}
            placeholder={t('register.preservationCaseNone')}
            options={options}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}

function toBody(values: RegisterForm): RegisterCaseBody {
  const note = values.note?.trim();
  return {
    caseType: values.caseType,
    applicationDate: (values.applicationDate ?? '').trim(),
    jurisdictionGround: values.jurisdictionGround,
    basis: basisOf(values),
    applicants: values.applicants.map(partyOf),
    respondents: values.respondents.map(partyOf),
    // The validator has already refused anything parseYuanToFen cannot read.
    claimAmountFen: parseYuanToFen(values.claimAmountYuan ?? '') ?? 0,
    ...(note ? { note } : {}),
    ...(values.caseType === CaseType.Execution && values.preservationCaseId
      ? { preservationCaseId: values.preservationCaseId }
      : {}),
  };
}

function applicationToRefuse(values: RegisterForm): ApplicationToRefuse {
  return {
    applicationDate: (values.applicationDate ?? '').trim(),
    basis: basisOf(values),
    applicants: values.applicants.map(partyOf),
    respondents: values.respondents.filter((fields) => !isBlankParty(fields)).map(partyOf),
  };
}

/** The fields a refusal sends: the application, its basis and parties; blank respondent rows are left out. */
function refusalFieldsOf(values: RegisterForm): FormFieldPath<RegisterForm>[] {
  const partyFields = (listName: PartyListName, index: number): FormFieldPath<RegisterForm>[] =>
    (['kind', 'name', 'idNumber'] as const).map((key) => [listName, index, key]);
  return [
    'applicationDate',
    ...(['kind', 'documentNumber', 'issuingCourt', 'effectiveDate', 'performanceDueDate'] as const).map(
      (key): FormFieldPath<RegisterForm> => ['basis', key],
    ),
    'applicants',
    ...values.applicants.flatMap((_, index) => partyFields('applicants', index)),
    ...values.respondents.flatMap((fields, index) =>
      isBlankParty(fields) ? [] : partyFields('respondents', index),
    ),
  ];
}

/** `respondents[0].idNumber` → ['respondents', 0, 'idNumber'], when the form has such a field. */
function formPathOf(field: string, values: RegisterForm): FormFieldPath<RegisterForm> | null {
  if (field === 'claimAmountFen') return ['claimAmountYuan'];
  if (
    field === 'caseType' ||
    field === 'note' ||
    field === 'preservationCaseId' ||
    field === 'applicationDate' ||
    field === 'jurisdictionGround'
  ) {
    return [field];
  }
  const basis = /^basis\.(kind|documentNumber|issuingCourt|effectiveDate|performanceDueDate)$/.exec(field);
  if (basis) return ['basis', basis[1] as keyof BasisFields];
  const rep = /^respondents\[(\d+)\]\.legalRepresentative(?:\.(name|idNumber))?$/.exec(field);
  if (rep && Number(rep[1]) < values.respondents.length) {
    return ['respondents', Number(rep[1]), rep[2] === 'name' ? 'legalRepName' : 'legalRepIdNumber'];
  }
  const party = /^(applicants|respondents)\[(\d+)\]\.(kind|name|idNumber)$/.exec(field);
  if (party) {
    const listName = party[1] as PartyListName;
    const index = Number(party[2]);
    if (index < values[listName].length) return [listName, index, party[3] as keyof PartyFields];
  }
  return null;
}
