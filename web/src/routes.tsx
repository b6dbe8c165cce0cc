import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * Every console page, by path under /console/. Each page is a folder
 * `pages/<page>/` whose index.tsx default-exports the page component.
 * Ids and ARNs in paths are URI-encoded single segments (see commons/format.ts `segment`).
 */
export interface PageRoute {
  path: string;
  page: LazyExoticComponent<ComponentType>;
}

export const ROUTES: PageRoute[] = [
  { path: '/', page: lazy(() => import('./pages/dashboard')) },
  { path: '/workloads', page: lazy(() => import('./pages/workloads')) },
  { path: '/workloads/new', page: lazy(() => import('./pages/define-workload')) },
  { path: '/workloads/:workloadId', page: lazy(() => import('./pages/workload-details')) },
  { path: '/workloads/:workloadId/lenses/:lensAlias', page: lazy(() => import('./pages/lens-review')) },
  { path: '/workloads/:workloadId/lenses/:lensAlias/questions/:questionId', page: lazy(() => import('./pages/review')) },
  { path: '/workloads/:workloadId/milestones/compare', page: lazy(() => import('./pages/milestone-compare')) },
  { path: '/workloads/:workloadId/milestones/:milestoneNumber', page: lazy(() => import('./pages/milestone')) },
  { path: '/lenses', page: lazy(() => import('./pages/custom-lenses')) },
  { path: '/lenses/new', page: lazy(() => import('./pages/create-lens')) },
  { path: '/lenses/:lensArn', page: lazy(() => import('./pages/custom-lens-details')) },
  { path: '/lens-upgrades', page: lazy(() => import('./pages/lens-upgrades')) },
  { path: '/profiles', page: lazy(() => import('./pages/profiles')) },
  { path: '/profiles/new', page: lazy(() => import('./pages/profile-editor')) },
  { path: '/profiles/:profileArn', page: lazy(() => import('./pages/profile-editor')) },
  { path: '/templates', page: lazy(() => import('./pages/review-templates')) },
  { path: '/templates/new', page: lazy(() => import('./pages/template-editor')) },
  { path: '/templates/:templateArn', page: lazy(() => import('./pages/template-editor')) },
  { path: '/invitations', page: lazy(() => import('./pages/share-invitations')) },
  { path: '/settings', page: lazy(() => import('./pages/settings')) },
  { path: '/admin/users', page: lazy(() => import('./pages/admin-users')) },
  { path: '/admin/users/:userName', page: lazy(() => import('./pages/admin-user-details')) },
  { path: '/admin/audit', page: lazy(() => import('./pages/admin-audit')) },
  { path: '/admin/event-targets', page: lazy(() => import('./pages/admin-event-targets')) },
];
