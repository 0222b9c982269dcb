import { Select, Space, Spin, Typography } from 'antd';
import { formatFen, type LedgerCaseHit } from '@writ/contracts/web';
import { useEffect, useState } from 'react';
import { isAbort } from '../api/client';
import { ledgerApi } from '../api/ledger-client';
import { useT } from '../i18n';
import { ProblemAlert } from './problem-alert';

/** How long typing rests before the court's cases are asked for. */
const SEARCH_DELAY_MS = 250;

/**
 * A case of the court picked by (part of) its case number as the fund office types it (执123, 2026）辽
 * 1104执12…): the ledger answers the court's cases whose number contains the text. A form field: its
 * value is the case id.
 */
export function CasePicker({
  value,
  onChange,
  testId,
  id,
}: {
  value?: string;
  onChange?: (caseId: string) => void;
  testId?: string;
  id?: string;
}) {
  const t = useT();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<LedgerCaseHit[]>([]);
  const [picked, setPicked] = useState<LedgerCaseHit | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const wanted = text.trim();
    if (!wanted) {
      setHits([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      ledgerApi.searchCases(wanted, controller.signal).then(
        (reply) => {
          setHits(reply.items);
          setError(null);
          setLoading(false);
        },
        (caught: unknown) => {
          if (isAbort(caught)) return;
          setError(caught);
          setLoading(false);
        },
      );
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text]);

  // the case picked stays an option while the search text changes, so its number stays shown
  const shown = picked && !hits.some((h) => h.caseId === picked.caseId) ? [picked, ...hits] : hits;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={4}>
      <Select<string>
        id={id}
        data-testid={testId}
        value={value}
        placeholder={t('casePicker.placeholder')}
        showSearch={{ filterOption: false, onSearch: setText }}
        notFoundContent={
          loading ? <Spin size="small" /> : text.trim() ? t('casePicker.none') : t('casePicker.hint')
        }
        onChange={(caseId) => {
          setPicked(shown.find((h) => h.caseId === caseId) ?? null);
          onChange?.(caseId);
        }}
        options={shown.map((hit) => ({ value: hit.caseId, label: hit.caseNumber }))}
        optionRender={(option) => {
          const hit = shown.find((h) => h.caseId === option.value);
          return (
            <span data-testid={testId ? `${testId}-option` : undefined}>
              {option.label}{' '}
              {hit && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('casePicker.received', { amount: formatFen(hit.receivedFen) })}
                </Typography.Text>
              )}
            </span>
          );
        }}
      />
      {error !== null && <ProblemAlert error={error} testId={testId ? `${testId}-problem` : 'problem'} />}
    </Space>
  );
}
