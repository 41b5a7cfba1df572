/** The look: calm, dense enough for office work, a restrained Party red for primary actions. */
import type { ThemeConfig } from 'antd';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#a61d24',
    colorLink: '#1d4f91',
    colorInfo: '#1d4f91',
    borderRadius: 4,
    fontSize: 14,
    fontFamily: "-apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
    colorBgLayout: '#f3f4f6',
    // antd's greys and red fall under WCAG AA contrast (4.5:1) on white and on the layout grey;
    // office staff read these screens all day, so descriptions and danger text are darker.
    colorTextDescription: '#595959',
    colorTextTertiary: '#595959',
    colorError: '#cf1322',
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', headerHeight: 56, headerPadding: '0 16px' },
    Menu: { itemHeight: 40, itemMarginInline: 6, itemSelectedBg: '#fbeaea', itemSelectedColor: '#a61d24' },
    Card: { paddingLG: 16 },
    Table: { cellPaddingBlockSM: 6 },
    Descriptions: { itemPaddingBottom: 8 },
  },
};
