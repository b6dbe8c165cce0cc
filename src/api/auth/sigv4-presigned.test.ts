import { describe, expect, it } from 'vitest';
import { HttpRequest } from '@smithy/protocol-http';
import { verifySigV4 } from './sigv4';
import { AKID, lookup } from './sigv4-test-keys';
import { expectAuthError, MISMATCH, NOW, opts, PATCH_SPEC, received, request, signer, type Spec } from './sigv4-test-signing';

describe('verifySigV4: failures of presigned URLs', () => {
  async function presigned(expiresIn = 300, spec: Spec = {}) {
    return received((await signer().presign(request(spec), { signingDate: NOW, expiresIn })) as HttpRequest);
  }
  const setParam = (q: string, name: string, value: string | null) =>
    q
      .split('&')
      .filter((p) => !p.startsWith(`${name}=`))
      .concat(value === null ? [] : [`${name}=${value}`])
      .join('&');

  it('expired', async () => {
    const req = await presigned(300);
    await expectAuthError(
      verifySigV4(req, lookup, { ...opts, now: new Date(NOW.getTime() + 301_000) }),
      /^Request has expired: X-Amz-Date 20250101T000000Z plus X-Amz-Expires 300 seconds/,
      'InvalidSignatureException',
    );
  });

  it('longer than the server allows (an hour unless set otherwise), though within the week the SDKs allow', async () => {
    const req = await presigned(7200);
    await expectAuthError(verifySigV4(req, lookup, opts), /^X-Amz-Expires 7200 seconds is longer than this server accepts for a presigned URL \(3600 seconds/);
    await expect(verifySigV4(req, lookup, { ...opts, maxPresignSeconds: 7200 })).resolves.toMatchObject({ accessKeyId: AKID });
    await expect(verifySigV4(await presigned(3600), lookup, opts)).resolves.toMatchObject({ accessKeyId: AKID });
  });

  it('not yet valid', async () => {
    const req = await presigned(300);
    await expectAuthError(
      verifySigV4(req, lookup, { ...opts, now: new Date(NOW.getTime() - 16 * 60_000) }),
      /^Request is not yet valid/,
    );
  });

  it('extending X-Amz-Expires breaks the signature', async () => {
    const req = await presigned(300);
    await expectAuthError(
      verifySigV4({ ...req, rawQuery: setParam(req.rawQuery, 'X-Amz-Expires', '3600') }, lookup, opts),
      MISMATCH,
    );
  });

  it('malformed presign parameters', async () => {
    const req = await presigned(300);
    const bad: Array<[string, string | null, RegExp]> = [
      ['X-Amz-Expires', '0', /X-Amz-Expires must be an integer number of seconds between 1 and 604800/],
      ['X-Amz-Expires', '604801', /between 1 and 604800/],
      ['X-Amz-Expires', 'abc', /between 1 and 604800/],
      ['X-Amz-Expires', null, /X-Amz-Expires is missing/],
      ['X-Amz-Credential', null, /X-Amz-Credential is missing/],
      ['X-Amz-Date', null, /X-Amz-Date is missing/],
      ['X-Amz-Date', '2025', /X-Amz-Date must use the ISO 8601 basic format/],
      ['X-Amz-SignedHeaders', null, /X-Amz-SignedHeaders is missing/],
      ['X-Amz-SignedHeaders', 'x-foo', /SignedHeaders must include host/],
      ['X-Amz-Algorithm', 'AWS4-HMAC-SHA1', /unsupported X-Amz-Algorithm/],
      ['X-Amz-Signature', 'abc', /Signature must be 64 hexadecimal characters/],
    ];
    for (const [name, value, message] of bad) {
      await expectAuthError(
        verifySigV4({ ...req, rawQuery: setParam(req.rawQuery, name, value) }, lookup, opts),
        message,
        'IncompleteSignatureException',
      );
    }
    await expectAuthError(
      verifySigV4({ ...req, rawQuery: `${req.rawQuery}&X-Amz-Date=20250101T000000Z` }, lookup, opts),
      /X-Amz-Date appears more than once/,
    );
  });

  it('presigned request with a body covers the body', async () => {
    const req = await presigned(300, PATCH_SPEC);
    await expect(verifySigV4(req, lookup, opts)).resolves.toMatchObject({ accessKeyId: AKID });
    await expectAuthError(verifySigV4({ ...req, body: Buffer.from('{}') }, lookup, opts), MISMATCH);
  });
});