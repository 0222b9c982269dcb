import { Form, Input, Select, Typography } from 'antd';
import { parseYuanToFen, type ReceiptSource } from '@writ/contracts/web';
import { useIdempotencyKey } from '../api/client';
import { ledgerApi, type RecordReceiptBody } from '../api/ledger-client';
import { today } from '../format';
import { useT } from '../i18n';
import { ActionButton } from './action-button';
import { dateRules, yuanRules } from './form-rules';

interface ReceiptForm {
  amountYuan: string;
  source: ReceiptSource;
  receivedOn: string;
  payer?: string;
  reference?: string;
  memo?: string;
}

/**
 * 到账登记: money that arrived in the dedicated account, booked to its case — or, without a case, to
 * suspense (待认领款) until the fund manager matches it.
 */
export function RecordReceipt({ caseId, onDone }: { caseId?: string; onDone: () => void }) {
  const t = useT();
  const keyFor = useIdempotencyKey();
  const unmatched = caseId === undefined;
  // a payment the debtor makes names its case; money nobody can place mostly comes by bank transfer
  const sources: readonly ReceiptSource[] = unmatched
    ? ['BANK_TRANSFER', 'VOLUNTARY']
    : ['VOLUNTARY', 'BANK_TRANSFER'];
  return (
    <ActionButton<ReceiptForm>
      label={t(unmatched ? 'suspense.record.action' : 'money.receipt.action')}
      testId={unmatched ? 'record-unmatched' : 'record-receipt'}
      {...(unmatched ? {} : { type: 'primary' as const })}
      initialValues={{ source: 'BANK_TRANSFER', receivedOn: today() }}
      fields={() => (
        <>
          {unmatched && (
            <Typography.Paragraph type="secondary">{t('suspense.record.hint')}</Typography.Paragraph>
          )}
          <Form.Item label={t('money.receipt.amount')} name="amountYuan" rules={yuanRules(t)}>
            <Input
              data-testid={unmatched ? 'unmatched-amount-yuan' : 'receipt-amount-yuan'}
              prefix="¥"
              inputMode="decimal"
              placeholder="0.00"
            />
          </Form.Item>
          <Form.Item label={t('money.receipt.source')} name="source" rules={[{ required: true }]}>
            <Select options={sources.map((s) => ({ value: s, label: t(`receiptSource.${s}`) }))} />
          </Form.Item>
          <Form.Item label={t('money.receipt.receivedOn')} name="receivedOn" rules={dateRules(t)}>
            <Input placeholder="YYYY-MM-DD" />
          </Form.Item>
          <Form.Item label={t('money.receipt.payer')} name="payer" rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item label={t('money.receipt.reference')} name="reference" rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item label={t(unmatched ? 'suspense.memo' : 'money.memo')} name="memo" rules={[{ max: 500 }]}>
            <Input {...(unmatched ? { 'data-testid': 'unmatched-memo' } : {})} />
          </Form.Item>
        </>
      )}
      submit={(values) => {
        const body: RecordReceiptBody = {
          ...(caseId ? { caseId } : {}),
          amountFen: parseYuanToFen(values.amountYuan)!,
          source: values.source,
          receivedOn: values.receivedOn,
          ...(values.payer?.trim() ? { payer: values.payer.trim() } : {}),
          ...(values.reference?.trim() ? { reference: values.reference.trim() } : {}),
          ...(values.memo?.trim() ? { memo: values.memo.trim() } : {}),
        };
        return ledgerApi.recordReceipt(body, keyFor(body));
      }}
      onDone={onDone}
    />
  );
}
