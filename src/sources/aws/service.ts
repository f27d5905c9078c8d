import { z, type ZodType } from 'zod';
import type { NormalizedRecord } from '../../model/index.js';
import { callOutcome, type CallOutcome, type CallResult } from './call-result.js';
import { isRecord } from './policy-document.js';

/**
 * The shape every service module after EC2/S3/IAM shares: a declarative plan of the calls it reads (so the
 * dump reader, and later a live collector, know what to fetch) and a pure normalizer over their results.
 */

/** The results of one service's calls in one region (or `global`); a call not read is `missing`. */
export interface CallSet {
  /** A region-level call, `<region>/<call>.json` in a dump. */
  call(name: string): CallResult<unknown>;
  /** A per-resource call, `<region>/<call>/<resource>.json` in a dump. */
  resource(call: string, resource: string): CallResult<unknown>;
}

/** A call made once per resource that earlier calls name (a detector id, a function name...). */
export interface ResourceCall {
  readonly call: string;
  resources(read: CallSet): readonly string[];
}

/** Region-level calls first, then per-resource calls in order: a later one may use an earlier one's results. */
export interface CallPlan {
  readonly calls: readonly string[];
  readonly perResource: readonly ResourceCall[];
}

export interface RegionContext {
  account: string;
  region: string;
}

export interface RegionalService {
  readonly plan: CallPlan;
  normalize(ctx: RegionContext, calls: CallSet): NormalizedRecord[];
}

/** A CallSet over what was read; what is not in the maps is `missing`. */
export function callSet(calls: ReadonlyMap<string, CallResult<unknown>>, resources: ReadonlyMap<string, ReadonlyMap<string, CallResult<unknown>>>): CallSet {
  return {
    call: (name) => calls.get(name) ?? { status: 'missing', call: name },
    resource: (call, resource) => resources.get(call)?.get(resource) ?? { status: 'missing', call: `${call}/${resource}` },
  };
}

/**
 * A resource name that becomes a file name in a dump. AWS names never need more than these characters;
 * `/` (ECR repository namespaces) makes sub-folders, and `.`/`..` segments are refused so no name escapes the dump.
 */
export const ResourceName = z.string()
  .regex(/^[\w.:@+=,-]+(\/[\w.:@+=,-]+)*$/, 'cannot name a file in a dump')
  .refine((n) => !n.split('/').some((s) => s === '.' || s === '..'), 'cannot name a file in a dump');

/** The items of a list call that worked, for naming per-resource calls; nothing when it did not. */
export function listed<T, U>(result: CallResult<unknown>, schema: ZodType<T>, items: (data: T) => readonly U[]): readonly U[] {
  if (result.status !== 'ok') return [];
  const r = schema.safeParse(result.data);
  // A wrong shape is reported by the normalizer, which names the file and the field.
  return r.success ? items(r.data) : [];
}

/**
 * Fills a resource's properties from its per-resource calls: a value is set, "there is none" is null, a call
 * not collected leaves the property out, a refusal is kept in `CollectionErrors` and made a problem of the scope.
 */
export class ResourceDetails {
  readonly problems: string[] = [];

  constructor(private readonly calls: CallSet) {}

  outcome<T>(call: string, resource: string, schema: ZodType<T>, noneCodes: readonly string[], value: (data: T, where: string) => unknown): CallOutcome {
    const o = callOutcome(this.calls.resource(call, resource), schema, noneCodes, value);
    if (o.kind === 'refused') this.problems.push(o.problem);
    return o;
  }

  /**
   * A call that enumerates items (images of a repository, targets of a group): not collected means items
   * were not seen, so the scope cannot be swept whole.
   */
  required<T>(call: string, resource: string, schema: ZodType<T>, noneCodes: readonly string[], value: (data: T, where: string) => unknown): CallOutcome {
    const o = this.outcome(call, resource, schema, noneCodes, value);
    if (o.kind === 'missing') this.problems.push(`${call}/${resource}: not collected`);
    return o;
  }

  fill<T>(properties: Record<string, unknown>, key: string, call: string, resource: string, schema: ZodType<T>, noneCodes: readonly string[],
    value: (data: T, where: string) => unknown): CallOutcome {
    return setOutcome(properties, key, call, this.outcome(call, resource, schema, noneCodes, value));
  }
}

/** Sets `key` from an outcome, recording a refusal under `CollectionErrors.<call>`. */
function setOutcome(properties: Record<string, unknown>, key: string, call: string, o: CallOutcome): CallOutcome {
  if (o.kind === 'value') properties[key] = o.value;
  else if (o.kind === 'none') properties[key] = null;
  else if (o.kind === 'refused') {
    const errors = isRecord(properties.CollectionErrors) ? properties.CollectionErrors : {};
    properties.CollectionErrors = { ...errors, [call]: o.problem };
  }
  return o;
}
