import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Form,
  Input,
  Popconfirm,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import {
  CaseStatus,
  CaseType,
  ClosureType,
  ObjectionDecision,
  PartyKind,
  SuspensionReason,
  residentIdNumberProblem,
  unifiedSocialCreditCodeProblem,
  type CaseLinkView,
  type CaseTimelineView,
} from '@writ/contracts/web';
import { useState } from 'react';
import {
  api,
  useIdempotencyKey,
  type DecideObjectionBody,
  type EntrustBody,
  type FileObjectionBody,
  type SuspendBody,
  type TransferToBankruptcyBody,
} from '../../api/client';
import { useRemote } from '../../api/use-remote';
import { useCan } from '../../auth/permissions';
import { ActionButton } from '../../components/action-button';
import { requiredRule, textRules } from '../../components/form-rules';
import { ProblemAlert } from '../../components/problem-alert';
import { RemoteView } from '../../components/remote-view';
import { idProblemText, useT } from '../../i18n';
import { navigate, paths } from '../../router';
import { caseStatusColour, respondentsOf, type CaseTabProps } from './case-tab-props';

/** 关联案件: the 执恢 and 执异 cases linked to this one, and the steps that change the case's course. */
export function LinksTab({ caseId, detail, version, onChanged }: CaseTabProps) {
  const t = useT();
  const remote = useRemote((signal) => api.getTimeline(caseId, signal), [caseId, version]);
  return (
    <RemoteView remote={remote} failedTitle={t('timeline.loadFailed')}>
      {(timeline) => (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Links timeline={timeline} />
          <Procedure
            timeline={timeline}
            organisationRespondent={respondentsOf(detail.parties).some(
              (p) => p.kind === PartyKind.Organisation,
            )}
            onChanged={onChanged}
          />
        </Space>
      )}
    </RemoteView>
  );
}

function Links({ timeline }: { timeline: CaseTimelineView }) {
  const t = useT();
  const columns: TableColumnsType<CaseLinkView> = [
    {
      title: t('links.relation'),
      dataIndex: 'relation',
      width: 200,
      render: (_, row) => t(`linkRelation.${row.relation}`),
    },
    {
      title: t('cases.col.caseNumber'),
      dataIndex: 'caseNumber',
      render: (caseNumber: string, row) => (
        <a href={paths.caseDetail(row.caseId)} data-testid="linked-case">
          {caseNumber}
        </a>
      ),
    },
    {
      title: t('cases.col.caseType'),
      dataIndex: 'caseType',
      width: 200,
      render: (_, row) => t(`caseType.${row.caseType}`),
    },
    {
      title: t('cases.col.status'),
      dataIndex: 'status',
      width: 100,
      render: (_, row) => <Tag color={caseStatusColour[row.status]}>{t(`caseStatus.${row.status}`)}</Tag>,
    },
  ];
  return (
    <Card title={t('links.title')} size="small">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {timeline.entrustingCourtCode && (
          <Alert
            type="info"
            showIcon
            title={t('links.entrustedFrom', {
              court: timeline.entrustingCourtCode,
              caseNumber: timeline.entrustingCaseNumber ?? '—',
            })}
          />
        )}
        <div data-testid="links-table">
          <Table<CaseLinkView>
            rowKey="caseId"
            size="small"
            pagination={false}
            columns={columns}
            dataSource={timeline.links}
            locale={{ emptyText: t('links.none') }}
          />
        </div>
      </Space>
    </Card>
  );
}

interface ObjectionForm {
  objectorKind: PartyKind;
  objectorName: string;
  objectorIdNumber: string;
  thirdParty: boolean;
  assetRef?: string;
  grounds: string;
}

