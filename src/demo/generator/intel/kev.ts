/**
 * An excerpt of the CISA Known Exploited Vulnerabilities catalog in its JSON feed format: the Log4j entries
 * that the demo's one Log4Shell image carries, and a few that no demo image has (as in a real catalog, most
 * entries concern products an organization does not run). Descriptions are our own words.
 */

interface KevEntry {
  cveID: string;
  vendorProject: string;
  product: string;
  vulnerabilityName: string;
  dateAdded: string;
  shortDescription: string;
  requiredAction: string;
  dueDate: string;
  knownRansomwareCampaignUse: 'Known' | 'Unknown';
  notes: string;
  cwes: string[];
}

const PATCH = 'Apply mitigations per vendor instructions or discontinue use of the product if mitigations are unavailable.';

const ENTRIES: readonly KevEntry[] = [
  { cveID: 'CVE-2021-26855', vendorProject: 'Microsoft', product: 'Exchange Server', vulnerabilityName: 'Microsoft Exchange Server Remote Code Execution Vulnerability',
    dateAdded: '2021-11-03', shortDescription: 'A server-side request forgery in Exchange lets an unauthenticated attacker act as the server.', requiredAction: PATCH,
    dueDate: '2021-04-16', knownRansomwareCampaignUse: 'Known', notes: '', cwes: ['CWE-918'] },
  { cveID: 'CVE-2021-44228', vendorProject: 'Apache', product: 'Log4j2', vulnerabilityName: 'Apache Log4j2 Remote Code Execution Vulnerability',
    dateAdded: '2021-12-10', shortDescription: 'JNDI lookups in logged data let a remote attacker load and run code in the logging process.', requiredAction: PATCH,
    dueDate: '2021-12-24', knownRansomwareCampaignUse: 'Known', notes: '', cwes: ['CWE-20', 'CWE-400', 'CWE-502'] },
  { cveID: 'CVE-2021-45046', vendorProject: 'Apache', product: 'Log4j2', vulnerabilityName: 'Apache Log4j2 Deserialization of Untrusted Data Vulnerability',
    dateAdded: '2023-05-01', shortDescription: 'The first Log4Shell fix left some non-default pattern layouts open to JNDI injection.', requiredAction: PATCH,
    dueDate: '2023-05-22', knownRansomwareCampaignUse: 'Unknown', notes: '', cwes: ['CWE-917'] },
  { cveID: 'CVE-2023-4966', vendorProject: 'Citrix', product: 'NetScaler ADC and NetScaler Gateway', vulnerabilityName: 'Citrix NetScaler ADC and NetScaler Gateway Buffer Overflow Vulnerability',
    dateAdded: '2023-10-18', shortDescription: 'An out-of-bounds read discloses session tokens of the gateway to an unauthenticated attacker.', requiredAction: PATCH,
    dueDate: '2023-11-08', knownRansomwareCampaignUse: 'Known', notes: '', cwes: ['CWE-119'] },
  { cveID: 'CVE-2024-3400', vendorProject: 'Palo Alto Networks', product: 'PAN-OS', vulnerabilityName: 'Palo Alto Networks PAN-OS Command Injection Vulnerability',
    dateAdded: '2024-04-12', shortDescription: 'A crafted request to the GlobalProtect feature runs commands as root on the firewall.', requiredAction: PATCH,
    dueDate: '2024-04-19', knownRansomwareCampaignUse: 'Unknown', notes: '', cwes: ['CWE-77'] },
];

export const KEV_FILE = 'kev/known_exploited_vulnerabilities.json';
export const KEV_CVES: readonly string[] = ENTRIES.map((e) => e.cveID);

/** The catalog document, released on the demo's snapshot day. */
export function kevCatalog(): Record<string, unknown> {
  return {
    title: 'CISA Catalog of Known Exploited Vulnerabilities',
    catalogVersion: '2025.01.14',
    dateReleased: '2025-01-14T18:02:11.4093Z',
    count: ENTRIES.length,
    vulnerabilities: ENTRIES,
  };
}
