import { Readable } from 'node:stream';
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../store/db.js';
import { MothershipError } from '../../model/errors.js';
import { allFindings, findingDetail, findingsPage, type FindingPageFilter } from '../../store/queries/findings-page.js';
import type { FindingRow } from '../../store/queries/findings.js';
import { requestScope } from '../auth/scope.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { csvLine } from './csv-cells.js';
import { errorSchema, findingItem, guardedErrors, listOf, pageQuery } from './api-schemas.js';
import { Type } from './json-schema.js';
import { ReadCache } from '../read-cache.js';
import type { TenantScope } from '../../store/queries/tenant-scope.js';

/** Columns of the CSV export: the findings JSON contract, in its order. */
export const FINDING_CSV_COLUMNS = ['id', 'fingerprint', 'kind', 'rule_id', 'advisory_id', 'title', 'severity', 'risk_score', 'status', 'triage',
  'asset_uid', 'package_purl', 'owner', 'evidence', 'sources', 'unverified', 'first_seen', 'last_seen', 'resolved_at', 'epss', 'kev', 'spread'] as const;

const filterQuery = {
  kind: { type: 'string', maxLength: 64 },
  severity: { type: 'string', maxLength: 64, description: 'comma-separated: critical,high,medium,low,info' },
  status: { type: 'string', enum: ['open', 'resolved', 'all'], default: 'open' },
  owner: { type: 'string', maxLength: 512 },
  rule: { type: 'string', maxLength: 512 },
  advisory: { type: 'string', maxLength: 512 },
  kev: { type: 'boolean', description: 'true: only findings whose CVE is in CISA KEV' },
  asset: { type: 'string', maxLength: 4096 },
  risk_min: { type: 'number', minimum: 0, maximum: 100 },
} as const;

interface FilterQuery { kind?: string; severity?: string; status?: string; owner?: string; rule?: string; advisory?: string; kev?: boolean; asset?: string; risk_min?: number }

function toFilter(q: FilterQuery): FindingPageFilter {
  return { kind: q.kind, severity: q.severity, status: q.status, owner: q.owner, rule: q.rule, advisory: q.advisory,
    kev: q.kev === true, asset: q.asset, riskMin: q.risk_min };
}

interface FindingListPage { items: FindingRow[]; next_cursor: string | null }

/**
 * Pages shared by identical requests (ReadCache: one query in flight per key, nothing read before a write
 * served after it). The key starts with the caller's tenant scope, so two principals share a page only when
 * they see exactly the same owners. Writes of other processes (PostgreSQL shared with a CLI) show within
 * PAGE_CACHE_TTL_MS. Large pages (exports, scripts) are not kept: memory stays bounded at
 * PAGE_CACHE_ENTRIES x PAGE_CACHE_MAX_LIMIT items.
 */
export const PAGE_CACHE_TTL_MS = 2_000;
const PAGE_CACHE_ENTRIES = 256;
const PAGE_CACHE_MAX_LIMIT = 100;
const pageCache = new ReadCache<string>({ ttlMs: PAGE_CACHE_TTL_MS, maxEntries: PAGE_CACHE_ENTRIES });

/** Everything a findings page depends on besides the data: scope, filters in a fixed order, cursor, size. */
function pageKey(scope: TenantScope, f: FindingPageFilter, cursor: string | null, limit: number): string {
  return JSON.stringify([scope.owners === null ? null : [...scope.owners].sort(),
    f.kind ?? null, f.severity ?? null, f.status ?? null, f.owner ?? null, f.rule ?? null, f.advisory ?? null,
    f.kev ?? false, f.asset ?? null, f.riskMin ?? null, cursor, limit]);
}

const FindingCursor = z.object({ risk: z.number().nullable(), sev: z.number().int().min(0).max(4), id: z.number().int() }).strict();

