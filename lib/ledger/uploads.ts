import Dexie, { type Table } from 'dexie';

/**
 * Files the options page hands to the background for an import (issue 12, item 5), through IndexedDB
 * (the page and the background share the extension's origin) instead of the extension's messages: a
 * message carries its data as JSON text, and a ledger file of 100,000 decisions took a minute to travel
 * in parts that way; the page stores the file itself (a Blob, by reference) and sends its id. A database
 * of its own, apart from the ledger's (nothing here is kept: the background takes a file as soon as it is
 * asked to preview it).
 */
export const UPLOADS_DB_NAME = 'scopekeeper-uploads';

/** A file waiting for the background longer than this was left by a page that went away: removed. */
export const UPLOAD_KEEP_MS = 15 * 60_000;

interface UploadRow {
  id: string;
  file: Blob;
  /** When the page stored it (ms since the epoch). */
  at: number;
}

class UploadsDb extends Dexie {
  files!: Table<UploadRow, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ files: 'id, at' });
  }
}

export class Uploads {
  private readonly db: UploadsDb;
  constructor(
    name = UPLOADS_DB_NAME,
    private readonly clock: () => number = () => Date.now(),
  ) {
    this.db = new UploadsDb(name);
  }

  /** The page's side: stores a chosen file; its id for the message that names it. */
  async put(file: Blob): Promise<string> {
    const id = crypto.randomUUID();
    await this.db.files.put({ id, file, at: this.clock() });
    return id;
  }

  /**
   * The background's side: a file's text and its size in bytes (the file's own: counting the UTF-8 of a
   * 75 MB text took half a second on a busy machine), and the file is forgotten (as are any left behind
   * too long); undefined when no such file is waiting.
   */
  async take(id: string): Promise<{ text: string; bytes: number } | undefined> {
    await this.db.files
      .where('at')
      .below(this.clock() - UPLOAD_KEEP_MS)
      .delete();
    globalThis.performance?.mark?.('upload:take');
    const row = await this.db.files.get(id);
    if (!row) return undefined;
    try {
      return { text: await row.file.text(), bytes: row.file.size };
    } finally {
      globalThis.performance?.mark?.('upload:read');
      await this.db.files.delete(id);
    }
  }

  close(): void {
    this.db.close();
  }
}
