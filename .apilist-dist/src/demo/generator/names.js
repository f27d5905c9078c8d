/** Word lists for names. Fixed data: changing an entry changes every generated organization. */
export const COMPANIES = ['acme', 'globex', 'initech', 'umbrella', 'hooli', 'vandelay', 'soylent', 'wonka', 'tyrell', 'cyberdyne'];
/** The first teams, in order: a small company has these. */
export const CORE_TEAMS = [
    { id: 'platform', name: 'Platform', nouns: ['ingress-gateway', 'log-shipper', 'metrics-exporter', 'ci-runner', 'config-service', 'feature-flags'], runtimes: ['go', 'go', 'python'] },
    { id: 'payments', name: 'Payments', nouns: ['ledger', 'checkout-api', 'refunds', 'card-vault', 'payouts', 'invoicing'], runtimes: ['java', 'java', 'go', 'node'] },
    { id: 'identity', name: 'Identity', nouns: ['auth-api', 'sso', 'user-profile', 'mfa', 'sessions', 'scim'], runtimes: ['java', 'go', 'node'] },
    { id: 'search', name: 'Search', nouns: ['indexer', 'query-api', 'ranking', 'autocomplete', 'crawler'], runtimes: ['java', 'python', 'go'] },
    { id: 'data', name: 'Data', nouns: ['etl', 'warehouse-loader', 'airflow-worker', 'kafka-connect', 'reporting-api', 'cdc'], runtimes: ['python', 'python', 'java'] },
    { id: 'web', name: 'Web', nouns: ['storefront', 'bff', 'cms', 'image-resizer', 'sitemap'], runtimes: ['node', 'node', 'node', 'python'] },
    { id: 'mobile', name: 'Mobile', nouns: ['mobile-bff', 'push-notifier', 'app-config', 'deeplinks'], runtimes: ['node', 'go', 'java'] },
    { id: 'growth', name: 'Growth', nouns: ['experiments', 'referrals', 'email-campaigns', 'attribution'], runtimes: ['node', 'python'] },
];
/** Domains for the teams a bigger company adds; past the list, names get a numeric suffix. */
export const MORE_DOMAINS = [
    'checkout', 'fraud', 'billing', 'notifications', 'catalog', 'recommendations', 'analytics', 'ml', 'observability',
    'sre', 'security', 'integrations', 'partners', 'onboarding', 'messaging', 'media', 'maps', 'pricing', 'inventory',
    'fulfillment', 'logistics', 'support', 'crm', 'ads', 'experimentation', 'compliance', 'risk', 'lending', 'insurance',
    'marketplace', 'reviews', 'loyalty', 'travel', 'booking', 'streaming', 'chat', 'social', 'devex', 'storage', 'tax',
];
export const GENERIC_NOUNS = [
    'api', 'worker', 'gateway', 'scheduler', 'consumer', 'admin', 'web', 'sync', 'notifier', 'exporter', 'indexer',
    'ingest', 'reporter', 'events', 'cache', 'proxy', 'batch', 'graph', 'webhooks', 'audit', 'backfill', 'router',
];
/** Nouns that suggest a service takes traffic from the internet (through a load balancer). */
export const INTERNET_FACING_HINTS = ['api', 'gateway', 'web', 'storefront', 'bff', 'sso', 'auth', 'cms', 'deeplinks', 'webhooks', 'checkout'];
export const FIRST_NAMES = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'mallory', 'niaj', 'olivia', 'peggy', 'rupert', 'sybil', 'trent', 'victor', 'walter', 'yusuf', 'zoe', 'amir', 'bea', 'chen', 'dmitri', 'esra', 'fatima', 'goran', 'hana', 'ines'];
export const LAST_NAMES = ['smith', 'jones', 'garcia', 'muller', 'rossi', 'dubois', 'novak', 'tanaka', 'kim', 'silva', 'nguyen', 'okafor', 'larsen', 'kowalski', 'haddad', 'fischer', 'moreau', 'santos', 'ivanova', 'patel'];
export const ENVS = ['prod', 'staging', 'dev', 'sandbox'];
export const ENV_NAMES = { prod: 'Production', staging: 'Staging', dev: 'Development', sandbox: 'Sandbox' };
export const REGIONS = ['us-east-1', 'eu-west-1', 'us-west-2', 'eu-central-1', 'ap-southeast-1'];
export function titleCase(id) {
    return id.split('-').map((w) => (w.charAt(0).toUpperCase() + w.slice(1))).join(' ');
}
//# sourceMappingURL=names.js.map