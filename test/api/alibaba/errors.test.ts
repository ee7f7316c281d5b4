import { describe, expect, it } from 'vitest';
import {
  type AlibabaError,
  accessKeyInactive,
  accessKeyNotFound,
  errorBody,
  forbidden,
  fromOutdialError,
  incompleteSignature,
  internalError,
  invalidApi,
  invalidParameter,
  invalidSignatureMethod,
  missingParameter,
  noSuchVersion,
  notExist,
  serviceUnavailable,
  signatureDoesNotMatch,
  signatureNonceUsed,
  successBody,
  throttled,
  timestampExpired,
  timestampMalformed,
} from '../../../src/api/alibaba/errors.js';
import { ERROR_CODES, invalidField, OutdialError } from '../../../src/core/errors.js';

describe('the error catalogue answers with the vendor status, code and text', () => {
  const catalogue: [AlibabaError, number, string, string][] = [
    [missingParameter('InstanceId'), 400, 'MissingInstanceId', 'InstanceId is mandatory for this action.'],
    [missingParameter('Version'), 400, 'MissingVersion', 'Version is mandatory for this action.'],
    [
      invalidParameter('PageSize'),
      400,
      'InvalidParameter',
      'The specified value of parameter "PageSize" is not valid.',
    ],
    [accessKeyNotFound(), 400, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.'],
    [accessKeyInactive(), 400, 'InvalidAccessKeyId.Inactive', 'Specified access key is disabled.'],
    [timestampMalformed(), 400, 'InvalidTimeStamp.Format', 'Specified time stamp or date value is not well formatted.'],
    [timestampExpired(), 400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.'],
    [signatureNonceUsed(), 400, 'SignatureNonceUsed', 'Specified signature nonce was used already.'],
    [incompleteSignature(), 400, 'IncompleteSignature', 'The request signature does not conform to Aliyun standards.'],
    [
      signatureDoesNotMatch('GET&%2F&A%3D1'),
      403,
      'SignatureDoesNotMatch',
      'Specified signature is not matched with our calculation. server string to sign is:GET&%2F&A%3D1',
    ],
    [invalidSignatureMethod(), 400, 'InvalidSignatureMethod', 'Specified signature method is not valid.'],
    [invalidApi('Nope'), 404, 'InvalidApi.NotFound', 'Specified api is not found,please check your url and method.'],
    [noSuchVersion('2017-01-01'), 400, 'NoSuchVersion', 'Specified api version is not valid.'],
    [throttled(), 400, 'Throttling.User', 'Request was denied due to user flow control.'],
    [forbidden(), 403, 'Forbidden', 'User not authorized to operate on the specified resource.'],
    [
      forbidden('Forbidden.NoPermission'),
      403,
      'Forbidden.NoPermission',
      'User not authorized to operate on the specified resource.',
    ],
    [notExist('Instance'), 404, 'NotExist.Instance', 'The specified Instance does not exist.'],
    [notExist('JobGroup'), 404, 'NotExist.JobGroup', 'The specified JobGroup does not exist.'],
    [notExist('Job'), 404, 'NotExist.Job', 'The specified Job does not exist.'],
    [notExist('Script'), 404, 'NotExist.Script', 'The specified Script does not exist.'],
    [
      internalError(new Error('secret detail')),
      500,
      'InternalError',
      'The request processing has failed due to some unknown error, exception or failure.',
    ],
    [
      serviceUnavailable(),
      503,
      'ServiceUnavailable',
      'The request has failed due to a temporary failure of the server.',
    ],
  ];
  it.each(catalogue.map(([e, status, code, message]) => ({ e, status, code, message })))(
    '$code: $status',
    ({ e, status, code, message }) => {
      expect([e.httpStatus, e.code, e.message]).toEqual([status, code, message]);
    },
  );

  it('says which Action is not served', () => {
    expect(invalidApi('DescribeNothing').recommend).toContain('DescribeNothing');
  });
});

describe('fromOutdialError', () => {
  it('maps every Outdial code to a 4xx or 5xx vendor error', () => {
    for (const code of ERROR_CODES) {
      const e = fromOutdialError(new OutdialError(code, `something about ${code}`));
      expect(e.httpStatus, code).toBeGreaterThanOrEqual(400);
      expect(e.code, code).toMatch(/^[A-Z][A-Za-z.]+$/);
    }
  });

  it('keeps the message naming the field for bad input', () => {
    for (const code of [
      'VALIDATION_FAILED',
      'INVALID_STRATEGY',
      'INVALID_PHONE_NUMBER',
      'DUPLICATE_REFERENCE_ID',
    ] as const) {
      const e = fromOutdialError(invalidField('strategy.workingTime[1].endTime', 'must be after beginTime', code));
      expect([e.httpStatus, e.code, e.message]).toEqual([
        400,
        'InvalidParameter',
        'strategy.workingTime[1].endTime: must be after beginTime',
      ]);
    }
  });

  it('answers a missing resource with NotExist.*, keeping what was looked for in Recommend', () => {
    const cases = [
      ['INSTANCE_NOT_FOUND', 'NotExist.Instance'],
      ['JOB_GROUP_NOT_FOUND', 'NotExist.JobGroup'],
      ['JOB_NOT_FOUND', 'NotExist.Job'],
      ['SCRIPT_NOT_FOUND', 'NotExist.Script'],
    ] as const;
    for (const [ours, theirs] of cases) {
      const e = fromOutdialError(new OutdialError(ours, 'jobGroupId: job group g-1 does not exist'));
      expect([e.httpStatus, e.code, e.recommend]).toEqual([404, theirs, 'jobGroupId: job group g-1 does not exist']);
    }
  });

  it('refuses operations the state does not allow with 400 OperationDenied.*', () => {
    for (const code of ['ILLEGAL_TRANSITION', 'JOB_GROUP_BUSY', 'LINE_GROUP_IN_USE'] as const) {
      const e = fromOutdialError(new OutdialError(code, 'jobGroupId: job group g-1 is Completed'));
      expect(e.httpStatus).toBe(400);
      expect(e.code).toMatch(/^OperationDenied\./);
      expect(e.message).toBe('jobGroupId: job group g-1 is Completed');
    }
  });

  it('never sends an internal error’s text, and throttles as Throttling.User', () => {
    const internal = fromOutdialError(new OutdialError('INTERNAL', 'connection string postgres://u:p@db'));
    expect([internal.httpStatus, internal.code]).toEqual([500, 'InternalError']);
    expect(JSON.stringify(errorBody(internal, 'R', 'H'))).not.toContain('postgres');
    expect(fromOutdialError(new OutdialError('RATE_LIMITED', 'slow down')).code).toBe('Throttling.User');
  });
});

describe('bodies', () => {
  it('an error body carries RequestId, HostId, Code, Message, Recommend and the status', () => {
    expect(errorBody(notExist('JobGroup', 'job group g-1'), 'REQ-1', 'outdial.example')).toEqual({
      RequestId: 'REQ-1',
      HostId: 'outdial.example',
      Code: 'NotExist.JobGroup',
      Message: 'The specified JobGroup does not exist.',
      Recommend: 'job group g-1',
      Success: false,
      HttpStatusCode: 404,
    });
  });

  it('a success body is the envelope with the payload beside it', () => {
    expect(successBody('REQ-2', { JobGroupId: 'g-1', JobsId: ['j-1'] })).toEqual({
      RequestId: 'REQ-2',
      Success: true,
      Code: 'OK',
      Message: 'Success',
      HttpStatusCode: 200,
      JobGroupId: 'g-1',
      JobsId: ['j-1'],
    });
  });
});
