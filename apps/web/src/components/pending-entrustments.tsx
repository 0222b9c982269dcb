import { App, Button, Card, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { EntrustmentView } from '@writ/contracts/web';
import { useState } from 'react';
import { api } from '../api/client';
import { useRemote } from '../api/use-remote';
import { useSession } from '../auth/session';
import { useT } from '../i18n';
import { navigate, paths } from '../router';
import { ProblemAlert } from './problem-alert';

/**
 * 委托执行 waiting for this court: the entrusted court files each within 7 days. Shown only when
 * there is one, so the case list stays quiet otherwise.
 */
export function PendingEntrustments() {
  const t = useT();
  const { message } = App.useApp();
  const courtCode = useSession()?.user.courtCode;
  const remote = useRemote((signal) => api.listEntrustments(true, signal), []);
  const [accepting, setAccepting] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const incoming = (remote.data?.items ?? []).filter(
    (e) => e.toCourtCode === courtCode && e.status === 'PENDING',
  );
  if (incoming.length === 0 && error === null) return null;

  async function accept(entrustment: EntrustmentView): Promise<void> {
    setAccepting(entrustment.id);
    setError(null);
    try {
      const created = await api.acceptEntrustment(entrustment.id);
      void message.success(t('entrustments.accepted', { caseNumber: created.caseNumber }));
      navigate(paths.caseDetail(created.id));
    } catch (caught) {
      setError(caught);
      remote.reload();
    } finally {
      setAccepting(null);
    }
  }

  const columns: TableColumnsType<EntrustmentView> = [
    {
      title: t('entrustments.from'),
      key: 'from',
      render: (_, row) => `${row.fromCourtCode} ${row.fromCaseNumber}`,
    },
    { title: t('form.reason'), dataIndex: 'reason' },
    {
      title: t('entrustments.dueOn'),
      dataIndex: 'dueOn',
      width: 120,
      render: (dueOn: string) => <Tag color="orange">{dueOn}</Tag>,
    },
    {
      title: '',
      key: 'accept',
      width: 100,
      render: (_, row) => (
        <Button type="primary" size="small" loading={accepting === row.id} onClick={() => void accept(row)}>
          {t('entrustments.accept')}
        </Button>
      ),
    },
  ];
  return (
    <Card
      title={t('entrustments.title')}
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="pending-entrustments"
    >
      {error !== null && <ProblemAlert error={error} />}
      <Table<EntrustmentView>
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={incoming}
      />
    </Card>
  );
}
