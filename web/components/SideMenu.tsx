import type { ReactNode } from 'react';
import { Menu, type MenuProps } from 'antd';
import {
  FileDoneOutlined,
  CarryOutOutlined,
  FormOutlined,
  BellOutlined,
  ReadOutlined,
  FundProjectionScreenOutlined,
  WarningOutlined,
  ApartmentOutlined,
  CompassOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FlagOutlined,
  EyeOutlined,
  SafetyOutlined,
  ToolOutlined,
  AuditOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  ControlOutlined,
  DashboardOutlined,
  FileTextOutlined,
  FundOutlined,
  OrderedListOutlined,
  PieChartOutlined,
  ProjectOutlined,
  EnvironmentOutlined,
  HomeOutlined,
  MailOutlined,
  AlertOutlined,
  ImportOutlined,
  NotificationOutlined,
  ScheduleOutlined,
  SendOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UserOutlined,
  TrophyOutlined,
  CommentOutlined,
} from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router';
import { roleCodes, useCurrentUser } from '../auth/CurrentUser.js';
import { useI18n } from '../i18n/useI18n.js';
import { allowed, GROUP_LABELS, NAV, type NavGroup, type NavId } from '../nav.js';

const ICONS: Record<NavId, ReactNode> = {
  home: <HomeOutlined />,
  inbox: <MailOutlined />,
  reminderSettings: <AlertOutlined />,
  myWork: <CheckSquareOutlined />,
  review: <ControlOutlined />,
  hqDesk: <DashboardOutlined />,
  dashboard: <FundProjectionScreenOutlined />,
  dispatches: <SendOutlined />,
  meetings: <ScheduleOutlined />,
  directives: <FileProtectOutlined />,
  fieldVisits: <CompassOutlined />,
  ledger: <FileSearchOutlined />,
  rectifications: <ToolOutlined />,
  inspections: <FlagOutlined />,
  oversight: <SafetyOutlined />,
  oversightWatch: <EyeOutlined />,
  responseRequests: <FormOutlined />,
  promises: <CarryOutOutlined />,
  bulletins: <ReadOutlined />,
  notices: <BellOutlined />,
  articles: <NotificationOutlined />,
  articleReview: <FileDoneOutlined />,
  assessments: <TrophyOutlined />,
  assessmentAppeals: <CommentOutlined />,
  myAssessments: <TrophyOutlined />,
  overview: <PieChartOutlined />,
  blockers: <WarningOutlined />,
  feed: <NotificationOutlined />,
  plans: <FileTextOutlined />,
  taskImport: <ImportOutlined />,
  tasks: <OrderedListOutlined />,
  targets: <FundOutlined />,
  projects: <ProjectOutlined />,
  org: <ApartmentOutlined />,
  regions: <EnvironmentOutlined />,
  units: <ClusterOutlined />,
  bodies: <TeamOutlined />,
  users: <UserOutlined />,
  import: <ImportOutlined />,
  calendar: <CalendarOutlined />,
  securityPolicy: <SafetyCertificateOutlined />,
  securityUsers: <UserOutlined />,
  audit: <AuditOutlined />,
};

type Items = NonNullable<MenuProps['items']>;

/** The entries this user's roles allow, admin entries grouped under a heading. */
export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useI18n();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const roles = roleCodes(me);
  const visible = NAV.filter((item) => allowed(item, roles));

  const entry = (id: NavId, path: string, label: string) => ({
    key: path,
    icon: ICONS[id],
    label: <span data-testid={`menu-${id}`}>{label}</span>,
  });
  const items: Items = visible.filter((i) => !i.group).map((i) => entry(i.id, i.path, t(i.label)));
  for (const group of Object.keys(GROUP_LABELS) as NavGroup[]) {
    const children = visible.filter((i) => i.group === group).map((i) => entry(i.id, i.path, t(i.label)));
    if (children.length) items.push({ type: 'group', key: group, label: t(GROUP_LABELS[group]), children });
  }

  const selected = visible.filter((i) => (i.path === '/' ? pathname === '/' : pathname.startsWith(i.path))).map((i) => i.path);
  return (
    <Menu
      data-testid="side-menu"
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={selected}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
    />
  );
}
