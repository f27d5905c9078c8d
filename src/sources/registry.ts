import type { DumpReader, Parser } from '../model/plugin.js';
import { awsDump } from './aws/dump-reader.js';
import { trivyJson } from './trivy/parser.js';
import { asffJson } from './asff/parser.js';
import { prowlerCsv } from './prowler-csv/parser.js';
import { prowlerJson } from './prowler-json/parser.js';
import { prowlerOcsfJson } from './prowler-ocsf/parser.js';

/**
 * Every parser and dump reader, listed explicitly: no registration by import side effect. Adding a
 * format is one new module plus one line here. Order does not matter: sniffing must be unambiguous.
 */
export const PARSERS: readonly Parser[] = [trivyJson, prowlerOcsfJson, prowlerJson, prowlerCsv, asffJson];

export const DUMP_READERS: readonly DumpReader[] = [awsDump];
