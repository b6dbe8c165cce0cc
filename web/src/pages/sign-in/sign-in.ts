import type { Session } from '../../api/session';
import { callPlumbline } from '../../api/plumbline-client';
import { ApiError } from '../../api/signed-fetch';

export type SignInMode = 'user' | 'root-password' | 'root-key';

export interface SignInDetails {
  accountId: string;
  userName: string;
  password: string;
  accessKeyId: string;
  secretAccessKey: string;
}

interface SignInAnswer {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  /** Epoch seconds. */
  Expiration: number;
  AccountId: string;
  UserName?: string;
  Arn: string;
  Region: string;
}

const FIELD_WORDS: Record<string, string> = {
  AccountId: 'account ID',
  UserName: 'user name',
  Password: 'password',
  AccessKeyId: 'access key ID',
  SecretAccessKey: 'secret access key',
};

/** ConsoleSignIn (unsigned: the credentials are the body); throws ApiError in words. */
export async function signIn(mode: SignInMode, d: SignInDetails): Promise<Session> {
  const body =
    mode === 'user'
      ? { AccountId: d.accountId.trim(), UserName: d.userName.trim(), Password: d.password }
      : mode === 'root-password'
        ? { AccountId: d.accountId.trim(), Password: d.password }
        : { AccessKeyId: d.accessKeyId.trim(), SecretAccessKey: d.secretAccessKey };
  // An empty field is said at once, without a request the server would only refuse.
  const missing = Object.entries(body)
    .filter(([, value]) => value === '')
    .map(([Name]) => ({ Name, Message: `Enter the ${FIELD_WORDS[Name] ?? Name}.` }));
  if (missing.length) throw new ApiError('ValidationException', 'Fill in every field to sign in.', 400, missing);
  const a = (await callPlumbline(undefined, 'ConsoleSignIn', body)) as SignInAnswer;
  return {
    accessKeyId: a.AccessKeyId,
    secretAccessKey: a.SecretAccessKey,
    sessionToken: a.SessionToken,
    expiresAt: a.Expiration * 1000,
    accountId: a.AccountId,
    userName: a.UserName,
    arn: a.Arn,
    region: a.Region,
  };
}
