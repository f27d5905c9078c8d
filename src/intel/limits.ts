/**
 * Bounds on what one import may read, so a hostile or broken feed (a zip bomb, a gzip stream that never
 * ends, a line without a newline) fails with an error naming the file instead of exhausting memory.
 * The defaults sit well above real feeds: OSV's largest records are a few MB, its all.zip holds some
 * hundreds of thousands of records, and the EPSS daily CSV is about 300,000 short lines.
 */
export interface IntelLimits {
  /** Largest JSON document read whole: an OSV record (file or zip entry) or the KEV catalog. */
  maxDocumentBytes: number;
  /** Most bytes a zip's entries or a gzip stream may expand to, all together. */
  maxExpandedBytes: number;
  /** Most records (zip entries, files of a directory, CSV rows) in one import. */
  maxRecords: number;
  /** Longest CSV line. */
  maxLineBytes: number;
}

export const DEFAULT_LIMITS: IntelLimits = {
  maxDocumentBytes: 64 << 20,
  maxExpandedBytes: 32 * 2 ** 30,
  maxRecords: 20_000_000,
  maxLineBytes: 64 << 10,
};
