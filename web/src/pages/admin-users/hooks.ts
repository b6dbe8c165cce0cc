import { usePlumblineList } from '../../api/plumbline-client';
import { formatTime } from '../commons/format';

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

/** Whether the user has a console password, and since when. */
export const passwordInWords = (user: AdminUser) => (user.HasPassword ? `Set ${formatTime(user.PasswordLastSet)}` : 'None');
