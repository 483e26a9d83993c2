import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { minimalPdf } from '../../../../../test/support/sample-files';
import { RefusedContentError } from '../content/inspecting-stream';
import { AttachmentKeyExistsError, type AttachmentStore } from '../storage/attachment-store';
import { FilesystemAttachmentStore } from '../storage/filesystem-attachment-store';
import { AttachmentStorageEngine, type StoredContent } from './attachment-storage-engine';

function handle(engine: AttachmentStorageEngine, stream: Readable): Promise<StoredContent> {
  return new Promise((resolve, reject) =>
    engine._handleFile({}, { fieldname: 'file', originalname: 'x.pdf', stream }, (error, info) => (error ? reject(error) : resolve(info!))),
  );
}

/** Sends `content` one small chunk at a time, as a slow client would. */
function trickle(content: Buffer, chunkSize = 7): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0; i < content.length; i += chunkSize) chunks.push(content.subarray(i, i + chunkSize));
  return Readable.from(chunks);
}

describe('AttachmentStorageEngine (multer storage engine)', () => {
  let root: string;
  let store: FilesystemAttachmentStore;

  const storedFiles = async () => (await readdir(root, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'donthu-engine-'));
    store = new FilesystemAttachmentStore(root);
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('streams a PDF into the store, detecting its type and hashing it on the way', async () => {
    const pdf = minimalPdf('Bản quét đơn');
    const info = await handle(new AttachmentStorageEngine(store, 1024 * 1024), trickle(pdf));
    expect(info).toEqual({
      attachmentId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      mediaType: 'application/pdf',
      size: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
    });
    const chunks: Buffer[] = [];
    for await (const chunk of await store.open(info.attachmentId)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks)).toEqual(pdf);
  });

  it('refuses content of another type and stores nothing', async () => {
    const html = Buffer.from(`<html><body>${'x'.repeat(5000)}</body></html>`);
    await expect(handle(new AttachmentStorageEngine(store, 1024 * 1024), trickle(html, 64))).rejects.toMatchObject({ reason: 'unsupported_type' });
    expect(await storedFiles()).toEqual([]);
  });

  it('refuses a file shorter than a signature that is not one', async () => {
    await expect(handle(new AttachmentStorageEngine(store, 1024), Readable.from([Buffer.from('MZ')]))).rejects.toMatchObject({ reason: 'unsupported_type' });
    expect(await storedFiles()).toEqual([]);
  });

  it('refuses an empty file and stores nothing', async () => {
    await expect(handle(new AttachmentStorageEngine(store, 1024), Readable.from([]))).rejects.toMatchObject({ reason: 'empty' });
    expect(await storedFiles()).toEqual([]);
  });

  it('cuts off a file larger than the limit and stores nothing', async () => {
    const big = Buffer.concat([minimalPdf(), Buffer.alloc(10_000, 0x20)]);
    const error: unknown = await handle(new AttachmentStorageEngine(store, 4096), trickle(big, 512)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefusedContentError);
    expect(error).toMatchObject({ reason: 'too_large' });
    expect(await storedFiles()).toEqual([]);
  });

  it('stores nothing when the upload breaks off (client gone)', async () => {
    const source = new PassThrough();
    const result = handle(new AttachmentStorageEngine(store, 1024 * 1024), source);
    source.write(minimalPdf());
    setTimeout(() => source.destroy(new Error('Request aborted')), 20);
    await expect(result).rejects.toThrow('Request aborted');
    expect(await storedFiles()).toEqual([]);
  });

  it('stores nothing when multer reports the size limit (busboy truncates the part)', async () => {
    const source = new PassThrough();
    const result = handle(new AttachmentStorageEngine(store, 1024 * 1024), source);
    source.write(minimalPdf());
    setTimeout(() => {
      source.emit('limit');
      source.end();
    }, 20);
    await expect(result).rejects.toThrow();
    expect(await storedFiles()).toEqual([]);
  });

  it('never removes content that was already under the key (the store refused to overwrite it)', async () => {
    const remove = jest.fn(() => Promise.resolve());
    const taken: AttachmentStore = {
      kind: 'taken',
      put: (key, content) => {
        content.resume();
        return Promise.reject(new AttachmentKeyExistsError(key));
      },
      open: () => Promise.reject(new Error('not used')),
      remove,
    };
    await expect(handle(new AttachmentStorageEngine(taken, 1024 * 1024), Readable.from([minimalPdf()]))).rejects.toBeInstanceOf(AttachmentKeyExistsError);
    expect(remove).not.toHaveBeenCalled();
  });

  it('removes a stored file when multer asks (the request failed after it)', async () => {
    const engine = new AttachmentStorageEngine(store, 1024 * 1024);
    const info = await handle(engine, Readable.from([minimalPdf()]));
    await new Promise<void>((resolve, reject) => engine._removeFile({}, info, (error) => (error ? reject(error) : resolve())));
    expect(await storedFiles()).toEqual([]);
  });
});
