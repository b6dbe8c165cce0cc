import BreadcrumbGroup, { type BreadcrumbGroupProps } from '@cloudscape-design/components/breadcrumb-group';
import { useFollow } from './router-link';

const HOME: BreadcrumbGroupProps.Item = { text: 'Plumbline', href: '/' };

/** A page's breadcrumbs below the console home ("Plumbline"); following one moves inside the console. */
export function Breadcrumbs({ items }: { items: BreadcrumbGroupProps.Item[] }) {
  const follow = useFollow();
  return <BreadcrumbGroup onFollow={follow} items={[HOME, ...items]} />;
}
