import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { badInput } from '../../model/errors.js';
/** One file, parsed by client-node; paths inside it are made relative to the file, as kubectl does. */
function loadFile(file) {
    const kc = new KubeConfig();
    let text;
    try {
        text = readFileSync(file, 'utf8');
    }
    catch (e) {
        throw badInput(file, `cannot read the kubeconfig: ${e.message}`, e);
    }
    if (text.trim() === '')
        return kc; // kubectl reads an empty file as an empty config
    try {
        kc.loadFromString(text);
        kc.makePathsAbsolute(dirname(file));
    }
    catch (e) {
        throw badInput(file, `cannot read the kubeconfig: ${e.message}`, e);
    }
    for (const user of kc.getUsers()) {
        // A token-file read by client-node keeps its trailing newline, which no HTTP header may carry.
        if (user.token)
            user.token = user.token.trim();
    }
    return kc;
}
/** The files a merged config came from, to name them in errors. */
const sources = new WeakMap();
/**
 * Reads kubeconfig files (`--kubeconfig`, or each path of $KUBECONFIG). KubeConfig.mergeConfig refuses a
 * name defined twice and lets the last file choose the context; kubectl keeps the first of each, so the
 * merge is done here with kubectl's rule.
 */
export function loadKubeconfig(files) {
    const merged = new KubeConfig();
    sources.set(merged, files.join(':'));
    let current;
    for (const file of files) {
        const kc = loadFile(file);
        for (const c of kc.getClusters())
            if (!merged.getCluster(c.name))
                merged.addCluster(c);
        for (const u of kc.getUsers())
            if (!merged.getUser(u.name))
                merged.addUser(u);
        for (const c of kc.getContexts())
            if (!merged.getContextObject(c.name))
                merged.addContext(c);
        const fileContext = kc.getCurrentContext();
        if (!current && fileContext)
            current = fileContext;
    }
    if (current)
        merged.setCurrentContext(current);
    return merged;
}
/** How long one set of credentials is reused before client-node is asked again. */
const CREDENTIAL_REUSE_MS = 60_000;
/** A context of the kubeconfig as a target; an unknown context or cluster is a clear error. */
export function kubeTarget(config, contextName) {
    const name = contextName ?? config.getCurrentContext();
    const where = sources.get(config) || 'kubeconfig';
    if (!name)
        throw badInput(where, 'no current-context; name one with --context');
    const context = config.getContextObject(name);
    if (!context)
        throw badInput(where, `context ${name} not found; known: ${config.getContexts().map((c) => c.name).join(', ') || 'none'}`);
    const cluster = config.getCluster(context.cluster);
    if (!cluster)
        throw badInput(where, `context ${name}: cluster ${context.cluster} not found`);
    // One KubeConfig per target: client-node applies the current context's cluster and user, and keeps
    // exec credentials per instance. kubectl talks to a plain http:// server (kubectl proxy) as it is;
    // client-node refuses one unless TLS verification is off, which means nothing without TLS.
    const kc = new KubeConfig();
    kc.loadFromOptions({
        clusters: config.getClusters().map((c) => (c === cluster && c.server.startsWith('http:') ? { ...c, skipTLSVerify: true } : c)),
        users: config.getUsers(),
        contexts: config.getContexts(),
        currentContext: name,
    });
    // client-node runs an exec plugin whose credential has no expirationTimestamp on every request; the
    // options (credential and agent) are reused for a minute, and concurrent lists share one run.
    let cached = null;
    return {
        context: name,
        server: cluster.server.replace(/\/+$/, ''),
        requestOptions() {
            if (cached && Date.now() - cached.at < CREDENTIAL_REUSE_MS)
                return cached.options;
            const options = (async () => {
                const opts = {};
                await kc.applyToHTTPSOptions(opts);
                return opts;
            })();
            const entry = { at: Date.now(), options };
            cached = entry;
            options.catch(() => {
                if (cached === entry)
                    cached = null; // a failed plugin run is tried again by the next request
            });
            return options;
        },
    };
}
//# sourceMappingURL=kubeconfig.js.map