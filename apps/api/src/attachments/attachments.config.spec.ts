import { attachmentsConfigFromEnv, DEFAULT_ATTACHMENT_MAX_BYTES, DEFAULT_ATTACHMENTS_DIR } from './attachments.config';

const S3 = { ATTACHMENTS_S3_ENDPOINT: 'http://127.0.0.1:9000', ATTACHMENTS_S3_BUCKET: 'donthu-attachments' };

describe('attachmentsConfigFromEnv', () => {
  it('keeps files in a folder by default', () => {
    expect(attachmentsConfigFromEnv({})).toEqual({ maxBytes: DEFAULT_ATTACHMENT_MAX_BYTES, store: { kind: 'filesystem', dir: DEFAULT_ATTACHMENTS_DIR } });
    expect(attachmentsConfigFromEnv({ ATTACHMENTS_DIR: '/srv/donthu/attachments', ATTACHMENT_MAX_BYTES: '1024' })).toEqual({
      maxBytes: 1024,
      store: { kind: 'filesystem', dir: '/srv/donthu/attachments' },
    });
  });

  it.each(['0', '-1', '1.5', 'lots', '1e309'])('refuses ATTACHMENT_MAX_BYTES=%j', (value) => {
    expect(() => attachmentsConfigFromEnv({ ATTACHMENT_MAX_BYTES: value })).toThrow(/ATTACHMENT_MAX_BYTES must be a positive integer/);
  });

  it('selects the S3-compatible store by its endpoint, with path-style requests and us-east-1 by default', () => {
    expect(attachmentsConfigFromEnv(S3).store).toEqual({
      kind: 's3',
      endpoint: 'http://127.0.0.1:9000',
      bucket: 'donthu-attachments',
      region: 'us-east-1',
      credentials: undefined,
      forcePathStyle: true,
    });
    expect(
      attachmentsConfigFromEnv({
        ...S3,
        ATTACHMENTS_S3_ENDPOINT: 'https://s3.ap-southeast-1.amazonaws.com',
        ATTACHMENTS_S3_REGION: 'ap-southeast-1',
        ATTACHMENTS_S3_ACCESS_KEY_ID: 'AKIAEXAMPLE',
        ATTACHMENTS_S3_SECRET_ACCESS_KEY: 'secret',
        ATTACHMENTS_S3_FORCE_PATH_STYLE: 'false',
        ATTACHMENTS_DIR: '/ignored/with/s3',
      }).store,
    ).toEqual({
      kind: 's3',
      endpoint: 'https://s3.ap-southeast-1.amazonaws.com',
      bucket: 'donthu-attachments',
      region: 'ap-southeast-1',
      credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' },
      forcePathStyle: false,
    });
    expect(attachmentsConfigFromEnv({ ...S3, ATTACHMENTS_S3_FORCE_PATH_STYLE: '1' }).store).toMatchObject({ forcePathStyle: true });
    expect(attachmentsConfigFromEnv({ ...S3, ATTACHMENTS_S3_FORCE_PATH_STYLE: '0' }).store).toMatchObject({ forcePathStyle: false });
  });

  it('refuses to start without a bucket', () => {
    expect(() => attachmentsConfigFromEnv({ ATTACHMENTS_S3_ENDPOINT: S3.ATTACHMENTS_S3_ENDPOINT })).toThrow(
      'ATTACHMENTS_S3_ENDPOINT is set but ATTACHMENTS_S3_BUCKET is not: name the bucket that keeps the attachments (it must exist already)',
    );
  });

  it.each([
    [{ ATTACHMENTS_S3_ENDPOINT: 'minio:9000' }, /ATTACHMENTS_S3_ENDPOINT must be an http\(s\) URL/],
    [{ ATTACHMENTS_S3_ENDPOINT: 's3.amazonaws.com' }, /ATTACHMENTS_S3_ENDPOINT must be an http\(s\) URL/],
    [{ ATTACHMENTS_S3_ENDPOINT: 'ftp://files.example' }, /must be an http\(s\) URL, got the scheme "ftp:"/],
    [{ ATTACHMENTS_S3_ENDPOINT: 'https://key:secret@s3.example' }, /must not contain credentials/],
    [{ ATTACHMENTS_S3_ENDPOINT: 'https://s3.example/?x=1' }, /must not have a query or fragment/],
    [{ ATTACHMENTS_S3_BUCKET: 'Donthu_Attachments' }, /ATTACHMENTS_S3_BUCKET must be a bucket name/],
    [{ ATTACHMENTS_S3_BUCKET: 'ab' }, /ATTACHMENTS_S3_BUCKET must be a bucket name/],
    [{ ATTACHMENTS_S3_BUCKET: 'a..b' }, /ATTACHMENTS_S3_BUCKET must be a bucket name/],
    [{ ATTACHMENTS_S3_BUCKET: 'bucket/../other' }, /ATTACHMENTS_S3_BUCKET must be a bucket name/],
    [{ ATTACHMENTS_S3_REGION: 'us east 1' }, /ATTACHMENTS_S3_REGION must be a region name/],
    [{ ATTACHMENTS_S3_ACCESS_KEY_ID: 'AKIAEXAMPLE' }, /ATTACHMENTS_S3_ACCESS_KEY_ID is set without ATTACHMENTS_S3_SECRET_ACCESS_KEY: set both, or neither/],
    [{ ATTACHMENTS_S3_SECRET_ACCESS_KEY: 'secret' }, /ATTACHMENTS_S3_SECRET_ACCESS_KEY is set without ATTACHMENTS_S3_ACCESS_KEY_ID/],
    [{ ATTACHMENTS_S3_FORCE_PATH_STYLE: 'yes' }, /ATTACHMENTS_S3_FORCE_PATH_STYLE must be true or false, got "yes"/],
  ])('refuses %j', (overrides, message) => {
    expect(() => attachmentsConfigFromEnv({ ...S3, ...overrides })).toThrow(message);
  });

  it('never puts a secret into its messages', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    for (const env of [
      { ...S3, ATTACHMENTS_S3_SECRET_ACCESS_KEY: secret },
      { ...S3, ATTACHMENTS_S3_ENDPOINT: `https://AKIA:${secret}@s3.example` },
      { ATTACHMENTS_S3_SECRET_ACCESS_KEY: secret },
    ]) {
      expect(() => attachmentsConfigFromEnv(env)).toThrow();
      expect(() => attachmentsConfigFromEnv(env)).not.toThrow(secret);
    }
  });

  it('refuses S3 settings without the endpoint rather than silently keeping files in the folder', () => {
    expect(() => attachmentsConfigFromEnv({ ATTACHMENTS_S3_BUCKET: 'donthu-attachments' })).toThrow(
      'ATTACHMENTS_S3_BUCKET is set but ATTACHMENTS_S3_ENDPOINT is not: set it to keep attachments in the S3-compatible store, or unset it to keep them in ATTACHMENTS_DIR',
    );
    expect(() => attachmentsConfigFromEnv({ ATTACHMENTS_S3_BUCKET: 'b-1', ATTACHMENTS_S3_REGION: 'eu-west-1' })).toThrow(/^ATTACHMENTS_S3_BUCKET, ATTACHMENTS_S3_REGION are set/);
  });
});
