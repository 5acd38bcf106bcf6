import type { ThemeConfig } from 'antd';

/** A sober government palette: deep blue actions, a red accent for the brand. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1a4fa0',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Segoe UI', Roboto, sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#0f2747', headerPadding: '0 16px' },
    Menu: { darkItemBg: '#0f2747', darkSubMenuItemBg: '#0b1f3a', darkItemSelectedBg: '#1a4fa0' },
  },
};

/** The brand red of the header mark (推进). */
export const BRAND_RED = '#c0262d';
