import {
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { AssetClass, PartyKind, type AgencyKindView } from '@writ/contracts/web';
import { useState } from 'react';
import { forgetAgencyKinds } from '../agency-kinds';
import { api } from '../api/client';
import { useRemote } from '../api/use-remote';
import { useT } from '../i18n';
import { ProblemAlert } from './problem-alert';
import { RemoteView } from './remote-view';

interface ChannelForm {
  code: string;
  nameZh: string;
  nameEn: string;
  assetClass: AssetClass;
  appliesTo: PartyKind[];
  reachesLinkedPersons: boolean;
  active: boolean;
}

/**
 * 查控渠道: the agency kinds the court's inquiries go to — national and the province's own — and, for
 * the director, a form to add or change a provincial source (or deactivate it).
 */
export function AgencyKindsCard({ mayEdit }: { mayEdit: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const remote = useRemote((signal) => api.listAgencyKinds(signal), []);
  const [form] = Form.useForm<ChannelForm>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);

  async function save(values: ChannelForm): Promise<void> {
    setSaving(true);
    setProblem(null);
    try {
      const { code, ...body } = values;
      await api.putAgencyKind(code, body);
      void message.success(t('agencyKinds.saved'));
      forgetAgencyKinds();
      remote.reload();
    } catch (caught) {
      setProblem(caught);
    } finally {
      setSaving(false);
    }
  }

  const columns: TableColumnsType<AgencyKindView> = [
    { title: t('agencyKinds.code'), dataIndex: 'code', width: 200 },
    { title: t('agencyKinds.name'), dataIndex: 'nameZh' },
    {
      title: t('agencyKinds.scope'),
      dataIndex: 'province',
      render: (_, row) =>
        row.province ? (
          <Tag color="purple">{t('agencyKinds.provincial')}</Tag>
        ) : (
          <Tag>{t('agencyKinds.national')}</Tag>
        ),
    },
    {
      title: t('agencyKinds.assetClass'),
      dataIndex: 'assetClass',
      render: (_, row) => t(`assetClass.${row.assetClass}`),
    },
    {
      title: t('agencyKinds.appliesTo'),
      dataIndex: 'appliesTo',
      render: (_, row) => row.appliesTo.map((k) => t(`partyKind.${k}`)).join('、'),
    },
    {
      title: t('agencyKinds.active'),
      dataIndex: 'active',
      width: 80,
      render: (_, row) => (row.active ? <Tag color="green">✓</Tag> : <Tag>—</Tag>),
    },
  ];

  return (
    <Card title={t('agencyKinds.title')} data-testid="agency-kinds" style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t('agencyKinds.intro')}</Typography.Paragraph>
      <RemoteView remote={remote} failedTitle={t('agencyKinds.title')}>
        {(loaded) => (
          <Table
            rowKey="code"
            size="small"
            pagination={false}
            columns={columns}
            dataSource={loaded.kinds}
            onRow={(row) => ({
              onClick: () => {
                if (mayEdit && row.province) form.setFieldsValue({ ...row, appliesTo: [...row.appliesTo] });
              },
            })}
          />
        )}
      </RemoteView>
      {mayEdit && (
        <Form<ChannelForm>
          form={form}
          layout="vertical"
          style={{ marginTop: 16 }}
          initialValues={{
            assetClass: AssetClass.FinancialRight,
            appliesTo: [PartyKind.NaturalPerson, PartyKind.Organisation],
            reachesLinkedPersons: false,
            active: true,
          }}
          onFinish={(values) => void save(values)}
        >
          <Typography.Title level={5}>{t('agencyKinds.add')}</Typography.Title>
          <Space wrap align="start">
            <Form.Item
              label={t('agencyKinds.code')}
              name="code"
              rules={[{ required: true, pattern: /^[A-Z][A-Z0-9_]{1,39}$/, message: 'A–Z 0–9 _' }]}
            >
              <Input placeholder="LN_LAND_CONTRACT" data-testid="agency-kind-code" />
            </Form.Item>
            <Form.Item
              label={t('agencyKinds.name')}
              name="nameZh"
              rules={[{ required: true, message: t('form.required') }]}
            >
              <Input data-testid="agency-kind-name" />
            </Form.Item>
            <Form.Item
              label={t('agencyKinds.nameEn')}
              name="nameEn"
              rules={[{ required: true, message: t('form.required') }]}
            >
              <Input />
            </Form.Item>
            <Form.Item label={t('agencyKinds.assetClass')} name="assetClass">
              <Select
                style={{ minWidth: 240 }}
                options={Object.values(AssetClass).map((c) => ({ value: c, label: t(`assetClass.${c}`) }))}
              />
            </Form.Item>
            <Form.Item label={t('agencyKinds.appliesTo')} name="appliesTo">
              <Checkbox.Group
                options={Object.values(PartyKind).map((k) => ({ value: k, label: t(`partyKind.${k}`) }))}
              />
            </Form.Item>
            <Form.Item label={t('agencyKinds.linked')} name="reachesLinkedPersons" valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item label={t('agencyKinds.active')} name="active" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Space>
          {problem !== null && <ProblemAlert error={problem} />}
          <Button type="primary" htmlType="submit" loading={saving} data-testid="agency-kind-save">
            {t('agencyKinds.save')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
