function parseV4(text) {
    const parts = text.split('.');
    if (parts.length !== 4)
        return null;
    let value = 0n;
    for (const p of parts) {
        if (!/^\d{1,3}$/.test(p) || Number(p) > 255)
            return null;
        value = (value << 8n) | BigInt(Number(p));
    }
    return value;
}
function parseV6(text) {
    if (!/^[0-9a-f:.]+$/i.test(text))
        return null;
    let head = text;
    let tail32 = null;
    const lastColon = text.lastIndexOf(':');
    if (text.slice(lastColon + 1).includes('.')) {
        // An embedded IPv4 tail (::ffff:10.0.0.1) is two groups.
        tail32 = parseV4(text.slice(lastColon + 1));
        if (tail32 === null)
            return null;
        head = `${text.slice(0, lastColon + 1)}0:0`;
    }
    const halves = head.split('::');
    if (halves.length > 2)
        return null;
    const groups = (s) => (s === '' ? [] : s.split(':'));
    const left = groups(halves[0]);
    const right = halves.length === 2 ? groups(halves[1]) : [];
    const missing = 8 - left.length - right.length;
    if (halves.length === 1 ? left.length !== 8 : missing < 1)
        return null;
    const all = [...left, ...Array(halves.length === 2 ? missing : 0).fill('0'), ...right];
    let value = 0n;
    for (const g of all) {
        if (!/^[0-9a-f]{1,4}$/i.test(g))
            return null;
        value = (value << 16n) | BigInt(parseInt(g, 16));
    }
    if (tail32 !== null)
        value = (value & ~0xffffffffn) | tail32;
    return value;
}
export function parseAddress(text) {
    const v4 = parseV4(text);
    if (v4 !== null)
        return { value: v4, bits: 32 };
    const v6 = text.includes(':') ? parseV6(text) : null;
    return v6 === null ? null : { value: v6, bits: 128 };
}
/** A CIDR block (`10.0.0.0/8`, `2001:db8::/32`; a bare address is a /32 or /128); null when malformed. */
export function parseCidr(text) {
    const [addr, len, extra] = text.trim().split('/');
    if (extra !== undefined || addr === undefined)
        return null;
    const base = parseAddress(addr);
    if (!base)
        return null;
    const prefix = len === undefined ? base.bits : /^\d{1,3}$/.test(len) ? Number(len) : NaN;
    if (!(prefix >= 0 && prefix <= base.bits))
        return null;
    const shift = BigInt(base.bits - prefix);
    const network = base.value >> shift;
    return (ip) => {
        const a = parseAddress(ip.trim());
        return a !== null && a.bits === base.bits && a.value >> shift === network;
    };
}
//# sourceMappingURL=ip.js.map