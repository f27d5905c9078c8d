const ACCOUNT_ROOT = /^arn:[^:]+:iam::(\d{12}):root$/;
function matchAws(value, p) {
    if (value === '*')
        return 'direct';
    if (/^\d{12}$/.test(value))
        return value === p.account ? 'account' : null;
    const root = ACCOUNT_ROOT.exec(value);
    if (root)
        return p.type === 'root' && p.arn === value ? 'direct' : root[1] === p.account ? 'account' : null;
    return value === p.arn ? 'direct' : null;
}
function listOf(v) {
    return (Array.isArray(v) ? v : [v]).filter((x) => typeof x === 'string');
}
export function compilePrincipal(element) {
    if (element === '*')
        return () => 'direct';
    if (typeof element !== 'object' || element === null)
        return () => null;
    const entries = Object.entries(element).flatMap(([type, v]) => listOf(v).map((value) => [type, value]));
    return (p) => {
        let best = null;
        for (const [type, value] of entries) {
            let m = null;
            if (type === 'AWS')
                m = matchAws(value, p);
            else if (type === 'Service')
                m = value === '*' || (p.type === 'service' && p.arn === `service:${value}`) ? 'direct' : null;
            else if (type === 'Federated')
                m = p.type === 'federated' && (p.arn === value || p.arn === `federated:${value}`) ? 'direct' : null;
            if (m === 'direct')
                return m;
            best ??= m;
        }
        return best;
    };
}
//# sourceMappingURL=principal.js.map