/** The steps that change a case's course, each shown only to a role that may take it. */
function Procedure({
  timeline,
  organisationRespondent,
  onChanged,
}: {
  timeline: CaseTimelineView;
  organisationRespondent: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const resumeKey = useIdempotencyKey();
  const objectionKey = useIdempotencyKey();
  const [liftError, setLiftError] = useState<unknown>(null);
  const caseId = timeline.caseId;
  const open = timeline.status !== CaseStatus.Closed;
  const terminatedThisRound = timeline.closure?.closureType === ClosureType.TerminatedThisRound;
  const objectionCase = timeline.caseType === CaseType.Objection;

  async function liftSuspension(): Promise<void> {
    setLiftError(null);
    try {
      await api.liftSuspension(caseId);
      void message.success(t('action.done'));
      onChanged();
    } catch (caught) {
      setLiftError(caught);
    }
  }

  const buttons = [
    terminatedThisRound && can('resume') && (
      <ActionButton<{ reason: string }, { id: string }>
        key="resume"
        type="primary"
        label={t('links.resume')}
        testId="resume-case"
        fields={() => (
          <>
            <Typography.Paragraph type="secondary">{t('links.resumeHint')}</Typography.Paragraph>
            <Form.Item label={t('form.reason')} name="reason" rules={textRules(t, 2, 1000)}>
              <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} />
            </Form.Item>
          </>
        )}
        submit={(values) => {
          const body = { reason: values.reason.trim() };
          return api.resumeCase(caseId, body, resumeKey(body));
        }}
        onDone={(created) => {
          navigate(paths.caseDetail(created.id, 'timeline'));
        }}
      />
    ),
    open && !objectionCase && can('fileObjection') && (
      <ActionButton<ObjectionForm, { id: string }>
        key="objection"
        label={t('links.fileObjection')}
        testId="file-objection"
        initialValues={{ objectorKind: PartyKind.NaturalPerson, thirdParty: false }}
        fields={(form) => (
          <>
            <Row gutter={12}>
              <Col span={10}>
                <Form.Item label={t('register.kind')} name="objectorKind" rules={[{ required: true }]}>
                  <Select
                    options={Object.values(PartyKind).map((value) => ({
                      value,
                      label: t(`partyKind.${value}`),
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col span={14}>
                <Form.Item label={t('links.objector')} name="objectorName" rules={textRules(t, 1, 100)}>
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item
              label={t('register.idNumber')}
              name="objectorIdNumber"
              normalize={(value: string) => value.replace(/\s/g, '').toUpperCase()}
              rules={[
                requiredRule(t),
                {
                  validator: (_, value: unknown) => {
                    const text = typeof value === 'string' ? value : '';
                    if (text === '') return Promise.resolve();
                    const kind = form.getFieldValue('objectorKind') as PartyKind;
                    const problem =
                      kind === PartyKind.Organisation
                        ? unifiedSocialCreditCodeProblem(text)
                        : residentIdNumberProblem(text);
                    return problem === null
                      ? Promise.resolve()
                      : Promise.reject(
                          new Error(t('register.idNumberInvalid', { reason: idProblemText(t, problem) })),
                        );
                  },
                },
              ]}
            >
              <Input maxLength={18} />
            </Form.Item>
            <Form.Item name="thirdParty" valuePropName="checked">
              <Checkbox>{t('links.thirdParty')}</Checkbox>
            </Form.Item>
            <Form.Item label={t('links.assetRef')} name="assetRef" extra={t('links.assetRefHint')}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item label={t('links.grounds')} name="grounds" rules={textRules(t, 2, 2000)}>
              <Input.TextArea autoSize={{ minRows: 3 }} maxLength={2000} />
            </Form.Item>
          </>
        )}
        submit={(values) => {
          const body: FileObjectionBody = {
            objector: {
              kind: values.objectorKind,
              name: values.objectorName.trim(),
              idNumber: values.objectorIdNumber,
            },
            thirdParty: values.thirdParty,
            ...(values.assetRef?.trim() ? { assetRef: values.assetRef.trim() } : {}),
            grounds: values.grounds.trim(),
          };
          return api.fileObjection(caseId, body, objectionKey(body));
        }}
        onDone={(created) => {
          navigate(paths.caseDetail(created.id, 'timeline'));
        }}
      />
    ),
    open && objectionCase && can('decideObjection') && (
      <ActionButton<DecideObjectionBody>
        key="decide-objection"
        type="primary"
        label={t('links.decideObjection')}
        testId="decide-objection"
        initialValues={{ decision: ObjectionDecision.Dismissed }}
        fields={() => (
          <>
            <Form.Item name="decision" rules={[{ required: true }]}>
              <Radio.Group
                options={Object.values(ObjectionDecision).map((value) => ({
                  value,
                  label: t(`objectionDecision.${value}`),
                }))}
              />
            </Form.Item>
            <Form.Item label={t('links.reasoning')} name="reasoning" rules={textRules(t, 2, 2000)}>
              <Input.TextArea autoSize={{ minRows: 3 }} maxLength={2000} />
            </Form.Item>
          </>
        )}
        submit={(values) =>
          api.decideObjection(caseId, { decision: values.decision, reasoning: values.reasoning.trim() })
        }
        onDone={onChanged}
      />
    ),
    open && can('entrust') && (
      <ActionButton<EntrustBody>
        key="entrust"
        label={t('links.entrust')}
        testId="entrust-case"
        fields={() => (
          <>
            <Form.Item
              label={t('links.toCourtCode')}
              name="toCourtCode"
              rules={textRules(t, 3, 20)}
              extra={t('links.toCourtCodeHint')}
            >
              <Input maxLength={20} placeholder="辽1103" />
            </Form.Item>
            <Form.Item label={t('form.reason')} name="reason" rules={textRules(t, 2, 1000)}>
              <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} />
            </Form.Item>
          </>
        )}
        submit={(values) =>
          api.entrust(caseId, { toCourtCode: values.toCourtCode.trim(), reason: values.reason.trim() })
        }
        successText={t('links.entrusted')}
        onDone={onChanged}
      />
    ),
    open && can('requestExtension') && (
      <ActionButton<{ reason: string }>
        key="extension"
        label={t('links.requestExtension')}
        testId="request-extension"
        fields={() => (
          <>
            <Typography.Paragraph type="secondary">
              {t('links.extensionHint', { deadline: timeline.period.deadline })}
            </Typography.Paragraph>
            <Form.Item label={t('form.reason')} name="reason" rules={textRules(t, 2, 1000)}>
              <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} />
            </Form.Item>
          </>
        )}
        submit={(values) => api.requestExtension(caseId, { reason: values.reason.trim() })}
        successText={t('links.extensionRequested')}
        onDone={onChanged}
      />
    ),
    timeline.status === CaseStatus.Registered && can('suspend') && (
      <ActionButton<SuspendBody>
        key="suspend"
        label={t('links.suspend')}
        testId="suspend-case"
        initialValues={{ reason: SuspensionReason.Suspension }}
        fields={() => (
          <>
            <Form.Item label={t('links.suspensionReason')} name="reason" rules={[{ required: true }]}>
              <Select
                options={Object.values(SuspensionReason)
                  // 执转破 has its own step, with the consent and the insolvency finding it needs
                  .filter((value) => value !== SuspensionReason.Bankruptcy)
                  .map((value) => ({ value, label: t(`suspensionReason.${value}`) }))}
              />
            </Form.Item>
            <Form.Item label={t('links.note')} name="note" rules={textRules(t, 2, 500)}>
              <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
            </Form.Item>
          </>
        )}
        submit={(values) => api.suspend(caseId, { reason: values.reason, note: values.note.trim() })}
        onDone={onChanged}
      />
    ),
    timeline.status === CaseStatus.Suspended && can('suspend') && (
      <Popconfirm
        key="lift-suspension"
        title={t('links.liftSuspensionConfirm')}
        okText={t('action.submit')}
        cancelText={t('action.cancel')}
        onConfirm={() => void liftSuspension()}
      >
        <Button data-testid="lift-suspension">{t('links.liftSuspension')}</Button>
      </Popconfirm>
    ),
    timeline.status === CaseStatus.Registered && organisationRespondent && can('transferToBankruptcy') && (
      <ActionButton<TransferToBankruptcyBody>
        key="bankruptcy"
        danger
        label={t('links.transferToBankruptcy')}
        testId="transfer-to-bankruptcy"
        initialValues={{ consentBy: 'APPLICANT' }}
        fields={() => (
          <>
            <Form.Item label={t('links.consentBy')} name="consentBy" rules={[{ required: true }]}>
              <Radio.Group
                options={[
                  { value: 'APPLICANT', label: t('partyRole.APPLICANT') },
                  { value: 'RESPONDENT', label: t('partyRole.RESPONDENT') },
                ]}
              />
            </Form.Item>
            <Form.Item
              label={t('links.insolvencyFinding')}
              name="insolvencyFinding"
              rules={textRules(t, 2, 1000)}
              extra={t('links.insolvencyFindingHint')}
            >
              <Input.TextArea autoSize={{ minRows: 3 }} maxLength={1000} />
            </Form.Item>
          </>
        )}
        submit={(values) =>
          api.transferToBankruptcy(caseId, {
            consentBy: values.consentBy,
            insolvencyFinding: values.insolvencyFinding.trim(),
          })
        }
        onDone={onChanged}
      />
    ),
  ].filter(Boolean);

  return (
    <Card title={t('links.procedure')} size="small" data-testid="procedure-actions">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'status', label: t('detail.status'), children: t(`caseStatus.${timeline.status}`) },
            {
              key: 'suspension',
              label: t('links.suspensionReason'),
              children: timeline.suspensionReason ? t(`suspensionReason.${timeline.suspensionReason}`) : '—',
            },
            { key: 'deadline', label: t('timeline.deadline'), children: timeline.period.deadline },
          ]}
        />
        {buttons.length > 0 ? (
          <Space wrap>{buttons}</Space>
        ) : (
          <Typography.Text type="secondary">{t('links.noActions')}</Typography.Text>
        )}
        {liftError !== null && <ProblemAlert error={liftError} />}
      </Space>
    </Card>
  );
}
