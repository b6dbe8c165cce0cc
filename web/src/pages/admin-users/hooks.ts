import { usePlumblineList } from '../../api/plumbline-client';

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
  return usePlumblineList<AdminUser>('ListUsers', 'Users');
}
