import { segment } from './format';

/** The Workloads page, first of its pages' breadcrumbs. */
export const WORKLOADS_CRUMB = { text: 'Workloads', href: '/workloads' };

/** A workload's details page. */
export const workloadPath = (workloadId: string) => `/workloads/${segment(workloadId)}`;

/** The trail to a workload's page (Workloads › its name), which its other pages continue. */
export const workloadCrumbs = (workloadId: string, workloadName: string | undefined) => [
  WORKLOADS_CRUMB,
  { text: workloadName ?? workloadId, href: workloadPath(workloadId) },
];

/** The trail to a workload's milestones (its Milestones tab), which a milestone's pages continue. */
export const milestonesCrumbs = (workloadId: string, workloadName: string | undefined) => [
  ...workloadCrumbs(workloadId, workloadName),
  { text: 'Milestones', href: `${workloadPath(workloadId)}?tab=milestones` },
];
