import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { AppRoutes } from './routes';
import { AuthProvider } from './auth';

dayjs.locale('zh-cn');

// antd's default greys and link blue fall below WCAG AA contrast (axe checks every main screen).
const THEME = {
  token: {
    colorPrimary: '#b71c1c',
    // Darker on hover, not lighter: white text keeps its contrast under the pointer.
    colorPrimaryHover: '#8f1414',
    colorPrimaryActive: '#7a1010',
    colorLink: '#0958d9',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextDescription: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    // No animations for those who ask their system for less motion.
    motion: !window.matchMedia('(prefers-reduced-motion: reduce)').matches,
  },
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* autoInsertSpace off: antd would otherwise render 签收 as 「签 收」. */}
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={THEME}>
      <AntApp>
        <AuthProvider>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
