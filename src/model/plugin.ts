import type { NormalizedRecord } from './record.js';

/** Every plugin: a stable id for config, logs and provenance, and a version stored with its output. */
export interface Plugin {
  readonly id: string;
  readonly version: number;
}

/** A file handed to a parser: its name, the first bytes for sniffing, and a way to read it whole or streamed. */
export interface ReportFile {
  readonly name: string;
  readonly head: Uint8Array;
  text(): Promise<string>;
  stream(): AsyncIterable<Uint8Array>;
}

/** What the user says about a report that the report itself does not (or says wrongly). */
export interface ParseOptions {
  /** uid of the asset the report is about, overriding what it says (`ingest --asset`). */
  subject?: string;
}

/** Reads one report or dump file. No network, no database: records out, or a typed error. */
export interface Parser extends Plugin {
  /** Report type name users pass as --type, e.g. `trivy-json`. */
  readonly type: string;
  /** Cheap sniff on the name and first bytes. */
  accepts(file: { name: string; head: Uint8Array }): boolean;
  /**
   * The report's records. With `options.subject`, the asset the report is about has that uid, and every
   * record that hangs on it (fingerprints included) is computed from it; formats whose items are each on
   * their own asset (cloud findings on ARNs) reject a subject.
   */
  parse(file: ReportFile, options?: ParseOptions): AsyncIterable<NormalizedRecord>;
}

/** Reads a directory laid out by a collector (e.g. an AWS CLI dump): the offline half of a collector. */
export interface DumpReader extends Plugin {
  /** Layout name users pass, e.g. `aws`. */
  readonly layout: string;
  read(dir: string, options: { log: (message: string) => void }): AsyncIterable<NormalizedRecord>;
}
