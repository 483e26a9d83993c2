import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { Logger } from '@nestjs/common';
import { CaseAttachmentEntity, CaseEntity } from '@donthu/persistence';
import { ATTACHMENT_STORE } from '../../apps/api/src/attachments/storage/attachment-store';
import { S3AttachmentStore } from '../../apps/api/src/attachments/storage/s3-attachment-store';
import { apiAs, type Api } from '../support/http';
import { MOTO_CREDENTIALS, startMotoServer, type MotoServer } from '../support/moto';
import { binary, multipart, sha256 } from '../support/multipart';
import { minimalPdf, minimalPng } from '../support/sample-files';
import { startStack, type Stack } from '../support/stack';
import { startTemporalDevServer, type TestWorkflowEnvironment } from '../support/temporal-environment';

const AGENCY = 'UBND-PHUONG-HK';
const S3_VARIABLES = ['ATTACHMENTS_DIR', 'ATTACHMENTS_S3_ENDPOINT', 'ATTACHMENTS_S3_BUCKET', 'ATTACHMENTS_S3_REGION', 'ATTACHMENTS_S3_ACCESS_KEY_ID', 'ATTACHMENTS_S3_SECRET_ACCESS_KEY', 'ATTACHMENTS_S3_FORCE_PATH_STYLE'];

