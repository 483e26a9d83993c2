import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { link, mkdir, open, rm, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AttachmentContentMissingError, AttachmentKeyExistsError, assertAttachmentKey, type AttachmentStore } from './attachment-store';

/**
 * Attachments as files under one folder (`ATTACHMENTS_DIR`):
 *
 *     <root>/objects/<first two hex digits of the id>/<id>    stored content, read-only, never rewritten
 *     <root>/incoming/<id>.<random>.partial                   being received
 *
 * A file is written under `incoming/`, flushed to disk, then linked into `objects/` (a link, unlike
 * a rename, fails if the target exists) and the directory entry is flushed too: a crash leaves at
 * worst a `.partial` file, never a half-written object.
 */
export class FilesystemAttachmentStore implements AttachmentStore {
  readonly kind = 'filesystem';
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  pathOf(key: string): string {
    assertAttachmentKey(key);
    return join(this.root, 'objects', key.slice(0, 2), key);
  }

  async put(key: string, content: Readable): Promise<void> {
    const target = this.pathOf(key);
    const incoming = join(this.root, 'incoming');
    const partial = join(incoming, `${key}.${randomBytes(6).toString('hex')}.partial`);
    let linked = false;
    try {
      await mkdir(incoming, { recursive: true, mode: 0o700 });
      await mkdir(dirname(target), { recursive: true, mode: 0o700 });
      await pipeline(content, createWriteStream(partial, { flags: 'wx', mode: 0o400, flush: true }));
      await link(partial, target).catch((error: NodeJS.ErrnoException) => {
        throw error.code === 'EEXIST' ? new AttachmentKeyExistsError(key, { cause: error }) : error;
      });
      linked = true;
      await unlink(partial);
      await syncDirectory(dirname(target));
    } catch (error) {
      content.destroy();
      await rm(partial, { force: true });
      if (linked) await rm(target, { force: true });
      throw error;
    }
  }

  async open(key: string): Promise<Readable> {
    try {
      const handle = await open(this.pathOf(key), 'r');
      return handle.createReadStream();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AttachmentContentMissingError(key);
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
