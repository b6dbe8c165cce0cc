import { useSignedFetch } from '../../api/signed-fetch';
import { allPages } from '../commons/all-pages';
import { useLoad } from '../commons/use-load';

export interface AdminUser {
  UserName: string;
  UserId: string;
  Arn: string;
  AccountId: string;
  /** Epoch seconds. */
  CreateDate: number;
  HasPassword: boolean;
  PasswordLastSet?: number;
}

export const USERS_PATH = '/_plumbline/admin/users';
export const userPath = (userName: string) => `${USERS_PATH}/${encodeURIComponent(userName)}`;

/** Every IAM user of the signed-in root user's account (GET /_plumbline/admin/users, all pages). */
export function useUsers() {
  const call = useSignedFetch();
  return useLoad<AdminUser[]>(
    () => allPages((NextToken) => call('GET', USERS_PATH, { query: { NextToken, MaxResults: 1000 } }) as Promise<{ Users: AdminUser[]; NextToken?: string }>, (out) => out.Users),
    [call],
  );
}
