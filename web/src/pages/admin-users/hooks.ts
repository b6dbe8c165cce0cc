import { usePlumbline } from '../../api/plumbline-client';
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

/** Every IAM user of the signed-in root user's account (ListUsers, all pages). */
export function useUsers() {
  const plumbline = usePlumbline();
  return useLoad<AdminUser[]>(
    () => allPages((NextToken) => plumbline('ListUsers', { NextToken, MaxResults: 1000 }) as Promise<{ Users: AdminUser[]; NextToken?: string }>, (out) => out.Users),
    [plumbline],
  );
}
