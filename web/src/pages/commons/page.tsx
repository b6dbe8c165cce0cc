import type { BreadcrumbGroupProps } from '@cloudscape-design/components/breadcrumb-group';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import type { ReactNode } from 'react';
import { Breadcrumbs } from './breadcrumbs';
import { ErrorAlert } from './error-alert';

export type Crumbs = BreadcrumbGroupProps.Item[];

interface PageProps {
  /** The trail below the console home, this page last. */
  breadcrumbs: Crumbs;
  /** Following a crumb goes through this instead (a page that saves first). */
  onFollow?: (href: string) => void;
  /** The page's h1, with its description and actions; a page whose table heads it has none. */
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  size?: 'm' | 'l';
  children?: ReactNode;
}

/** A console page: its breadcrumbs, its heading (if any), then its content, spaced alike on every page. */
export function Page({ breadcrumbs, onFollow, title, description, actions, size = 'm', children }: PageProps) {
  return (
    <SpaceBetween size={size}>
      <Breadcrumbs items={breadcrumbs} onFollow={onFollow} />
      {title !== undefined && (
        <Header variant="h1" description={description} actions={actions}>
          {title}
        </Header>
      )}
      {children}
    </SpaceBetween>
  );
}

/** A page whose resource has not loaded: its breadcrumbs, then a spinner, or why it failed. */
export function PageLoading({ breadcrumbs, error }: { breadcrumbs: Crumbs; error: unknown }) {
  return <Page breadcrumbs={breadcrumbs}>{error ? <ErrorAlert error={error} /> : <Spinner size="large" />}</Page>;
}

/** A page laid out by Cloudscape's ContentLayout: breadcrumbs and the h1 header above the content's own containers. */
export function ContentPage({ breadcrumbs, title, description, actions, children }: Omit<PageProps, 'size' | 'onFollow'>) {
  return (
    <ContentLayout
      breadcrumbs={<Breadcrumbs items={breadcrumbs} />}
      header={
        <Header variant="h1" description={description} actions={actions}>
          {title}
        </Header>
      }
    >
      {children}
    </ContentLayout>
  );
}
