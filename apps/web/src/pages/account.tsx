import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, errorText, ok, type Schemas } from '../api/client';
import { hasRole, ROLE_LABELS, useAuth } from '../auth';
import { PageTitle } from '../components/page-title';

/** 我的账户: contact details, password, and (for a liaison) a deputy for a period. */
export function AccountPage() {
  const { user } = useAuth();
  if (!user) return null;
  return (
    <div style={{ display: 'grid', gap: 12, maxWidth: 640 }}>
      <PageTitle>我的账户</PageTitle>
      <Card size="small">
        <Descriptions size="small" column={1}>
          <Descriptions.Item label="用户名">{user.username}</Descriptions.Item>
          <Descriptions.Item label="姓名">{user.displayName}</Descriptions.Item>
          <Descriptions.Item label="角色">{user.roles.map((r) => ROLE_LABELS[r]).join('、')}</Descriptions.Item>
          {(user.actingFor ?? []).length > 0 && (
            <Descriptions.Item label="今日代理">
              {user.actingFor!.map((a) => a.displayName).join('、')}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <ContactCard />
      <PasswordCard />
      {hasRole(user, 'liaison') && <DeputyCard />}
    </div>
  );
}

function ContactCard() {
  const { message } = App.useApp();
  const [saved, setSaved] = useState<Schemas['UserDto'] | null>(null);
  const save = async (v: { email?: string; phone?: string }) => {
    const body = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)) as {
      email?: string;
      phone?: string;
    };
    try {
      setSaved(await ok(api.PATCH('/api/auth/me', { body })));
      void message.success('联系方式已保存');
    } catch (err) {
      void message.error(errorText(err));
    }
  };
  return (
    <Card size="small" title="联系方式">
      <Typography.Paragraph type="secondary">
        用于接收提醒、催办和督办通知。留空的项不修改；清除请填写后删空再保存。
      </Typography.Paragraph>
      <Form layout="vertical" onFinish={(v: { email?: string; phone?: string }) => void save(v)}>
        <Form.Item label="电子邮箱" name="email" rules={[{ type: 'email', message: '邮箱格式不正确' }]}>
          <Input autoComplete="email" placeholder={saved?.email ?? 'zhangsan@example.gov.cn'} />
        </Form.Item>
        <Form.Item label="电话" name="phone" extra="手机号码或带区号的固定电话">
          <Input autoComplete="tel" placeholder={saved?.phone ?? '022-23456789'} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          保存联系方式
        </Button>
      </Form>
      {saved && (
        <Typography.Paragraph style={{ marginTop: 8 }}>
          当前：邮箱 {saved.email ?? '未填写'}，电话 {saved.phone ?? '未填写'}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

function PasswordCard() {
  const { message } = App.useApp();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const change = async (v: { currentPassword: string; newPassword: string }) => {
    try {
      await ok(
        api.POST('/api/auth/password', { body: { currentPassword: v.currentPassword, newPassword: v.newPassword } }),
      );
      void message.success('密码已修改，请用新密码重新登录');
      await signOut();
      await navigate('/login');
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <Card size="small" title="修改密码">
      {error && <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form layout="vertical" onFinish={(v: { currentPassword: string; newPassword: string }) => void change(v)}>
        <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          extra="至少 10 位，含字母和数字；修改后所有已登录的设备需重新登录"
          rules={[
            { required: true, message: '请输入新密码' },
            { min: 10, message: '新密码至少 10 位' },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error('两次输入的新密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          修改密码
        </Button>
      </Form>
    </Card>
  );
}

function DeputyCard() {
  const { message } = App.useApp();
  const [deputy, setDeputy] = useState<Schemas['DeputyDto'] | null>(null);
  const set = async (v: { userId: string; period: [Dayjs, Dayjs] }) => {
    try {
      const body = {
        userId: v.userId.trim(),
        from: v.period[0].format('YYYY-MM-DD'),
        to: v.period[1].format('YYYY-MM-DD'),
      };
      setDeputy(await ok(api.POST('/api/auth/me/deputy', { body })));
      void message.success('已设置代理人');
    } catch (err) {
      void message.error(errorText(err));
    }
  };
  const end = async () => {
    try {
      await ok(api.DELETE('/api/auth/me/deputy'));
      setDeputy(null);
      void message.success('代理已结束');
    } catch (err) {
      void message.error(errorText(err));
    }
  };
  return (
    <Card size="small" title="代理人">
      <Typography.Paragraph type="secondary">
        出差或休假期间，可指定本单位另一名联络员代为办理，办理记录显示为「甲 代 乙」。
      </Typography.Paragraph>
      {deputy && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${deputy.deputy.displayName} 代理 ${deputy.from} 至 ${deputy.to}`}
        />
      )}
      <Form layout="vertical" onFinish={(v: { userId: string; period: [Dayjs, Dayjs] }) => void set(v)}>
        <Form.Item
          label="代理人用户 ID"
          name="userId"
          extra="另一名联络员的用户 ID（可向管理员查询）"
          rules={[{ required: true, message: '请填写代理人用户 ID' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item label="代理期间" name="period" rules={[{ required: true, message: '请选择代理期间' }]}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            设置代理人
          </Button>
          <Button onClick={() => void end()}>结束代理</Button>
        </Space>
      </Form>
    </Card>
  );
}
