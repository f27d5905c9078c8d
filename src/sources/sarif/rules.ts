import type { ReportingDescriptor, SarifResult, SarifRun, ToolComponent } from './schema.js';

/** A result's rule: the descriptor when the tool describes it, and the component that defines it. */
export interface ResolvedRule {
  /** The rule id as reported (`ruleId`, else `rule.id`, else the descriptor's id); null when there is none. */
  id: string | null;
  descriptor: ReportingDescriptor | undefined;
  component: ToolComponent;
}

/** Looks rules up the way §3.52.3 says: by component and index first, then by id, then by the id's leading components. */
export class RuleIndex {
  private readonly byId = new Map<string, { descriptor: ReportingDescriptor; component: ToolComponent }>();

  constructor(private readonly run: SarifRun) {
    for (const component of [run.tool.driver, ...run.tool.extensions]) {
      for (const descriptor of component.rules) {
        if (!this.byId.has(descriptor.id)) this.byId.set(descriptor.id, { descriptor, component });
      }
    }
  }

  private componentOf(result: SarifResult): ToolComponent {
    const ref = result.rule?.toolComponent;
    const { driver, extensions } = this.run.tool;
    if (ref?.index != null) return extensions[ref.index] ?? driver;
    if (ref?.name) return extensions.find((e) => e.name === ref.name) ?? driver;
    return driver;
  }

  resolve(result: SarifResult): ResolvedRule {
    const component = this.componentOf(result);
    const reported = result.ruleId ?? result.rule?.id ?? null;
    const index = result.rule?.index ?? result.ruleIndex;
    let descriptor = index != null && index >= 0 ? component.rules[index] : undefined;
    if (descriptor && reported && !sameRule(descriptor.id, reported)) descriptor = undefined; // a stale index
    if (!descriptor && reported) {
      // `CA5350/md5` is rule CA5350 with a sub-id (§3.27.5).
      const parts = reported.split('/');
      for (let n = parts.length; n > 0 && !descriptor; n--) {
        const hit = this.byId.get(parts.slice(0, n).join('/'));
        if (hit) return { id: reported, descriptor: hit.descriptor, component: hit.component };
      }
    }
    return { id: reported ?? descriptor?.id ?? null, descriptor, component };
  }
}

function sameRule(descriptorId: string, reported: string): boolean {
  return reported === descriptorId || reported.startsWith(`${descriptorId}/`);
}