describe('attachments in an S3-compatible store (ATTACHMENTS_S3_*, against moto)', () => {
  let moto: MotoServer;
  let bucket: string;
  let temporal: TestWorkflowEnvironment;
  let stack: Stack;
  let dir: string;
  let head: Api;
  let caseCode: string;
  let caseId: string;
  const saved = Object.fromEntries(S3_VARIABLES.map((name) => [name, process.env[name]]));

  const url = (suffix = '') => `/api/v1/cases/${caseCode}/attachments${suffix}`;
  const upload = (data: Buffer, filename: string, fields: Record<string, string> = {}) => {
    const { body, contentType } = multipart([
      { name: 'file', filename, contentType: 'application/octet-stream', data },
      ...Object.entries(fields).map(([name, value]) => ({ name, data: value })),
    ]);
    return head.post(url()).set('Content-Type', contentType).send(body);
  };
  const keysInBucket = async () => ((await moto.client.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map((o) => o.Key!).sort();
  const rowIds = async () => (await stack.dataSource.getRepository(CaseAttachmentEntity).findBy({ caseId })).map((r) => r.id).sort();

  beforeAll(async () => {
    moto = await startMotoServer();
    bucket = await moto.createBucket();
    // A folder that must stay empty: with the S3 store selected nothing goes to disk.
    dir = await mkdtemp(join(tmpdir(), 'donthu-e2e-attachments-s3-'));
    Object.assign(process.env, {
      ATTACHMENTS_DIR: dir,
      ATTACHMENTS_S3_ENDPOINT: moto.endpoint,
      ATTACHMENTS_S3_BUCKET: bucket,
      ATTACHMENTS_S3_ACCESS_KEY_ID: MOTO_CREDENTIALS.accessKeyId,
      ATTACHMENTS_S3_SECRET_ACCESS_KEY: MOTO_CREDENTIALS.secretAccessKey,
    });
    temporal = await startTemporalDevServer();
    stack = await startStack(temporal);
    head = await apiAs(stack.api.getHttpServer(), 'agency_head', AGENCY);
    const registered = await head
      .post('/api/v1/cases')
      .send({ kind: 'complaint', agencyCode: AGENCY, channel: 'post', receivedOn: '2026-11-20', subject: 'Khiếu nại có đơn quét', content: 'Kèm bản quét đơn', petitioner: { fullName: 'Lê Văn Bình' } })
      .expect(201);
    caseCode = registered.body.code;
    caseId = (await stack.dataSource.getRepository(CaseEntity).findOneByOrFail({ code: caseCode })).id;
  });

  afterAll(async () => {
    await stack?.close();
    await temporal?.teardown();
    await moto?.stop();
    for (const name of S3_VARIABLES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    await rm(dir, { recursive: true, force: true });
  });

  const pdf = minimalPdf('Don khieu nai - S3');
  let pdfId: string;

  it('uploads a PDF into the bucket under its generated id and downloads it byte-identical, checked', async () => {
    expect(stack.api.get(ATTACHMENT_STORE)).toBeInstanceOf(S3AttachmentStore);
    const created = await upload(pdf, 'Đơn khiếu nại - bản quét.pdf', { description: 'Bản quét đơn gốc' }).expect(201);
    expect(created.body).toMatchObject({ fileName: 'Đơn khiếu nại - bản quét.pdf', mediaType: 'application/pdf', sizeBytes: pdf.length, sha256: sha256(pdf) });
    pdfId = created.body.id;

    // In the bucket under the id alone; no client name or type goes along; nothing on disk.
    expect(await keysInBucket()).toEqual([pdfId]);
    const object = await moto.client.send(new HeadObjectCommand({ Bucket: bucket, Key: pdfId }));
    expect(object).toMatchObject({ ContentLength: pdf.length, ContentType: 'application/octet-stream' });
    expect(JSON.stringify(object)).not.toContain('khi');
    expect(await readdir(dir, { recursive: true })).toEqual([]);

    const download = await head.get(url(`/${pdfId}`)).buffer(true).parse(binary).expect(200);
    expect(Buffer.compare(download.body as Buffer, pdf)).toBe(0);
    expect(download.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': String(pdf.length),
      'content-disposition': `attachment; filename="Don khieu nai - ban quet.pdf"; filename*=UTF-8''${encodeURIComponent('Đơn khiếu nại - bản quét.pdf')}`,
      'repr-digest': `sha-256=:${createHash('sha256').update(pdf).digest('base64')}:`,
    });
  });

  it('keeps no object for a refused upload, nor for one whose request fails after the file was stored', async () => {
    const before = await keysInBucket();
    await upload(Buffer.from('<!DOCTYPE html><html><body>x</body></html>'), 'don.pdf').expect(415);
    // The file part comes first, so it is in the bucket before the unknown field is refused.
    await upload(minimalPng(8, 8), 'anh.png', { status: 'closed' }).expect(400);
    expect(await keysInBucket()).toEqual(before);
    expect(await rowIds()).toEqual(before);
  });

  it('never serves an object changed in the bucket (500, logged), nor a missing one', async () => {
    const tampered = Buffer.from(pdf);
    tampered.writeUInt8(tampered.readUInt8(tampered.length - 10) ^ 0xff, tampered.length - 10);
    await moto.client.send(new PutObjectCommand({ Bucket: bucket, Key: pdfId, Body: tampered }));
    const logged = jest.spyOn(Logger.prototype, 'error');
    const res = await head.get(url(`/${pdfId}`)).buffer(true).parse(binary).expect(500);
    expect(logged).toHaveBeenCalledWith(
      expect.objectContaining({ attachmentId: pdfId, caseId, store: 's3', problem: 'stored content does not match its SHA-256', expected: sha256(pdf), actual: sha256(tampered) }),
      'attachment not served: its stored content is damaged',
    );
    logged.mockRestore();
    expect(JSON.parse((res.body as Buffer).toString('utf8'))).toMatchObject({ statusCode: 500, message: 'The stored attachment is missing or damaged: it is not served' });
    expect(res.headers['content-disposition']).toBeUndefined();

    await moto.client.send(new DeleteObjectCommand({ Bucket: bucket, Key: pdfId }));
    await head.get(url(`/${pdfId}`)).expect(500);

    // Put back as it was, it is served again: the row is the reference.
    await moto.client.send(new PutObjectCommand({ Bucket: bucket, Key: pdfId, Body: pdf }));
    const again = await head.get(url(`/${pdfId}`)).buffer(true).parse(binary).expect(200);
    expect(Buffer.compare(again.body as Buffer, pdf)).toBe(0);
    const stored = await moto.client.send(new GetObjectCommand({ Bucket: bucket, Key: pdfId }));
    expect(sha256(Buffer.from(await stored.Body!.transformToByteArray()))).toBe(sha256(pdf));
  });
});
