// Runs anywhere: a page's last change by a person, the one every view calls "updated": bots' commits never count.

/**
 * The newest revision whose author is not a bot (as the engine's bot matcher flagged it); a page only bots ever
 * changed keeps its newest revision, so it still has a date.
 */
export function humanUpdate<R extends { bot?: boolean | undefined }>(history: { revisions?: readonly R[] | undefined; updated: R }): R {
  return history.revisions?.find((r) => !r.bot) ?? history.updated;
}
