import { segment } from '../commons/format';

/** The Administration section opens on its users. */
export const ADMINISTRATION = { text: 'Administration', href: '/admin/users' };

export const USERS_CRUMBS = [ADMINISTRATION, { text: 'Users', href: '/admin/users' }];

/** A user's details page. */
export const userPath = (userName: string) => `/admin/users/${segment(userName)}`;