export function registerFindingRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Querystring: FilterQuery & { cursor?: string; limit: number } }>('/api/v1/findings', {
    config: { policy: 'read' },
    schema: {
      summary: 'Findings, most urgent first (risk, severity, id), with keyset pagination',
      tags: ['findings'],
      querystring: { type: 'object', properties: { ...filterQuery, ...pageQuery }, additionalProperties: false },
      response: { 200: listOf(findingItem), ...guardedErrors },
    },
  }, async (req, reply) => {
    const scope = await requestScope(db, req);
    const filter = toFilter(req.query);
    const cursor = decodeCursor(req.query.cursor, FindingCursor);
    const limit = req.query.limit;
    const load = async (): Promise<FindingListPage> => {
      const page = await findingsPage(db, scope, filter, { cursor, limit });
      return { items: page.items, next_cursor: page.next ? encodeCursor(page.next) : null };
    };
    if (limit > PAGE_CACHE_MAX_LIMIT) return load();
    // Kept as the route's serialized JSON (its response schema applied once), so a shared page costs no
    // serialization per request; a string with a JSON content type is sent as it is.
    const body = await pageCache.get(db, pageKey(scope, filter, req.query.cursor ?? null, limit), async () => reply.serialize(await load()) as string);
    return reply.type('application/json; charset=utf-8').send(body);
  });

  app.get<{ Querystring: FilterQuery & { format: 'csv' | 'json' } }>('/api/v1/findings/export', {
    config: { policy: 'read' },
    schema: {
      summary: 'Every matching finding as CSV (formula cells neutralized) or a JSON array, streamed',
      tags: ['findings'],
      querystring: { type: 'object', properties: { ...filterQuery, format: { type: 'string', enum: ['csv', 'json'], default: 'csv' } }, additionalProperties: false },
      response: { 200: { description: 'text/csv or application/json', type: 'string' }, ...guardedErrors },
    },
  }, async (req, reply) => {
    const scope = await requestScope(db, req);
    const rows = allFindings(db, scope, toFilter(req.query));
    const csv = req.query.format === 'csv';
    const body = Readable.from(csv ? csvStream(rows) : jsonStream(rows));
    return reply
      .type(csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="findings.${csv ? 'csv' : 'json'}"`)
      .send(body);
  });

  app.get<{ Params: { id: number } }>('/api/v1/findings/:id', {
    config: { policy: 'read' },
    schema: {
      summary: 'One finding with its sources (source_links) and history (events)',
      tags: ['findings'],
      params: { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] },
      response: {
        200: {
          ...findingItem,
          properties: {
            ...(findingItem as { properties: object }).properties,
            description: Type.nstr, remediation: Type.nstr, risk_factors: Type.obj({}), owner_reason: Type.nstr, due_at: Type.ndate,
            source_links: Type.arr(Type.obj({ source: Type.str, scope: Type.str, original_id: Type.nstr, first_seen: Type.date })),
            events: Type.arr(Type.obj({ id: Type.int, at: Type.date, type: Type.str, run_id: { type: ['integer', 'null'] }, actor: Type.nstr, details: Type.obj({}) })),
          },
        },
        ...guardedErrors, 404: errorSchema,
      },
    },
  }, async (req) => {
    const scope = await requestScope(db, req);
    const finding = await findingDetail(db, scope, req.params.id);
    // Outside the tenant is the same answer as not there: ids of other tenants' findings are not confirmed.
    if (!finding) throw new MothershipError('NOT_FOUND', `finding ${req.params.id}: not found`);
    return finding;
  });
}

async function* csvStream(rows: AsyncIterable<FindingRow>): AsyncIterable<string> {
  yield csvLine(FINDING_CSV_COLUMNS);
  for await (const r of rows) yield csvLine(FINDING_CSV_COLUMNS.map((c) => r[c]));
}

/** A JSON array, one finding per line, like `mothership findings --format json`. */
async function* jsonStream(rows: AsyncIterable<unknown>): AsyncIterable<string> {
  let first = true;
  yield '[';
  for await (const r of rows) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify(r)}`;
    first = false;
  }
  yield '\n]\n';
}
