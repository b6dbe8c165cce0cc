import Link, { type LinkProps } from '@cloudscape-design/components/link';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';

/** A Cloudscape link that moves inside the console (react-router) instead of reloading the page. */
export function RouterLink({ href, children, ...rest }: Omit<LinkProps, 'onFollow'> & { href: string; children: ReactNode }) {
  const navigate = useNavigate();
  return (
    <Link
      {...rest}
      href={`/console${href}`}
      onFollow={(e) => {
        e.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </Link>
  );
}

/** For Cloudscape components that take `onFollow` (breadcrumbs, button dropdowns): follow the href in the console. */
export function useFollow() {
  const navigate = useNavigate();
  return (e: CustomEvent<{ href?: string; external?: boolean }>) => {
    if (e.detail.external || !e.detail.href) return;
    e.preventDefault();
    navigate(e.detail.href);
  };
}
