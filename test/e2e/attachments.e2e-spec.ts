import { createHash } from 'node:crypto';
import { chmod, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Logger } from '@nestjs/common';
import { AuditEventEntity, CaseAttachmentEntity, CaseEntity, verifyAuditChain } from '@donthu/persistence';
import { apiAs, type Api } from '../support/http';
import { binary, multipart, sha256, type Part } from '../support/multipart';
import { minimalPdf, minimalPng } from '../support/sample-files';
import { startStack, type Stack } from '../support/stack';
import { startTemporalDevServer, type TestWorkflowEnvironment } from '../support/temporal-environment';

const AGENCY = 'UBND-PHUONG-HK';
const OTHER_AGENCY = 'UBND-PHUONG-HC';
const MAX_BYTES = 16 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('attachments: scans and evidence, checked by content, stored outside the rows, checksummed', () => {
  let temporal: TestWorkflowEnvironment;
  let stack: Stack;
  let dir: string;
  let head: Api;
  let otherAgency: Api;
  let inspector: Api;
  let caseCode: string;
  let caseId: string;
  const saved = { dir: process.env.ATTACHMENTS_DIR, max: process.env.ATTACHMENT_MAX_BYTES };

  const url = (suffix = '') => `/api/v1/cases/${caseCode}/attachments${suffix}`;
  const upload = (api: Api, parts: Part[]) => {
    const { body, contentType } = multipart(parts);
    return api.post(url()).set('Content-Type', contentType).send(body);
  };
  const fileOf = (data: Buffer, filename: string, contentType = 'application/octet-stream'): Part => ({ name: 'file', filename, contentType, data });
  const storedFiles = async () =>
    (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
  const rowCount = () => stack.dataSource.getRepository(CaseAttachmentEntity).countBy({ caseId });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'donthu-e2e-attachments-'));
    process.env.ATTACHMENTS_DIR = dir;
    process.env.ATTACHMENT_MAX_BYTES = String(MAX_BYTES);
    temporal = await startTemporalDevServer();
    stack = await startStack(temporal);
    const server = stack.api.getHttpServer();
    head = await apiAs(server, 'agency_head', AGENCY);
    otherAgency = await apiAs(server, 'agency_head', OTHER_AGENCY);
    inspector = await apiAs(server, 'inspector', 'TTR-HN');
    const registered = await head
      .post('/api/v1/cases')
      .send({ kind: 'complaint', agencyCode: AGENCY, channel: 'post', receivedOn: '2026-11-20', subject: 'Khiếu nại có đơn quét', content: 'Kèm bản quét đơn và ảnh hiện trường', petitioner: { fullName: 'Trần Thị Mai' } })
      .expect(201);
    caseCode = registered.body.code;
    caseId = (await stack.dataSource.getRepository(CaseEntity).findOneByOrFail({ code: caseCode })).id;
  });

  afterAll(async () => {
    await stack?.close();
    await temporal?.teardown();
    process.env.ATTACHMENTS_DIR = saved.dir;
    process.env.ATTACHMENT_MAX_BYTES = saved.max;
    if (saved.dir === undefined) delete process.env.ATTACHMENTS_DIR;
    if (saved.max === undefined) delete process.env.ATTACHMENT_MAX_BYTES;
    await rm(dir, { recursive: true, force: true });
  });

  const pdf = minimalPdf('Don khieu nai - ban quet');
  const png = minimalPng(40, 20);
  let pdfId: string;
  let pngId: string;

  it('uploads a PDF and a PNG, lists them, and downloads each byte-identical with its checksum', async () => {
    const first = await upload(head, [fileOf(pdf, 'Đơn khiếu nại - bản quét.pdf', 'application/pdf'), { name: 'description', data: 'Bản quét đơn gốc, 1 trang' }]).expect(201);
    expect(first.body).toEqual({
      id: expect.stringMatching(UUID),
      fileName: 'Đơn khiếu nại - bản quét.pdf',
      mediaType: 'application/pdf',
      sizeBytes: pdf.length,
      sha256: sha256(pdf),
      uploadedAt: expect.any(String),
      uploadedBy: expect.any(String),
      description: 'Bản quét đơn gốc, 1 trang',
    });
    pdfId = first.body.id;

    // The client's type says nothing; the bytes say PNG.
    const second = await upload(head, [fileOf(png, 'anh-hien-truong.bin', 'text/html')]).expect(201);
    expect(second.body).toMatchObject({ mediaType: 'image/png', sizeBytes: png.length, sha256: sha256(png), description: null });
    pngId = second.body.id;

    const list = await head.get(url()).expect(200);
    expect(list.body.map((a: { id: string }) => a.id)).toEqual([pdfId, pngId]);
    expect(list.body[0]).toEqual(first.body);

    const pdfDownload = await head.get(url(`/${pdfId}`)).buffer(true).parse(binary).expect(200);
    expect(Buffer.compare(pdfDownload.body as Buffer, pdf)).toBe(0);
    expect(sha256(pdfDownload.body as Buffer)).toBe(first.body.sha256);
    expect(pdfDownload.headers['content-type']).toBe('application/pdf');
    expect(pdfDownload.headers['content-length']).toBe(String(pdf.length));
    expect(pdfDownload.headers['x-content-type-options']).toBe('nosniff');
    expect(pdfDownload.headers['content-disposition']).toBe(
      `attachment; filename="Don khieu nai - ban quet.pdf"; filename*=UTF-8''${encodeURIComponent('Đơn khiếu nại - bản quét.pdf')}`,
    );
    expect(pdfDownload.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(pdfDownload.headers['cache-control']).toBe('private, no-store');
    expect(pdfDownload.headers['repr-digest']).toBe(`sha-256=:${createHash('sha256').update(pdf).digest('base64')}:`);

    const pngDownload = await head.get(url(`/${pngId}`)).buffer(true).parse(binary).expect(200);
    expect(Buffer.compare(pngDownload.body as Buffer, png)).toBe(0);
    expect(pngDownload.headers['content-type']).toBe('image/png');
    // Saved under a name that says what it is.
    expect(pngDownload.headers['content-disposition']).toMatch(/^attachment; filename="anh-hien-truong\.bin\.png"/);

    // Outside the rows, each under its generated id: no client name on disk.
    expect((await storedFiles()).sort()).toEqual([join('objects', pdfId.slice(0, 2), pdfId), join('objects', pngId.slice(0, 2), pngId)].sort());
  });

  it('judges the type by the content: an HTML page or an executable named .pdf is 415, and nothing is kept', async () => {
    const before = { rows: await rowCount(), files: await storedFiles() };
    const html = Buffer.from('<!DOCTYPE html><html><body><script>document.location="https://evil.example"</script></body></html>');
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'), Buffer.alloc(512, 0x41)]);

    for (const [data, name] of [
      [html, 'don-khieu-nai.pdf'],
      [exe, 'ban-quet.pdf'],
    ] as const) {
      const res = await upload(head, [fileOf(data, name, 'application/pdf')]).expect(415);
      expect(res.body).toMatchObject({ statusCode: 415, error: 'Unsupported Media Type', errors: [{ field: 'file', reason: expect.stringContaining('PDF, JPEG, PNG') }] });
    }
    expect({ rows: await rowCount(), files: await storedFiles() }).toEqual(before);
  });

  it('refuses an empty file and a request without a file (400, field file)', async () => {
    const before = { rows: await rowCount(), files: await storedFiles() };
    const empty = await upload(head, [fileOf(Buffer.alloc(0), 'empty.pdf')]).expect(400);
    expect(empty.body.errors).toEqual([{ field: 'file', reason: 'is empty' }]);
    const none = await upload(head, [{ name: 'description', data: 'quên đính kèm' }]).expect(400);
    expect(none.body.errors).toEqual([{ field: 'file', reason: expect.stringContaining('is required') }]);
    const json = await head.post(url()).send({ description: 'không phải multipart' }).expect(400);
    expect(json.body.errors).toEqual([{ field: 'file', reason: expect.stringContaining('is required') }]);
    expect({ rows: await rowCount(), files: await storedFiles() }).toEqual(before);
  });

  it('cuts off a file over ATTACHMENT_MAX_BYTES (413) and leaves no row and no file, not even a partial one', async () => {
    const before = { rows: await rowCount(), files: await storedFiles() };
    const justOver = Buffer.concat([pdf, Buffer.alloc(MAX_BYTES + 1 - pdf.length, 0x20)]);
    const res = await upload(head, [fileOf(justOver, 'to.pdf', 'application/pdf')]).expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, errors: [{ field: 'file', reason: `must be at most ${MAX_BYTES} bytes` }] });
    await upload(head, [fileOf(Buffer.concat([pdf, Buffer.alloc(2 * 1024 * 1024, 0x20)]), 'rat-to.pdf')]).expect(413);
    expect({ rows: await rowCount(), files: await storedFiles() }).toEqual(before);

    const exactly = Buffer.concat([pdf, Buffer.alloc(MAX_BYTES - pdf.length, 0x20)]);
    const accepted = await upload(head, [fileOf(exactly, 'vua-du.pdf')]).expect(201);
    expect(accepted.body.sizeBytes).toBe(MAX_BYTES);
  });

  it('keeps a file name with a path in it as harmless metadata', async () => {
    const res = await upload(head, [fileOf(pdf, '../../etc/passwd')]).expect(201);
    expect(res.body.fileName).toBe('passwd');
    const windows = await upload(head, [fileOf(png, '..\\..\\Windows\\win.ini')]).expect(201);
    expect(windows.body.fileName).toBe('win.ini');

    const files = await storedFiles();
    expect(files.every((f) => /^objects\/[0-9a-f]{2}\/[0-9a-f-]{36}$/.test(f))).toBe(true);
    expect(files).toContain(join('objects', res.body.id.slice(0, 2), res.body.id));
    const download = await head.get(url(`/${res.body.id}`)).buffer(true).parse(binary).expect(200);
    expect(download.headers['content-disposition']).toBe(`attachment; filename="passwd.pdf"; filename*=UTF-8''passwd.pdf`);
  });

  it('removes the stored file when the request fails after storing it (bad field, database failure)', async () => {
    const before = { rows: await rowCount(), files: await storedFiles() };
    // The file part comes first, so it is stored before the other fields are validated.
    const unknown = await upload(head, [fileOf(pdf, 'a.pdf'), { name: 'status', data: 'closed' }]).expect(400);
    expect(unknown.body.errors).toEqual([{ field: 'status', reason: 'property status should not exist' }]);
    const long = await upload(head, [fileOf(pdf, 'a.pdf'), { name: 'description', data: 'ữ'.repeat(1001) }]).expect(400);
    expect(long.body.errors).toEqual([{ field: 'description', reason: expect.stringContaining('1000') }]);

    const twoFiles = await upload(head, [fileOf(pdf, 'a.pdf'), fileOf(png, 'b.png')]).expect(400);
    expect(twoFiles.body.errors).toEqual([{ field: 'body', reason: expect.stringMatching(/too many files/i) }]);

    await stack.dataSource.query(`CREATE FUNCTION refuse_attachment() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk quota of the database'; END $$`);
    await stack.dataSource.query(`CREATE TRIGGER refuse_attachment BEFORE INSERT ON case_attachments FOR EACH ROW EXECUTE FUNCTION refuse_attachment()`);
    try {
      const failed = await upload(head, [fileOf(pdf, 'a.pdf')]).expect(500);
      expect(failed.body).toMatchObject({ statusCode: 500, message: 'Internal server error' });
    } finally {
      await stack.dataSource.query(`DROP TRIGGER refuse_attachment ON case_attachments; DROP FUNCTION refuse_attachment()`);
    }
    expect({ rows: await rowCount(), files: await storedFiles() }).toEqual(before);
  });

  it('answers another agency as if the case did not exist (404), and refuses a role without upload permission (403)', async () => {
    const before = { rows: await rowCount(), files: await storedFiles() };
    for (const res of [
      await upload(otherAgency, [fileOf(pdf, 'x.pdf')]),
      await otherAgency.get(url()),
      await otherAgency.get(url(`/${pdfId}`)),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.errors).toEqual([{ field: 'code', reason: 'no case with this code' }]);
      expect(JSON.stringify(res.body)).not.toContain(pdfId);
    }

    const refused = await upload(inspector, [fileOf(pdf, 'x.pdf')]).expect(403);
    expect(refused.body.message).toBe('Role inspector may not upload_attachment');
    // The inspectorate reads what the agency attached.
    expect((await inspector.get(url()).expect(200)).body.map((a: { id: string }) => a.id)).toContain(pdfId);
    const read = await inspector.get(url(`/${pdfId}`)).buffer(true).parse(binary).expect(200);
    expect(Buffer.compare(read.body as Buffer, pdf)).toBe(0);

    await head.get(url('/00000000-0000-4000-8000-000000000000')).expect(404);
    expect((await head.get(url('/not-an-id')).expect(400)).body.errors).toEqual([{ field: 'id', reason: 'must be an attachment id (UUID)' }]);
    expect({ rows: await rowCount(), files: await storedFiles() }).toEqual(before);
  });

  it('records every upload on the attachment audit stream: the facts of the file, never its content', async () => {
    const rows = await stack.dataSource.getRepository(CaseAttachmentEntity).find({ where: { caseId }, order: { uploadedAt: 'ASC', id: 'ASC' } });
    const events = await stack.dataSource.getRepository(AuditEventEntity).find({ where: { streamType: 'attachment', streamId: caseId }, order: { sequence: 'ASC' } });
    expect(events).toHaveLength(rows.length);
    expect(verifyAuditChain(events)).toEqual({ valid: true, length: rows.length });
    const first = events.find((e) => e.payload.attachmentId === pdfId)!;
    expect(first).toMatchObject({
      type: 'attachment.uploaded',
      actor: rows.find((r) => r.id === pdfId)!.uploadedBy,
      payload: { caseCode, attachmentId: pdfId, fileName: 'Đơn khiếu nại - bản quét.pdf', mediaType: 'application/pdf', sizeBytes: pdf.length, sha256: sha256(pdf), role: 'agency_head' },
    });
    const all = JSON.stringify(events.map((e) => e.payload));
    expect(all).not.toContain('%PDF');
    expect(all).not.toContain('Bản quét đơn gốc'); // descriptions may name people: not in the append-only trail
  });

  it('never serves content that no longer matches its checksum (500, logged), nor a missing one', async () => {
    const path = join(dir, 'objects', pngId.slice(0, 2), pngId);
    await chmod(path, 0o600);
    const tampered = Buffer.from(png);
    tampered.writeUInt8(tampered.readUInt8(tampered.length - 5) ^ 0xff, tampered.length - 5);
    await writeFile(path, tampered);
    const logged = jest.spyOn(Logger.prototype, 'error');
    const res = await head.get(url(`/${pngId}`)).buffer(true).parse(binary).expect(500);
    expect(logged).toHaveBeenCalledWith(
      expect.objectContaining({ attachmentId: pngId, caseId, problem: 'stored content does not match its SHA-256', expected: sha256(png), actual: sha256(tampered) }),
      'attachment not served: its stored content is damaged',
    );
    logged.mockRestore();
    expect(JSON.parse((res.body as Buffer).toString('utf8'))).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'The stored attachment is missing or damaged: it is not served', requestId: expect.any(String) });
    expect(res.headers['content-disposition']).toBeUndefined();

    await writeFile(path, Buffer.concat([png, Buffer.from('x')]));
    await head.get(url(`/${pngId}`)).expect(500);
    await rm(path);
    await head.get(url(`/${pngId}`)).expect(500);
    // The others are untouched.
    await head.get(url(`/${pdfId}`)).expect(200);
  });
});
