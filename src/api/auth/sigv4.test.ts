import { createHash, createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { verifySigV4, type IncomingSignedRequest } from './sigv4';
import { AKID, ARN, lookup, PRINCIPAL, REGION, SECRET, SERVICE } from './sigv4-test-keys';
import { ARN_PATH, expectAuthError, HOST, MISMATCH, NOW, opts, PATCH_SPEC, received, request, signed, signer, UNTAG_SPEC } from './sigv4-test-signing';

/** The request as received without one of its headers. */
function withoutHeader(req: IncomingSignedRequest, name: string): IncomingSignedRequest {
  const headers = { ...req.headers };
  delete headers[name];
  return { ...req, headers };
}

describe('verifySigV4: requests signed with @smithy/signature-v4 verify', () => {
  it('GET with query string', async () => {
    const req = await signed({
      path: '/lenses',
      query: { MaxResults: '10', NextToken: 'a/b+c=d', LensType: 'AWS_OFFICIAL' },
    });
    expect(req.rawQuery).toContain('NextToken=a%2Fb%2Bc%3Dd');
    await expect(verifySigV4(req, lookup, opts)).resolves.toEqual({ principal: PRINCIPAL, accessKeyId: AKID });
  });

  it('PATCH with a JSON body (x-amz-content-sha256 signed)', async () => {
    const req = await signed(PATCH_SPEC);
    expect(req.headers['x-amz-content-sha256']).toBe(createHash('sha256').update(PATCH_SPEC.body!).digest('hex'));
    await expect(verifySigV4(req, lookup, opts)).resolves.toMatchObject({ accessKeyId: AKID });
  });

  it('DELETE with repeated query keys and an encoded ARN path', async () => {
    const req = await signed(UNTAG_SPEC);
    expect(req.rawPath).toBe('/tags/arn%3Aaws%3Awellarchitected%3Aus-east-1%3A123456789012%3Aworkload%2Fabc');
    expect(req.rawQuery).toBe('tagKeys=b&tagKeys=a&tagKeys=with%20space');
    await expect(verifySigV4(req, lookup, opts)).resolves.toMatchObject({ principal: PRINCIPAL });
  });

  it('empty query values and encoded characters', async () => {
    const req = await signed({ path: '/lenses', query: { empty: '', 'k y': "v!'()*~é", z: ['', 'x'] } });
    await expect(verifySigV4(req, lookup, opts)).resolves.toMatchObject({ accessKeyId: AKID });
  });

  it('signature within the allowed clock skew verifies', async () => {
    const req = await signed({});
    await expect(
      verifySigV4(req, lookup, { ...opts, now: new Date(NOW.getTime() + 14 * 60_000) }),
    ).resolves.toMatchObject({ accessKeyId: AKID });
    await expect(
      verifySigV4(req, lookup, { ...opts, now: new Date(NOW.getTime() - 14 * 60_000) }),
    ).resolves.toMatchObject({ accessKeyId: AKID });
  });

  it('signed custom header with runs of whitespace is canonicalised like the signer', async () => {
    const req = await signed({ headers: { 'x-custom': 'a   b' } });
    expect(req.headers['authorization']).toContain('x-custom');
    await expect(verifySigV4(req, lookup, opts)).resolves.toMatchObject({ accessKeyId: AKID });
  });

  it('presigned URL (signer.presign)', async () => {
    const out = (await signer().presign(request({ path: ARN_PATH, query: { tagKeys: ['a', 'b'] } }), {
      signingDate: NOW,
      expiresIn: 300,
    })) as HttpRequest;
    const req = received(out);
    expect(req.headers['authorization']).toBeUndefined();
    expect(req.rawQuery).toContain('X-Amz-Signature=');
    await expect(
      verifySigV4(req, lookup, { ...opts, now: new Date(NOW.getTime() + 299_000) }),
    ).resolves.toMatchObject({ accessKeyId: AKID });
  });

  it('Authorization header with a Date header instead of X-Amz-Date', async () => {
    // No SDK signs this way, so build the signature with an independent, minimal
    // implementation of the SigV4 steps (simple path, no query).
    const httpDate = NOW.toUTCString(); // Wed, 01 Jan 2025 00:00:00 GMT
    const bodyHash = createHash('sha256').update('').digest('hex');
    const canonical = ['GET', '/lenses', '', `date:${httpDate}`, `host:${HOST}`, '', 'date;host', bodyHash].join('\n');
    const scope = `20250101/${REGION}/${SERVICE}/aws4_request`;
    const sts = ['AWS4-HMAC-SHA256', '20250101T000000Z', scope, createHash('sha256').update(canonical).digest('hex')].join('\n');
    let k: Buffer = createHmac('sha256', `AWS4${SECRET}`).update('20250101').digest();
    for (const part of [REGION, SERVICE, 'aws4_request']) k = createHmac('sha256', k).update(part).digest();
    const sig = createHmac('sha256', k).update(sts).digest('hex');
    const req: IncomingSignedRequest = {
      method: 'GET',
      rawPath: '/lenses',
      rawQuery: '',
      headers: {
        host: HOST,
        date: httpDate,
        authorization: `AWS4-HMAC-SHA256 Credential=${AKID}/${scope}, SignedHeaders=date;host, Signature=${sig}`,
      },
      body: Buffer.alloc(0),
    };
    await expect(verifySigV4(req, lookup, opts)).resolves.toMatchObject({ accessKeyId: AKID });
    await expectAuthError(
      verifySigV4({ ...req, headers: { ...req.headers, date: 'Wed, 01 Jan 2025 00:00:01 GMT' } }, lookup, opts),
      MISMATCH,
    );
    await expectAuthError(
      verifySigV4({ ...req, headers: { ...req.headers, date: 'yesterday' } }, lookup, opts),
      /Date header is malformed/,
    );
  });
});

describe('verifySigV4: failures', () => {
  it('tampered body', async () => {
    const req = await signed(PATCH_SPEC);
    const tampered = { ...req, body: Buffer.from(PATCH_SPEC.body!.replace('new', 'old')) };
    await expectAuthError(
      verifySigV4(tampered, lookup, opts),
      'The provided x-amz-content-sha256 header does not match the request body',
      'XAmzContentSHA256Mismatch',
    );
    // Dropping the (signed) x-amz-content-sha256 header does not help.
    const noHash = { ...tampered, headers: { ...tampered.headers } };
    delete noHash.headers['x-amz-content-sha256'];
    await expectAuthError(verifySigV4(noHash, lookup, opts), /signed header 'x-amz-content-sha256' is not present/);
  });

  it('tampered body when the client did not send x-amz-content-sha256 (botocore style)', async () => {
    const s = new SignatureV4({
      service: SERVICE,
      region: REGION,
      credentials: { accessKeyId: AKID, secretAccessKey: SECRET },
      sha256: Hash.bind(null, 'sha256'),
      applyChecksum: false,
    });
    const req = received((await s.sign(request(PATCH_SPEC), { signingDate: NOW })) as HttpRequest);
    expect(req.headers['x-amz-content-sha256']).toBeUndefined();
    await expect(verifySigV4(req, lookup, opts)).resolves.toMatchObject({ accessKeyId: AKID });
    await expectAuthError(verifySigV4({ ...req, body: Buffer.from('{}') }, lookup, opts), MISMATCH);
  });

  it('tampered path', async () => {
    const req = await signed(UNTAG_SPEC);
    await expectAuthError(verifySigV4({ ...req, rawPath: req.rawPath.replace('abc', 'abd') }, lookup, opts), MISMATCH);
    // Decoded vs encoded path is not the same request.
    await expectAuthError(verifySigV4({ ...req, rawPath: `/tags/${ARN}` }, lookup, opts), MISMATCH);
  });

  it('tampered query', async () => {
    const req = await signed(UNTAG_SPEC);
    await expectAuthError(verifySigV4({ ...req, rawQuery: `${req.rawQuery}&tagKeys=c` }, lookup, opts), MISMATCH);
    await expectAuthError(verifySigV4({ ...req, rawQuery: 'tagKeys=a&tagKeys=b' }, lookup, opts), MISMATCH);
    await expectAuthError(verifySigV4({ ...req, rawQuery: '' }, lookup, opts), MISMATCH);
  });

  it('tampered method and signed header', async () => {
    const req = await signed(UNTAG_SPEC);
    await expectAuthError(verifySigV4({ ...req, method: 'GET' }, lookup, opts), MISMATCH);
    await expectAuthError(
      verifySigV4({ ...req, headers: { ...req.headers, host: 'evil.example.com' } }, lookup, opts),
      MISMATCH,
    );
  });

  it('wrong secret', async () => {
    const req = await signed({}, { secretAccessKey: 'not-the-secret' });
    await expectAuthError(verifySigV4(req, lookup, opts), MISMATCH, 'InvalidSignatureException');
  });

  it('unknown access key', async () => {
    const req = await signed({}, { accessKeyId: 'AKIDUNKNOWN00000' });
    const err = await expectAuthError(
      verifySigV4(req, lookup, opts),
      'The security token included in the request is invalid',
      'UnrecognizedClientException',
    );
    expect(err.statusCode).toBe(403);
  });

  it('errors thrown by the key lookup propagate (not an AuthError)', async () => {
    const req = await signed({});
    await expect(
      verifySigV4(req, async () => Promise.reject(new Error('db down')), opts),
    ).rejects.toThrow('db down');
  });

  it('expired signature and clock skew past 15 minutes, both ways', async () => {
    const req = await signed({});
    await expectAuthError(
      verifySigV4(req, lookup, { ...opts, now: new Date('2025-01-01T00:30:00Z') }),
      'Signature expired: request time 20250101T000000Z is more than 15 minutes from server time 20250101T003000Z',
      'InvalidSignatureException',
    );
    await expectAuthError(
      verifySigV4(req, lookup, { ...opts, now: new Date(NOW.getTime() + 15 * 60_000 + 1000) }),
      /^Signature expired: request time 20250101T000000Z is more than 15 minutes from server time 20250101T001501Z$/,
    );
    await expectAuthError(
      verifySigV4(req, lookup, { ...opts, now: new Date(NOW.getTime() - 15 * 60_000 - 1000) }),
      'Signature expired: request time 20250101T000000Z is more than 15 minutes from server time 20241231T234459Z',
    );
    await expectAuthError(
      verifySigV4(req, lookup, { ...opts, now: new Date(NOW.getTime() + 61_000), maxSkewSeconds: 60 }),
      /more than 1 minute from server time/,
    );
  });

  it('wrong service', async () => {
    const req = await signed({}, { service: 'execute-api' });
    await expectAuthError(verifySigV4(req, lookup, opts), /scoped to correct service: 'wellarchitected'/);
  });

  it('wrong region names the expected region', async () => {
    const req = await signed({}, { region: 'eu-west-1' });
    await expectAuthError(verifySigV4(req, lookup, opts), /region 'us-east-1', not 'eu-west-1'/);
  });

  it('missing auth', async () => {
    const req = await signed({});
    await expectAuthError(
      verifySigV4(withoutHeader(req, 'authorization'), lookup, opts),
      'Request is missing the Authorization header or X-Amz-Signature query parameter',
      'MissingAuthenticationTokenException',
    );
  });

  it('session tokens are not supported', async () => {
    const s = new SignatureV4({
      service: SERVICE,
      region: REGION,
      credentials: { accessKeyId: AKID, secretAccessKey: SECRET, sessionToken: 'token' },
      sha256: Hash.bind(null, 'sha256'),
    });
    const req = received((await s.sign(request({}), { signingDate: NOW })) as HttpRequest);
    await expectAuthError(verifySigV4(req, lookup, opts), /Session tokens are not supported/);
    const pre = received((await s.presign(request({}), { signingDate: NOW })) as HttpRequest);
    await expectAuthError(verifySigV4(pre, lookup, opts), /Session tokens are not supported/);
  });

  describe('malformed Authorization header', () => {
    let base: IncomingSignedRequest;
    let auth: string;
    beforeAll(async () => {
      base = await signed({});
      auth = base.headers['authorization'] as string;
    });
    const withAuth = (a: string) => ({ ...base, headers: { ...base.headers, authorization: a } });
    const cases: Array<[string, (a: string) => string, RegExp]> = [
      ['wrong algorithm', (a) => a.replace('AWS4-HMAC-SHA256', 'AWS4-ECDSA-P256-SHA256'), /unsupported algorithm/],
      ['algorithm only', () => 'AWS4-HMAC-SHA256', /Credential is missing/],
      ['Credential missing', (a) => a.replace(/Credential=[^,]+, /, ''), /Credential is missing/],
      ['SignedHeaders missing', (a) => a.replace(/SignedHeaders=[^,]+, /, ''), /^Authorization header is malformed: SignedHeaders is missing$/],
      ['Signature missing', (a) => a.replace(/, Signature=[0-9a-f]+/, ''), /Signature is missing/],
      ['empty Signature', (a) => a.replace(/Signature=[0-9a-f]+/, 'Signature='), /Signature is missing/],
      ['short Signature', (a) => a.replace(/Signature=([0-9a-f]+)/, 'Signature=abc'), /Signature must be 64 hexadecimal/],
      ['non-hex Signature', (a) => a.replace(/Signature=([0-9a-f]{2})/, 'Signature=zz'), /Signature must be 64 hexadecimal/],
      ['Credential with too few parts', (a) => a.replace(`/${SERVICE}/aws4_request`, '/aws4_request'), /Credential must have the form/],
      ['Credential bad terminator', (a) => a.replace('aws4_request', 'aws4_reqest'), /Credential must have the form/],
      ['Credential bad date', (a) => a.replace('/20250101/', '/2025011/'), /Credential must have the form/],
      ['Credential date differs from x-amz-date', (a) => a.replace('/20250101/', '/20250102/'), /credential date 20250102 does not match 20250101/],
      ['host not signed', (a) => a.replace('host;', ''), /SignedHeaders must include host/],
      ['x-amz-date not signed', (a) => a.replace(';x-amz-date', ''), /SignedHeaders must include x-amz-date/],
      ['upper-case SignedHeaders', (a) => a.replace('host;', 'Host;'), /lower-case header names/],
      ['signed header absent', (a) => a.replace('host;', 'host;x-absent;'), /signed header 'x-absent' is not present/],
      ['duplicate component', (a) => `${a}, Signature=${'0'.repeat(64)}`, /Signature appears more than once/],
      ['unknown component', (a) => `${a}, Foo=bar`, /unexpected component 'Foo'/],
      ['component without =', (a) => `${a}, garbage`, /not of the form Name=Value/],
    ];
    for (const [name, mutate, message] of cases) {
      it(name, async () => {
        const err = await expectAuthError(verifySigV4(withAuth(mutate(auth)), lookup, opts), message);
        expect(err.code === 'IncompleteSignatureException' || err.code === 'InvalidSignatureException').toBe(true);
      });
    }

    it('checks the Signature in full once the rest of the header is known (kept from an earlier request)', async () => {
      await verifySigV4(base, lookup, opts);
      await verifySigV4(await signed({ path: '/lenses/other' }), lookup, opts);
      const sig = /Signature=([0-9a-f]+)/.exec(auth)![1];
      const flipped = sig.slice(0, -1) + (sig.endsWith('0') ? '1' : '0');
      await expectAuthError(verifySigV4(withAuth(auth.replace(sig, flipped)), lookup, opts), MISMATCH);
      await expectAuthError(verifySigV4(withAuth(auth.replace(sig, sig.slice(1))), lookup, opts), /Signature must be 64 hexadecimal/);
      await expectAuthError(verifySigV4(withAuth(`${auth}, Foo=bar`), lookup, opts), /unexpected component 'Foo'/);
      await expectAuthError(verifySigV4(withAuth(auth.replace(sig, `${sig}, Signature=${sig}`)), lookup, opts), /Signature appears more than once/);
    });

    it('missing or malformed x-amz-date', async () => {
      await expectAuthError(
        verifySigV4(withoutHeader(base, 'x-amz-date'), lookup, opts),
        'Request is missing the X-Amz-Date or Date header',
        'IncompleteSignatureException',
      );
      await expectAuthError(
        verifySigV4({ ...base, headers: { ...base.headers, 'x-amz-date': '2025-01-01T00:00:00Z' } }, lookup, opts),
        /X-Amz-Date header is malformed/,
      );
      await expectAuthError(
        verifySigV4({ ...base, headers: { ...base.headers, 'x-amz-date': '20251301T000000Z' } }, lookup, opts),
        /X-Amz-Date header is malformed/,
      );
    });

    it('both header and query authentication', async () => {
      await expectAuthError(
        verifySigV4({ ...base, rawQuery: `X-Amz-Signature=${'0'.repeat(64)}` }, lookup, opts),
        /Only one authentication mechanism/,
      );
    });
  });

  it('bad x-amz-content-sha256', async () => {
    const req = await signed(PATCH_SPEC);
    await expectAuthError(
      verifySigV4({ ...req, headers: { ...req.headers, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } }, lookup, opts),
      /UNSIGNED-PAYLOAD is not supported/,
    );
    // Signed as UNSIGNED-PAYLOAD by the client: still rejected.
    const unsigned = await signed({ ...PATCH_SPEC, headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } });
    await expectAuthError(verifySigV4(unsigned, lookup, opts), /UNSIGNED-PAYLOAD is not supported/);
    // A correct-looking but different hash.
    const other = await signed({ ...PATCH_SPEC, headers: { 'x-amz-content-sha256': createHash('sha256').update('x').digest('hex') } });
    await expectAuthError(
      verifySigV4(other, lookup, opts),
      'The provided x-amz-content-sha256 header does not match the request body',
    );
  });
});
