import AppLayout from '@cloudscape-design/components/app-layout';
import SideNavigation from '@cloudscape-design/components/side-navigation';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { NotificationsBar } from './notifications';

/** The frame of every signed-in page: navigation, notifications, content. */
export function Shell({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const location = useLocation();
  return (
    <AppLayout
      navigation={
        <SideNavigation
          activeHref={location.pathname}
          header={{ href: '/', text: 'Plumbline' }}
          onFollow={(event) => {
            event.preventDefault();
            navigate(event.detail.href);
          }}
          items={[
            { type: 'link', text: 'Dashboard', href: '/' },
            { type: 'link', text: 'Workloads', href: '/workloads' },
            { type: 'link', text: 'Custom lenses', href: '/lenses' },
            { type: 'link', text: 'Lens upgrades', href: '/lens-upgrades' },
            { type: 'link', text: 'Profiles', href: '/profiles' },
            { type: 'link', text: 'Review templates', href: '/templates' },
            { type: 'link', text: 'Share invitations', href: '/invitations' },
          ]}
        />
      }
      notifications={<NotificationsBar />}
      toolsHide
      content={children}
    />
  );
}
