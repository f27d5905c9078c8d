import type { NormalizedRecord } from '../../model/index.js';
import type { CallPlan, CallSet, RegionContext } from './service.js';

/**
 * A detective service (CloudTrail, GuardDuty, Config, Security Hub) in one region: its own assets, and
 * whether it is on there, which the region asset (region.ts) gathers so a rule can list the regions where
 * one is off.
 */
export type ServiceState = 'enabled' | 'disabled' | 'unknown';

export interface DetectiveResult {
  records: NormalizedRecord[];
  state: ServiceState;
  /** Why the state is unknown (a call refused or not collected); null otherwise. */
  problem: string | null;
}

export interface DetectiveService {
  /** The region asset's property holding the state, e.g. `GuardDuty`. */
  readonly property: string;
  readonly plan: CallPlan;
  normalize(ctx: RegionContext, calls: CallSet): DetectiveResult | null;
}

/**
 * The state from the resources found: on when one is on; off when there are none, or all are known to be
 * off; unknown when none is known on and some state could not be read.
 */
export function stateOf(states: readonly (boolean | undefined)[], unread: string | null): { state: ServiceState; problem: string | null } {
  if (states.some((s) => s === true)) return { state: 'enabled', problem: null };
  if (states.every((s) => s === false)) return { state: 'disabled', problem: null };
  return { state: 'unknown', problem: unread ?? 'state not collected' };
}
