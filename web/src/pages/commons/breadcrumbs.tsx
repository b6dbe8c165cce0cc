import BreadcrumbGroup, { type BreadcrumbGroupProps } from '@cloudscape-design/components/breadcrumb-group';
import { useFollow } from './router-link';

const HOME: BreadcrumbGroupProps.Item = { text: 'Plumbline', href: '/' };

/**
 * A page's breadcrumbs below the console home ("Plumbline"), the same start on every page;
 * following one moves inside the console, or goes through `onFollow` (the question page saves first).
 */
export function Breadcrumbs({ items, onFollow }: { items: BreadcrumbGroupProps.Item[]; onFollow?: (href: string) => void }) {
  const follow = useFollow();
  return (
    <BreadcrumbGroup
      ariaLabel="Breadcrumbs"
      onFollow={(event) => {
        if (!onFollow) return follow(event);
        event.preventDefault();
        onFollow(event.detail.href);
      }}
      items={[HOME, ...items]}
    />
  );
}
