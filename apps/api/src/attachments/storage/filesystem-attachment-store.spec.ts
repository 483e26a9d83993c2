import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { AttachmentContentMissingError, AttachmentKeyExistsError } from './attachment-store';
import { FilesystemAttachmentStore } from './filesystem-attachment-store';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function failingAfter(bytes: Buffer): Readable {
  let sent = false;
  return new Readable({
    read() {
      if (!sent) {
        sent = true;
        this.push(bytes);
      } else {
        this.destroy(new Error('connection reset'));
      }
    },
  });
}

describe('FilesystemAttachmentStore', () => {
  let root: string;
  let store: FilesystemAttachmentStore;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'donthu-attachments-'));
    store = new FilesystemAttachmentStore(root);
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('stores content under its id, read-only, and reads it back byte for byte', async () => {
    const key = randomUUID();
    const content = Buffer.from([0, 1, 2, 255, ...Buffer.from('Đơn khiếu nại')]);
    await store.put(key, Readable.from([content.subarray(0, 3), content.subarray(3)]));

    expect(await filesUnder(root)).toEqual([join(root, 'objects', key.slice(0, 2), key)]);
    expect((await stat(store.pathOf(key))).mode & 0o777).toBe(0o400);
    expect(await readAll(await store.open(key))).toEqual(content);
  });

  it('never overwrites stored content', async () => {
    const key = randomUUID();
    await store.put(key, Readable.from([Buffer.from('first')]));
    const again = store.put(key, Readable.from([Buffer.from('second')]));
    await expect(again).rejects.toBeInstanceOf(AttachmentKeyExistsError);
    await expect(again).rejects.toMatchObject({ cause: { code: 'EEXIST' } });
    expect(await readFile(store.pathOf(key), 'utf8')).toBe('first');
    expect(await filesUnder(root)).toHaveLength(1);
  });

  it('leaves nothing behind when the content stream fails half-way', async () => {
    const key = randomUUID();
    await expect(store.put(key, failingAfter(Buffer.alloc(1000, 1)))).rejects.toThrow('connection reset');
    expect(await filesUnder(root)).toEqual([]);
    await expect(store.open(key)).rejects.toBeInstanceOf(AttachmentContentMissingError);
  });

  it('removes, and removing what is not there is not an error', async () => {
    const key = randomUUID();
    await store.put(key, Readable.from([Buffer.from('x')]));
    await store.remove(key);
    await store.remove(key);
    expect(await filesUnder(root)).toEqual([]);
  });

  it('refuses any key that is not a generated id, so that no key can name a path', async () => {
    for (const key of ['../../etc/passwd', '..', '', 'ABCDEF00-0000-4000-8000-000000000000', `${randomUUID()}/../x`, 'passwd']) {
      expect(() => store.pathOf(key)).toThrow(/not an attachment key/);
      await expect(store.put(key, Readable.from([Buffer.from('x')]))).rejects.toThrow(/not an attachment key/);
      await expect(store.open(key)).rejects.toThrow(/not an attachment key/);
      await expect(store.remove(key)).rejects.toThrow(/not an attachment key/);
    }
    expect(await filesUnder(root)).toEqual([]);
  });
});
