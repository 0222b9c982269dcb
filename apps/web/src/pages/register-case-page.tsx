import { Alert, App, Button, Card, Col, Divider, Form, Input, Row, Select, Space, Typography } from 'antd';
import type { FormInstance, FormRule } from 'antd';
import {
  CaseType,
  PartyKind,
  PartyRole,
  parseYuanToFen,
  residentIdNumberProblem,
  unifiedSocialCreditCodeProblem,
  type FieldError,
} from '@writ/contracts/web';
import { useState } from 'react';
import { api, ApiError, useIdempotencyKey, type RegisterCaseBody } from '../api/client';
import { problemText } from '../api/problem-text';
import { isIsoDate, today } from '../format';
import { idProblemText, useT, type MessageKey, type Translate } from '../i18n';
import { navigate, paths } from '../router';

interface PartyFields {
  kind: PartyKind;
  name?: string;
  idNumber?: string;
}

interface RegisterForm {
  caseType: CaseType;
  basis: { documentNumber?: string; issuingCourt?: string; effectiveDate?: string };
  applicants: PartyFields[];
  respondents: PartyFields[];
  claimAmountYuan?: string;
  note?: string;
}

type PartyListName = 'applicants' | 'respondents';

const initialValues: RegisterForm = {
  caseType: CaseType.Execution,
  basis: {},
  applicants: [{ kind: PartyKind.NaturalPerson }],
  respondents: [{ kind: PartyKind.NaturalPerson }],
};

export function RegisterCasePage() {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<RegisterForm>();
  const [submitting, setSubmitting] = useState(false);
  const [problem, setProblem] = useState<{ error: unknown; fieldErrors: FieldError[] } | null>(null);
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
      const unplaced = caught instanceof ApiError ? placeFieldErrors(form, caught.problem.errors ?? []) : [];
      setProblem({ error: caught, fieldErrors: unplaced });
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Card title={t('register.title')}>
      <Form<RegisterForm>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => void submit(values)}
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
        </Row>

        <Divider titlePlacement="start">{t('register.basis')}</Divider>
        <Row gutter={16}>
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
          <Col xs={24} md={6}>
            <Form.Item
              label={t('register.effectiveDate')}
              name={['basis', 'effectiveDate']}
              required
              rules={[{ validator: (_, value: unknown) => asValidation(checkDate(t, value)) }]}
            >
              <Input data-testid="basis-effective-date" placeholder="YYYY-MM-DD" maxLength={10} />
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

        {problem && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('register.failed')}
            description={
              <>
                <div>{problemText(t, problem.error)}</div>
                {problem.fieldErrors.map((fieldError) => (
                  <div key={`${fieldError.field}:${fieldError.rule}`}>
                    <Typography.Text code>{fieldError.field}</Typography.Text> {fieldError.message}
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
          <Button href={paths.cases}>{t('register.cancel')}</Button>
        </Space>
      </Form>
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

function checkDate(t: Translate, value: unknown): string | null {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return t('register.required', { field: t('register.effectiveDate') });
  if (!isIsoDate(text)) return t('register.dateFormat');
  if (text > today()) return t('register.dateInFuture');
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

function toBody(values: RegisterForm): RegisterCaseBody {
  const party = (fields: PartyFields) => ({
    kind: fields.kind,
    name: (fields.name ?? '').trim(),
    idNumber: fields.idNumber ?? '',
  });
  const note = values.note?.trim();
  return {
    caseType: values.caseType,
    basis: {
      documentNumber: (values.basis.documentNumber ?? '').trim(),
      issuingCourt: (values.basis.issuingCourt ?? '').trim(),
      effectiveDate: (values.basis.effectiveDate ?? '').trim(),
    },
    applicants: values.applicants.map(party),
    respondents: values.respondents.map(party),
    // The validator has already refused anything parseYuanToFen cannot read.
    claimAmountFen: parseYuanToFen(values.claimAmountYuan ?? '') ?? 0,
    ...(note ? { note } : {}),
  };
}

type FieldData = Parameters<FormInstance<RegisterForm>['setFields']>[0][number];
type FieldPath = NonNullable<FieldData['name']>;

/** `respondents[0].idNumber` → ['respondents', 0, 'idNumber'], when the form has such a field. */
function formPathOf(field: string, values: RegisterForm): FieldPath | null {
  if (field === 'claimAmountFen') return ['claimAmountYuan'];
  if (field === 'caseType' || field === 'note') return [field];
  const basis = /^basis\.(documentNumber|issuingCourt|effectiveDate)$/.exec(field);
  if (basis) return ['basis', basis[1] as keyof RegisterForm['basis']];
  const party = /^(applicants|respondents)\[(\d+)\]\.(kind|name|idNumber)$/.exec(field);
  if (party) {
    const listName = party[1] as PartyListName;
    const index = Number(party[2]);
    if (index < values[listName].length) return [listName, index, party[3] as keyof PartyFields];
  }
  return null;
}

/** Puts each server field error on its form field; returns those that match no field. */
function placeFieldErrors(form: FormInstance<RegisterForm>, fieldErrors: FieldError[]): FieldError[] {
  const values = form.getFieldsValue(true) as RegisterForm;
  const byPath = new Map<string, FieldData & { errors: string[] }>();
  const unplaced: FieldError[] = [];
  for (const fieldError of fieldErrors) {
    const name = formPathOf(fieldError.field, values);
    if (!name) {
      unplaced.push(fieldError);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byPath.get(key) ?? { name, errors: [] as string[] };
    entry.errors.push(fieldError.message);
    byPath.set(key, entry);
  }
  form.setFields([...byPath.values()]);
  return unplaced;
}
