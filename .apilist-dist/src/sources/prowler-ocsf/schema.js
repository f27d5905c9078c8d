import { z } from 'zod';
/**
 * The parts of Prowler's OCSF JSON output (Prowler 4 and later, `-M json-ocsf`: a list of OCSF 1.x Detection
 * Findings) that we read. Unknown fields are dropped; a wrong type is an error naming the field.
 */
const str = z.string().nullish();
/** Some fields are a list in Prowler 5 and a joined string in Prowler 4. */
const strOrList = z.union([z.string(), z.array(z.string())]).nullish();
export const OcsfResource = z.object({
    uid: str,
    name: str,
    type: str,
    region: str,
    namespace: str,
    cloud_partition: str,
    group: z.object({ name: str }).nullish(),
});
export const OcsfFinding = z.object({
    message: str,
    metadata: z.object({
        event_code: z.string().min(1),
        profiles: z.array(z.string()).nullish(),
        product: z.object({ name: str, vendor_name: str, version: str }).nullish(),
    }),
    severity: str,
    status: str,
    status_code: z.string(),
    status_detail: str,
    finding_info: z.object({ uid: str, title: str, desc: str, types: z.array(z.string()).nullish() }).nullish(),
    resources: z.array(OcsfResource).nullish(),
    cloud: z.object({
        provider: str,
        region: str,
        account: z.object({ uid: str, name: str }).nullish(),
    }).nullish(),
    remediation: z.object({ desc: str, references: z.array(z.string()).nullish() }).nullish(),
    risk_details: str,
    unmapped: z.object({
        check_type: strOrList,
        related_url: str,
        additional_urls: z.array(z.string()).nullish(),
        categories: strOrList,
        compliance: z.record(z.string(), z.unknown()).nullish(),
    }).nullish(),
});
//# sourceMappingURL=schema.js.map