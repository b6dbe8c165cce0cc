import type { ReactNode } from 'react';
import { Page, type Crumbs } from './page';
import { SourceTable, type SourceTableProps } from './source-table';

interface ListPageProps<T> extends Omit<SourceTableProps<T>, 'title' | 'refreshLabel' | 'variant' | 'headerVariant' | 'size'> {
  /** The trail to this page; the last crumb's text is the page's title. */
  breadcrumbs: Crumbs;
  /** The refresh button's name: "Refresh <title>" unless given. */
  refreshLabel?: string;
  /** What follows the table: details of the selected row, dialogs. */
  children?: ReactNode;
}

/**
 * A page that is one full-page table of a kind of resource (Workloads, Profiles, Users...):
 * breadcrumbs, then the table headed by the page's title (a sticky h1) and actions.
 * `<ListPage {...list.table} breadcrumbs={…} source={…} columnDefinitions={…} actions={…}>dialogs</ListPage>`.
 */
export function ListPage<T>({ breadcrumbs, refreshLabel, children, ...table }: ListPageProps<T>) {
  const title = breadcrumbs[breadcrumbs.length - 1].text;
  return (
    <Page breadcrumbs={breadcrumbs}>
      <SourceTable {...table} title={title} refreshLabel={refreshLabel ?? `Refresh ${title.toLowerCase()}`} variant="full-page" headerVariant="awsui-h1-sticky" />
      {children}
    </Page>
  );
}
