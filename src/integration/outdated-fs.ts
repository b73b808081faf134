// Runs in Node at build time: reads, for the pages only bots changed last, the text a person left, to keep a page they marked outdated outdated.
import type { PageHistory } from '../lib/history/types.ts';
import { outdatedBeforeBots } from '../lib/attribution/outdated.ts';
import { blobReader } from './revision-texts-fs.ts';

export async function outdatedBeforeBotsFs(
  commondir: string | undefined,
  pages: readonly { id: string; status?: string | undefined }[],
  histories: Readonly<Record<string, PageHistory>>,
): Promise<string[]> {
  const reader = blobReader(commondir);
  try {
    return await outdatedBeforeBots(pages, histories, reader.text);
  } finally {
    reader.close();
  }
}
