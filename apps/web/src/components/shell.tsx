import { Button, Grid, Layout, Menu, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { Role } from '../api/client';
import { ROLE_LABELS, useAuth } from '../auth';

const MENU: { key: string; label: string; roles: Role[] }[] = [
  { key: '/todo', label: '我的待办', roles: ['liaison'] },
  { key: '/desk', label: '工作台', roles: ['coordinator'] },
  { key: '/cockpit', label: '驾驶舱', roles: ['leader'] },
  { key: '/import', label: '导入文件', roles: ['coordinator'] },
  { key: '/ledger', label: '督办台账', roles: ['coordinator', 'leader'] },
  { key: '/calendar', label: '工作日历', roles: ['admin'] },
  { key: '/account', label: '我的账户', roles: ['liaison', 'coordinator', 'leader', 'admin'] },
];

/** The signed-in frame: a side menu by role (a top menu on a phone), the user and 退出登录. */
export function Shell({ children }: { children: ReactNode }) {
  const { user, signOut } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const items = MENU.filter((m) => m.roles.some((r) => user?.roles.includes(r))).map((m) => ({
    key: m.key,
    label: m.label,
  }));
  const selected = items.find((i) => location.pathname.startsWith(i.key))?.key;
  const menu = (
    <Menu
      aria-label="主菜单"
      mode={narrow ? 'horizontal' : 'inline'}
      selectedKeys={selected ? [selected] : []}
      items={items}
      onClick={({ key }) => void navigate(key)}
      style={narrow ? { flex: 1, minWidth: 0, borderBottom: 'none' } : { borderInlineEnd: 'none' }}
    />
  );
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 12,
          background: '#b71c1c',
          paddingInline: narrow ? 12 : 24,
        }}
      >
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
          督办
        </Typography.Title>
        <span style={{ flex: 1 }} />
        <Space size={narrow ? 4 : 12}>
          {!narrow && (
            <Typography.Text style={{ color: '#fff' }}>
              {user?.displayName}（{user?.roles.map((r) => ROLE_LABELS[r]).join('、')}）
            </Typography.Text>
          )}
          <Button size="small" onClick={() => void signOut().then(() => navigate('/login'))}>
            退出登录
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        {!narrow && (
          <Layout.Sider width={180} theme="light">
            <nav>{menu}</nav>
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: narrow ? 8 : 24 }}>
          {narrow && <nav style={{ display: 'flex', marginBottom: 8, background: '#fff' }}>{menu}</nav>}
          <main>{children}</main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
