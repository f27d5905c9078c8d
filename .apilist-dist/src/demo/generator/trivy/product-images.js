import { digestFor, rngFor } from '../random.js';
import { HOUR_MS, SNAPSHOT_MS } from '../time.js';
import { baseId, makeLayer } from './base-images.js';
import { ECOSYSTEM_OF, LANG_PACKAGES } from './lang-catalog.js';
const BASE_OF = { node: 'base-node', python: 'base-python', java: 'base-jre', go: 'base-alpine' };
function steps(service) {
    switch (service.runtime) {
        case 'node':
            return {
                target: 'app/package-lock.json',
                cmd: ['node', 'server.js'],
                steps: [
                    { createdBy: 'WORKDIR /app', empty: true },
                    { createdBy: 'COPY package.json package-lock.json ./ # buildkit' },
                    { createdBy: 'RUN /bin/sh -c npm ci --omit=dev # buildkit', holdsPackages: true },
                    { createdBy: 'COPY . . # buildkit' },
                ],
            };
        case 'python':
            return {
                target: 'app/requirements.txt',
                cmd: ['gunicorn', '-b', '0.0.0.0:8080', 'app:app'],
                steps: [
                    { createdBy: 'WORKDIR /app', empty: true },
                    { createdBy: 'COPY requirements.txt . # buildkit' },
                    { createdBy: 'RUN /bin/sh -c pip install --no-cache-dir -r requirements.txt # buildkit', holdsPackages: true },
                    { createdBy: 'COPY . . # buildkit' },
                ],
            };
        case 'java':
            return {
                target: 'Java',
                cmd: ['java', '-jar', '/app/app.jar'],
                steps: [
                    { createdBy: 'WORKDIR /app', empty: true },
                    { createdBy: 'COPY build/libs/app.jar /app/app.jar # buildkit', holdsPackages: true },
                ],
            };
        case 'go':
            return {
                target: `usr/local/bin/${service.name}`,
                cmd: [`/usr/local/bin/${service.name}`],
                steps: [
                    { createdBy: 'WORKDIR /app', empty: true },
                    { createdBy: `COPY /out/${service.name} /usr/local/bin/${service.name} # buildkit`, holdsPackages: true },
                ],
            };
    }
}
/** Dependencies: the runtime's core packages plus a random share, at versions as fresh as the service. */
function dependencies(org, service, ecosystem, layer, plantLog4Shell) {
    const rng = rngFor(org.seed, 'deps', service.name);
    const installed = [];
    for (const pkg of LANG_PACKAGES[ecosystem]) {
        const isLog4j = pkg.name.startsWith('org.apache.logging.log4j:');
        const wanted = pkg.core || (isLog4j ? plantLog4Shell || rng.chance(0.2) : rng.chance(0.45));
        if (!wanted)
            continue;
        const last = pkg.versions.length - 1;
        const at = isLog4j && plantLog4Shell ? 0 : Math.min(last, Math.max(0, Math.round(service.freshness * last + (rng.next() - 0.5) * 1.2)));
        installed.push({ pkg, version: pkg.versions[at], layer });
    }
    return installed;
}
export function productImage(org, service, bases, plantLog4Shell) {
    const rng = rngFor(org.seed, 'image', service.name);
    const key = service.runtime === 'go' && rng.chance(0.2) ? 'base-debian' : BASE_OF[service.runtime];
    const base = bases.get(baseId(key, service.baseBuild));
    if (!base)
        throw new Error(`no base build ${key} ${service.baseBuild}`);
    const createdMs = base.createdMs + HOUR_MS + Math.round(rng.next() * 0.9 * (SNAPSHOT_MS - base.createdMs - HOUR_MS));
    const plan = steps(service);
    const ecosystem = ECOSYSTEM_OF[service.runtime];
    const layers = [...base.layers];
    const history = [...base.history];
    let packageLayer = null;
    for (const [i, step] of plan.steps.entries()) {
        if (step.empty) {
            history.push({ empty: { createdMs, createdBy: step.createdBy } });
            continue;
        }
        const layer = makeLayer(org.seed, [service.name, service.version, String(i)], createdMs, step.createdBy);
        layers.push(layer);
        history.push({ layer });
        if (step.holdsPackages)
            packageLayer = layer;
    }
    history.push({ empty: { createdMs, createdBy: `CMD ${JSON.stringify(plan.cmd)}` } });
    const repo = `${org.registry}/${service.team}/${service.name}`;
    const digest = `sha256:${digestFor(org.seed, 'manifest', service.name, service.version)}`;
    return {
        ref: `${repo}:${service.version}`,
        tags: [`${repo}:${service.version}`],
        repoDigest: `${repo}@${digest}`,
        imageId: `sha256:${digestFor(org.seed, 'config', service.name, service.version)}`,
        createdMs,
        base,
        layers,
        history,
        lang: packageLayer ? { ecosystem, target: plan.target, packages: dependencies(org, service, ecosystem, packageLayer, plantLog4Shell) } : null,
        labels: {
            'org.opencontainers.image.base.digest': base.digest,
            'org.opencontainers.image.base.name': base.ref,
            'org.opencontainers.image.created': new Date(createdMs).toISOString(),
            'org.opencontainers.image.revision': digestFor(org.seed, 'git', service.name).slice(0, 40),
            'org.opencontainers.image.source': `https://github.com/${org.company}/${service.name}`,
            'org.opencontainers.image.version': service.version,
            team: service.team,
        },
        env: base.env,
        cmd: plan.cmd,
        workingDir: '/app',
        user: service.runtime === 'node' ? 'node' : '1000',
    };
}
/** A base build seen as an image of its own (its report has OS packages only). */
export function baseImage(org, base) {
    return {
        ref: base.ref,
        tags: base.tags,
        repoDigest: `${org.registry}/${base.repo}@${base.digest}`,
        imageId: base.imageId,
        createdMs: base.createdMs,
        base,
        layers: base.layers,
        history: base.history,
        lang: null,
        labels: {
            'org.opencontainers.image.base.digest': base.baseDigest,
            'org.opencontainers.image.base.name': base.baseName,
            'org.opencontainers.image.created': new Date(base.createdMs).toISOString(),
            'org.opencontainers.image.source': `https://github.com/${org.company}/base-images`,
            team: 'platform',
        },
        env: base.env,
        cmd: base.cmd,
        workingDir: '',
        user: '',
    };
}
//# sourceMappingURL=product-images.js.map