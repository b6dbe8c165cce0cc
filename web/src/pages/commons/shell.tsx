import AppLayout from '@cloudscape-design/components/app-layout';
import SideNavigation, { type SideNavigationProps } from '@cloudscape-design/components/side-navigation';
import TopNavigation from '@cloudscape-design/components/top-navigation';
import { useMemo, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { isRootSession } from '../../api/session';
import { usePlumbline } from '../../api/plumbline-client';
import { HelpPanelContext } from './help-panel';
import { NotificationsBar } from './notifications';
import { useSession } from './session-context';

/** Links carry the full /console/... URL (open in a new tab works); following one stays in the app. */
const BASE = '/console';
const link = (text: string, path: string): SideNavigationProps.Link => ({ type: 'link', text, href: BASE + path });

const REVIEWS = [link('Dashboard', '/'), link('Workloads', '/workloads'), link('Lens upgrades', '/lens-upgrades')];
const RESOURCES = [link('Custom lenses', '/lenses'), link('Profiles', '/profiles'), link('Review templates', '/templates'), link('Share invitations', '/invitations'), link('Settings', '/settings')];
const ADMINISTRATION = [link('Users', '/admin/users'), link('Audit trail', '/admin/audit'), link('Event targets', '/admin/event-targets')];

/** The navigation entry a page belongs to: the longest link that prefixes its path (a workload's pages → Workloads). */
function activeHref(pathname: string, links: SideNavigationProps.Link[]): string {
  const here = BASE + (pathname === '/' ? '/' : pathname.replace(/\/$/, ''));
  let best = `${BASE}/`;
  for (const { href } of links) {
    if (href !== `${BASE}/` && (here === href || here.startsWith(`${href}/`)) && href.length > best.length) best = href;
  }
  return best;
}

/** Below this width the navigation starts closed, so that the page's content has the room (Cloudscape's "m" breakpoint). */
const WIDE_SCREEN = '(min-width: 1120px)';
const isWide = () => window.matchMedia(WIDE_SCREEN).matches;

/** The frame of every signed-in page: top bar with the account and user, navigation, notifications, content. */
export function Shell({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const location = useLocation();
  const { session, signOut } = useSession();
  const plumbline = usePlumbline();
  const [signingOut, setSigningOut] = useState(false);
  const [navigationOpen, setNavigationOpen] = useState(isWide);
  const [help, setHelp] = useState<ReactNode>();
  const [helpOpen, setHelpOpen] = useState(false);
  const helpPanel = useMemo(() => ({ setContent: setHelp, open: () => setHelpOpen(true) }), []);
  const root = isRootSession(session);
  const follow = (href: string) => navigate(href.startsWith(BASE) ? href.slice(BASE.length) || '/' : href);

  const sections: SideNavigationProps.Item[] = [
    { type: 'section', text: 'Reviews', items: REVIEWS },
    { type: 'section', text: 'Resources', items: RESOURCES },
    // Only an account's root user administers users, the audit trail and event targets.
    ...(root ? [{ type: 'section' as const, text: 'Administration', items: ADMINISTRATION }] : []),
  ];

  const endSession = async () => {
    setSigningOut(true);
    try {
      await plumbline('ConsoleSignOut');
    } catch {
      // Already expired or unreachable: the session is forgotten here either way.
    }
    signOut();
  };

  const who = root ? 'Root user' : session.userName!;
  return (
    <>
      <div id="top-navigation" style={{ position: 'sticky', top: 0, zIndex: 1002 }}>
        <TopNavigation
          identity={{
            href: `${BASE}/`,
            title: 'Plumbline',
            onFollow: (event) => {
              event.preventDefault();
              navigate('/');
            },
          }}
          utilities={[
            {
              type: 'menu-dropdown',
              // As the AWS console shows it: who, at which account.
              text: `${who} @ ${session.accountId}`,
              description: session.arn,
              iconName: 'user-profile',
              // Starts with the words shown, so that speech input can name it by what it says.
              ariaLabel: `${who} @ ${session.accountId}: signed in as ${who} of account ${session.accountId}`,
              items: [
                { id: 'sign-out', text: signingOut ? 'Signing out...' : 'Sign out', disabled: signingOut },
              ],
              onItemClick: ({ detail }) => {
                if (detail.id === 'sign-out') void endSession();
              },
            },
          ]}
        />
      </div>
      <AppLayout
        headerSelector="#top-navigation"
        navigation={
          <SideNavigation
            activeHref={activeHref(location.pathname, [...REVIEWS, ...RESOURCES, ...ADMINISTRATION])}
            header={{ href: `${BASE}/`, text: `Account ${session.accountId}` }}
            onFollow={(event) => {
              if (event.detail.external) return;
              event.preventDefault();
              follow(event.detail.href);
              // On a narrow screen the open navigation covers the page it leads to.
              if (!isWide()) setNavigationOpen(false);
            }}
            items={sections}
          />
        }
        navigationOpen={navigationOpen}
        onNavigationChange={({ detail }) => setNavigationOpen(detail.open)}
        notifications={<NotificationsBar />}
        toolsHide={help === undefined}
        tools={help}
        toolsOpen={helpOpen && help !== undefined}
        onToolsChange={({ detail }) => setHelpOpen(detail.open)}
        ariaLabels={{
          navigation: 'Side navigation',
          navigationToggle: 'Open navigation',
          navigationClose: 'Close navigation',
          tools: 'Help panel',
          toolsToggle: 'Open help panel',
          toolsClose: 'Close help panel',
          notifications: 'Notifications',
        }}
        content={<HelpPanelContext.Provider value={helpPanel}>{children}</HelpPanelContext.Provider>}
      />
    </>
  );
}
