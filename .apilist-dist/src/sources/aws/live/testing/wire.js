const SCOPE = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/;
export async function readRequest(req) {
    const chunks = [];
    for await (const chunk of req)
        chunks.push(chunk);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const scope = SCOPE.exec(req.headers.authorization ?? '');
    const contentType = req.headers['content-type'] ?? '';
    const form = contentType.startsWith('application/x-www-form-urlencoded') ? new URLSearchParams(body) : new URLSearchParams();
    const json = contentType.includes('json') && body ? JSON.parse(body) : {};
    const target = req.headers['x-amz-target'];
    const operation = form.get('Action') ?? (typeof target === 'string' ? target.split('.').pop() ?? target : `${req.method} ${url.pathname}`);
    return {
        method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body,
        accessKey: scope?.[1] ?? '', region: scope?.[2] ?? '', service: scope?.[3] ?? '', form, json, operation,
    };
}
export function send(res, r) {
    res.writeHead(r.status, { 'x-amzn-requestid': 'test-request', ...r.headers });
    res.end(r.body);
}
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
export function el(name, ...children) {
    return { xml: `<${name}>${render(children)}</${name}>` };
}
function render(x) {
    if (x === null || x === undefined)
        return '';
    if (Array.isArray(x))
        return x.map(render).join('');
    if (typeof x === 'object')
        return x.xml;
    return escape(String(x));
}
/** An element per present field: `fields({a: 1, b: undefined})` → `<a>1</a>`. */
export function fields(o) {
    return Object.entries(o).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => el(k, v));
}
/** The members of a Query/EC2 list: `<item>` (EC2) or `<member>` (IAM, STS), for the list element `fields` makes. */
export function members(member, items) {
    return items.map((i) => el(member, i));
}
/** A Query/EC2 list element: `<name><item>...</item></name>`. */
export function list(name, member, items) {
    return el(name, members(member, items));
}
export function xmlResponse(root, namespace, ...children) {
    return { status: 200, headers: { 'content-type': 'text/xml' }, body: `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${namespace}">${render(children)}</${root}>` };
}
/** EC2's Query dialect: the result members directly under `<Action>Response`. */
export function ec2Response(action, ...children) {
    return xmlResponse(`${action}Response`, 'http://ec2.amazonaws.com/doc/2016-11-15/', el('requestId', 'test-request'), ...children);
}
export function ec2Error(status, code, message) {
    return { status, headers: { 'content-type': 'text/xml' },
        body: `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${code}</Code><Message>${escape(message)}</Message></Error></Errors><RequestID>test-request</RequestID></Response>` };
}
/** The Query protocol (IAM, STS, RDS, ELB): `<Action>Response><Action>Result>...`. */
export function queryResponse(action, namespace, ...children) {
    return xmlResponse(`${action}Response`, namespace, el(`${action}Result`, ...children), el('ResponseMetadata', el('RequestId', 'test-request')));
}
export function queryError(status, namespace, code, message) {
    return { status, headers: { 'content-type': 'text/xml' },
        body: `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse xmlns="${namespace}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${escape(message)}</Message></Error><RequestId>test-request</RequestId></ErrorResponse>` };
}
/** S3's REST-XML error document. */
export function s3Error(status, code, message) {
    return { status, headers: { 'content-type': 'application/xml' },
        body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${escape(message)}</Message><RequestId>test-request</RequestId><HostId>test-host</HostId></Error>` };
}
export function jsonResponse(value, contentType = 'application/x-amz-json-1.1') {
    return { status: 200, headers: { 'content-type': contentType }, body: JSON.stringify(value) };
}
/** JSON 1.1 (KMS, Organizations...): the code in `__type`. */
export function jsonError(status, code, message) {
    return { status, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify({ __type: code, message }) };
}
/** REST-JSON (Lambda, EKS, GuardDuty...): the code in the `x-amzn-ErrorType` header. */
export function restJsonError(status, code, message) {
    return { status, headers: { 'content-type': 'application/json', 'x-amzn-errortype': `${code}:http://internal.amazon.com/coral/com.amazon.coral.service/` },
        body: JSON.stringify({ Type: 'User', Message: message }) };
}
//# sourceMappingURL=wire.js.map