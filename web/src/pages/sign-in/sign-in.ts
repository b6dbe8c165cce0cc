import type { Session } from '../../api/session';
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

/** POST /_plumbline/console/sign-in (unsigned: the credentials are the body); throws ApiError in words. */
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
  let response: Response;
  try {
    response = await fetch('/_plumbline/console/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    throw new ApiError('NetworkError', 'Plumbline cannot be reached: check that the server is running and try again.', 0);
  }
  const text = await response.text();
  let json: Record<string, any> = {};
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    json = { Message: text };
  }
  if (!response.ok) {
    const type = (response.headers.get('x-amzn-ErrorType') ?? 'Error').split(':')[0];
    throw new ApiError(type, json.Message ?? `Sign-in failed (HTTP ${response.status})`, response.status, json.Fields);
  }
  const a = json as SignInAnswer;
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

/** POST /_plumbline/console/sign-out, signed with the session it ends. */
export const SIGN_OUT_PATH = '/_plumbline/console/sign-out';
