import { describe, expect, it } from 'vitest';
import {
  canonicalize,
  percentEncode,
  sign,
  stringToSign,
  verifySignature,
} from '../../../src/api/alibaba/signature.js';

// The worked example of Alibaba Cloud's "Signature mechanism" page for RPC APIs (help.aliyun.com
// document 69009 / alibabacloud.com "Signature mechanism"): ECS DescribeRegions, AccessKeySecret `testsecret`.
const PUBLISHED = {
  Timestamp: '2016-02-23T12:46:24Z',
  Format: 'XML',
  AccessKeyId: 'testid',
  Action: 'DescribeRegions',
  SignatureMethod: 'HMAC-SHA1',
  SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
  Version: '2014-05-26',
  SignatureVersion: '1.0',
};

describe('RPC signature', () => {
  it("reproduces Alibaba's published example", () => {
    expect(stringToSign('GET', PUBLISHED)).toBe(
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML' +
        '%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf' +
        '%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26',
    );
    expect(sign('GET', PUBLISHED, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
    expect(verifySignature('GET', { ...PUBLISHED, Signature: 'OLeaidS1JvxuMvnyHOwuJ+uX5qY=' }, 'testsecret')).toEqual({
      ok: true,
    });
  });

  it('encodes as RFC 3986: only A-Z a-z 0-9 - _ . ~ stay, space is %20, UTF-8 bytes for the rest', () => {
    expect(percentEncode("a b*c~d!'()")).toBe('a%20b%2Ac~d%21%27%28%29');
    expect(percentEncode('+/=&:')).toBe('%2B%2F%3D%26%3A');
    expect(percentEncode('张三')).toBe('%E5%BC%A0%E4%B8%89');
    expect(percentEncode('-_.~AZaz09')).toBe('-_.~AZaz09');
  });

  it('sorts raw names in UTF-16 order, so JobsJson.10 comes before JobsJson.2 and capitals before lower case', () => {
    const c = canonicalize({ b: '1', 'JobsJson.2': 'x', 'JobsJson.10': 'y', B: '2', _: '3', Signature: 'dropped' });
    expect(c).toBe('B=2&JobsJson.10=y&JobsJson.2=x&_=3&b=1');
  });

  it('fails a tampered value, a wrong secret and a wrong method, and says what the server signed', () => {
    const params = { ...PUBLISHED, Signature: sign('GET', PUBLISHED, 'testsecret') };
    const tampered = verifySignature('GET', { ...params, Action: 'DeleteInstance' }, 'testsecret');
    expect(tampered).toEqual({ ok: false, stringToSign: expect.stringContaining('DeleteInstance') });
    expect(verifySignature('GET', params, 'othersecret').ok).toBe(false);
    const post = verifySignature('POST', params, 'testsecret');
    expect(post).toEqual({ ok: false, stringToSign: expect.stringMatching(/^POST&%2F&/) });
  });

  it('accepts a Signature whose "+" arrived as a space (pasted into a URL unencoded)', () => {
    expect(verifySignature('GET', { ...PUBLISHED, Signature: 'OLeaidS1JvxuMvnyHOwuJ uX5qY=' }, 'testsecret').ok).toBe(
      true,
    );
  });

  it('refuses, without throwing, a parameter no client could have signed', () => {
    expect(verifySignature('GET', { ...PUBLISHED, Bad: '\ud800', Signature: 'x' }, 'testsecret').ok).toBe(false);
  });
});
