/**
 * A document that cannot be read as an RSS 2.0 or Atom feed. The message says why (not XML,
 * truncated, an HTML page, an unknown root element) so a crawl run can record it verbatim.
 */
export class FeedParseError extends Error {
  override readonly name = 'FeedParseError';

  constructor(
    message: string,
    /** The feed URL the document was fetched from. */
    readonly feedUrl: string,
  ) {
    super(`${message} (feed ${feedUrl})`);
  }
}
