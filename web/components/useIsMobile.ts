import { Grid } from 'antd';

/** True below Ant Design's `md` breakpoint (768 px): phones get the drawer menu and stacked layouts. */
export function useIsMobile(): boolean {
  const screens = Grid.useBreakpoint();
  return !screens.md;
}
