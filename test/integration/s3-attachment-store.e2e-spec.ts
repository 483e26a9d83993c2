import { createHash, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { PassThrough, Readable } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand, ListMultipartUploadsCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { Test } from '@nestjs/testing';
import type { CaseAttachmentEntity } from '@donthu/persistence';
import type { S3StoreConfig } from '../../apps/api/src/attachments/attachments.config';
import { readVerifiedContent } from '../../apps/api/src/attachments/download-attachment/read-verified-content';
import { ATTACHMENT_STORE, AttachmentContentMissingError, AttachmentKeyExistsError } from '../../apps/api/src/attachments/storage/attachment-store';
import { AttachmentStoreModule } from '../../apps/api/src/attachments/storage/attachment-store.module';
import { S3_PART_SIZE, S3AttachmentStore } from '../../apps/api/src/attachments/storage/s3-attachment-store';
import { AttachmentStorageEngine, type StoredContent } from '../../apps/api/src/attachments/upload-attachment/attachment-storage-engine';
import { MOTO_CREDENTIALS, MOTO_REGION, startMotoServer, type MotoServer } from '../support/moto';
import { minimalPdf } from '../support/sample-files';

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** `data` in chunks of `size` bytes, as a socket delivers an upload. */
function trickle(data: Buffer, size: number): Readable {
  let offset = 0;
  return new Readable({
    read() {
      this.push(offset < data.length ? data.subarray(offset, (offset += size)) : null);
    },
  });
}

function failingAfter(bytes: Buffer, chunk = 64 * 1024): Readable {
  let offset = 0;
  return new Readable({
    read() {
      if (offset < bytes.length) this.push(bytes.subarray(offset, (offset += chunk)));
      else this.destroy(new Error('connection reset'));
    },
  });
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const rowOf = (id: string, content: Buffer) => ({ id, sizeBytes: content.length, sha256: sha256(content) }) as CaseAttachmentEntity;
/** Different bytes in every part, so that a part out of place would show. */
const patterned = (size: number) => Buffer.from(Array.from({ length: size }, (_, i) => (i * 31 + (i >> 12)) & 0xff));

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('S3AttachmentStore on a real S3-compatible server (moto)', () => {
  let moto: MotoServer;
  let bucket: string;
  let store: S3AttachmentStore;
  const stores: S3AttachmentStore[] = [];

  const configFor = (overrides: Partial<S3StoreConfig> = {}): S3StoreConfig => ({
    kind: 's3',
    endpoint: moto.endpoint,
    bucket,
    region: MOTO_REGION,
    credentials: MOTO_CREDENTIALS,
    forcePathStyle: true,
    ...overrides,
  });
  const newStore = (overrides: Partial<S3StoreConfig> = {}) => {
    const created = new S3AttachmentStore(configFor(overrides));
    stores.push(created);
    return created;
  };
  const keysInBucket = async () => ((await moto.client.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map((o) => o.Key).sort();
  const pendingMultipartUploads = async () => (await moto.client.send(new ListMultipartUploadsCommand({ Bucket: bucket }))).Uploads ?? [];
  const objectBytes = async (key: string) => Buffer.from(await (await moto.client.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToByteArray());

  beforeAll(async () => {
    moto = await startMotoServer();
  });

  afterAll(async () => {
    for (const s of stores) s.destroy();
    await moto?.stop();
  });

  beforeEach(async () => {
    bucket = await moto.createBucket();
    store = newStore();
  });

  it('stores content under its id alone and reads it back byte for byte', async () => {
    const key = randomUUID();
    const content = Buffer.from([0, 1, 2, 255, ...Buffer.from('Đơn khiếu nại')]);
    await store.put(key, Readable.from([content.subarray(0, 3), content.subarray(3)]));

    expect(await keysInBucket()).toEqual([key]);
    const head = await moto.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    expect(head).toMatchObject({ ContentLength: content.length, ContentType: 'application/octet-stream' });
    expect(head.Metadata ?? {}).toEqual({});
    expect(await readAll(await store.open(key))).toEqual(content);
  });

  it('streams a file larger than a part as a multipart upload, in order, and leaves no upload open', async () => {
    const key = randomUUID();
    const content = patterned(2 * S3_PART_SIZE + 12_345);
    await store.put(key, trickle(content, 64 * 1024));

    expect(await keysInBucket()).toEqual([key]);
    expect(await pendingMultipartUploads()).toEqual([]);
    const back = await readAll(await store.open(key));
    expect(back.length).toBe(content.length);
    expect(sha256(back)).toBe(sha256(content));
  });

  it('never overwrites a stored object, in a single PUT or a multipart upload', async () => {
    const key = randomUUID();
    await store.put(key, Readable.from([Buffer.from('first')]));

    const again = store.put(key, Readable.from([Buffer.from('second')]));
    await expect(again).rejects.toBeInstanceOf(AttachmentKeyExistsError);
    await expect(again).rejects.toThrow(`content is already stored under attachment key ${key}`);
    await expect(store.put(key, trickle(patterned(S3_PART_SIZE + 1), 256 * 1024))).rejects.toBeInstanceOf(AttachmentKeyExistsError);

    expect((await objectBytes(key)).toString('utf8')).toBe('first');
    expect(await keysInBucket()).toEqual([key]);
    expect(await pendingMultipartUploads()).toEqual([]);
  });

  it('leaves nothing behind when the content stream fails, before or after the first part was sent', async () => {
    const small = randomUUID();
    await expect(store.put(small, failingAfter(Buffer.alloc(1000, 1), 100))).rejects.toThrow('connection reset');
    const large = randomUUID();
    await expect(store.put(large, failingAfter(patterned(S3_PART_SIZE + 300_000)))).rejects.toThrow('connection reset');

    expect(await keysInBucket()).toEqual([]);
    expect(await pendingMultipartUploads()).toEqual([]); // the started multipart upload was aborted
    await expect(store.open(small)).rejects.toBeInstanceOf(AttachmentContentMissingError);
    await expect(store.open(large)).rejects.toBeInstanceOf(AttachmentContentMissingError);
  });

  it('removes, and removing what is not there is not an error', async () => {
    const key = randomUUID();
    await store.put(key, Readable.from([Buffer.from('x')]));
    await store.remove(key);
    await store.remove(key);
    expect(await keysInBucket()).toEqual([]);
    await expect(store.open(key)).rejects.toBeInstanceOf(AttachmentContentMissingError);
  });

  it('refuses any key that is not a generated id, before asking the server', async () => {
    for (const key of ['../../etc/passwd', '..', '', 'ABCDEF00-0000-4000-8000-000000000000', `${randomUUID()}/../x`, 'passwd', '?versionId=1']) {
      await expect(store.put(key, Readable.from([Buffer.from('x')]))).rejects.toThrow(/not an attachment key/);
      await expect(store.open(key)).rejects.toThrow(/not an attachment key/);
      await expect(store.remove(key)).rejects.toThrow(/not an attachment key/);
    }
    expect(await keysInBucket()).toEqual([]);
  });

  it('is read through the same SHA-256 check as the filesystem: a changed, grown or missing object is never served', async () => {
    const pdf = minimalPdf('Don to cao');
    const key = randomUUID();
    await store.put(key, Readable.from([pdf]));
    const row = rowOf(key, pdf);
    expect(await readVerifiedContent(store, row)).toEqual({ ok: true, content: pdf });

    // Someone with access to the bucket changes a byte (the service's own checksums are then consistent again).
    const tampered = Buffer.from(pdf);
    tampered.writeUInt8(tampered.readUInt8(20) ^ 0xff, 20);
    await moto.client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: tampered }));
    expect(await readVerifiedContent(store, row)).toEqual({
      ok: false,
      problem: 'stored content does not match its SHA-256',
      details: { expected: sha256(pdf), actual: sha256(tampered) },
    });

    await moto.client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: Buffer.concat([pdf, Buffer.from('x')]) }));
    expect(await readVerifiedContent(store, row)).toMatchObject({ ok: false, problem: 'stored content is longer than recorded' });

    await store.remove(key);
    await expect(readVerifiedContent(store, row)).rejects.toBeInstanceOf(AttachmentContentMissingError);
  });

  describe('behind the upload engine (type, size and failures checked while streaming)', () => {
    const handle = (engine: AttachmentStorageEngine, stream: Readable) =>
      new Promise<StoredContent>((resolve, reject) =>
        engine._handleFile({}, { fieldname: 'file', originalname: '../../etc/passwd', stream }, (error, info) => (error ? reject(error) : resolve(info!))),
      );

    it('stores an accepted PDF under a fresh id with its checksum, and nothing refused or cut off', async () => {
      const pdf = minimalPdf();
      const info = await handle(new AttachmentStorageEngine(store, 1024 * 1024), trickle(pdf, 100));
      expect(info).toMatchObject({ mediaType: 'application/pdf', size: pdf.length, sha256: sha256(pdf) });
      expect(await keysInBucket()).toEqual([info.attachmentId]);

      await expect(handle(new AttachmentStorageEngine(store, 1024 * 1024), Readable.from([Buffer.from('<html><body>x</body></html>')]))).rejects.toMatchObject({ reason: 'unsupported_type' });
      const big = Buffer.concat([pdf, Buffer.alloc(S3_PART_SIZE + 10_000, 0x20)]);
      await expect(handle(new AttachmentStorageEngine(store, S3_PART_SIZE + 5_000), trickle(big, 64 * 1024))).rejects.toMatchObject({ reason: 'too_large' });
      const source = new PassThrough();
      const aborted = handle(new AttachmentStorageEngine(store, 1024 * 1024), source);
      source.write(pdf);
      setTimeout(() => source.destroy(new Error('Request aborted')), 20);
      await expect(aborted).rejects.toThrow('Request aborted');

      expect(await keysInBucket()).toEqual([info.attachmentId]);
      expect(await pendingMultipartUploads()).toEqual([]);
    });
  });

  describe('at start', () => {
    const saved = { ...process.env };
    afterEach(() => {
      for (const name of Object.keys(process.env)) if (name.startsWith('ATTACHMENTS_')) delete process.env[name];
      Object.assign(process.env, saved);
    });
    const startModule = (env: Record<string, string>) => {
      Object.assign(process.env, env);
      return Test.createTestingModule({ imports: [AttachmentStoreModule] }).compile();
    };

    it('accepts a bucket that exists, and gives the S3 store to the api', async () => {
      await expect(newStore().checkBucket()).resolves.toEqual({ ok: true });
      const module = await startModule({
        ATTACHMENTS_S3_ENDPOINT: moto.endpoint,
        ATTACHMENTS_S3_BUCKET: bucket,
        ATTACHMENTS_S3_ACCESS_KEY_ID: MOTO_CREDENTIALS.accessKeyId,
        ATTACHMENTS_S3_SECRET_ACCESS_KEY: MOTO_CREDENTIALS.secretAccessKey,
      });
      const selected = module.get<S3AttachmentStore>(ATTACHMENT_STORE);
      expect(selected).toBeInstanceOf(S3AttachmentStore);
      expect(selected.bucket).toBe(bucket);
      await module.close();
    });

    it('refuses to start when the bucket does not exist, or the setting is missing', async () => {
      await expect(newStore({ bucket: 'no-such-bucket' }).checkBucket()).rejects.toThrow(
        `the attachment bucket "no-such-bucket" at ATTACHMENTS_S3_ENDPOINT=${moto.endpoint} does not exist: create it (the api does not create buckets) or correct ATTACHMENTS_S3_BUCKET`,
      );
      const keys = { ATTACHMENTS_S3_ACCESS_KEY_ID: MOTO_CREDENTIALS.accessKeyId, ATTACHMENTS_S3_SECRET_ACCESS_KEY: MOTO_CREDENTIALS.secretAccessKey };
      await expect(startModule({ ATTACHMENTS_S3_ENDPOINT: moto.endpoint, ATTACHMENTS_S3_BUCKET: 'no-such-bucket', ...keys })).rejects.toThrow(/does not exist/);
      delete process.env.ATTACHMENTS_S3_BUCKET;
      await expect(startModule({ ATTACHMENTS_S3_ENDPOINT: moto.endpoint, ...keys })).rejects.toThrow('ATTACHMENTS_S3_ENDPOINT is set but ATTACHMENTS_S3_BUCKET is not');
    });

    it('refuses to start without credentials, when neither the settings nor the AWS SDK have any', async () => {
      for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_WEB_IDENTITY_TOKEN_FILE']) delete process.env[name];
      Object.assign(process.env, { AWS_EC2_METADATA_DISABLED: 'true', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent', AWS_CONFIG_FILE: '/nonexistent' });
      try {
        await expect(newStore({ credentials: undefined }).checkBucket()).rejects.toThrow(/^no credentials for the attachment bucket .* set ATTACHMENTS_S3_ACCESS_KEY_ID and ATTACHMENTS_S3_SECRET_ACCESS_KEY/);
      } finally {
        for (const name of ['AWS_EC2_METADATA_DISABLED', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_CONFIG_FILE']) delete process.env[name];
        Object.assign(process.env, saved);
      }
    });

    it('starts, saying so, when the service does not answer (uploads fail until it does)', async () => {
      const port = await closedPort();
      const check = await newStore({ endpoint: `http://127.0.0.1:${port}` }).checkBucket();
      expect(check).toEqual({ ok: false, reason: expect.stringContaining(`bucket "${bucket}" at ATTACHMENTS_S3_ENDPOINT=http://127.0.0.1:${port} did not answer`) });
    });
  });
});
