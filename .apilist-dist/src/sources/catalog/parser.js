import { badInput } from '../../model/errors.js';
import { headText } from '../report-file.js';
import { parseUntrustedYaml } from '../shared/yaml.js';
import { backstageRecords } from './backstage.js';
import { ownersRecords } from './owners-file.js';
const BACKSTAGE = /^apiVersion:[ \t]*["']?backstage\.io\//m;
const OWNERS = /^(teams|rules):[ \t]*(#.*)?$/m;
/** A Backstage catalogue file (`catalog-info.yaml`, one or more entities). */
export function isBackstage(head) {
    return BACKSTAGE.test(head);
}
/** An owners.yaml: top-level `teams:` or `rules:` and no Backstage entity. */
export function isOwnersFile(head) {
    return !BACKSTAGE.test(head) && OWNERS.test(head) && !head.startsWith('{') && !head.startsWith('[');
}
function rejectSubject(file, subject) {
    if (subject)
        throw badInput(file.name, 'a catalogue names its own entities; --asset does not apply');
}
export const backstageYaml = {
    id: 'backstage-yaml',
    type: 'backstage-yaml',
    version: 1,
    accepts: (file) => isBackstage(headText(file.head)),
    async *parse(file, options) {
        rejectSubject(file, options?.subject);
        yield* backstageRecords(parseUntrustedYaml(await file.text(), file.name), file.name);
    },
};
export const ownersYaml = {
    id: 'owners-yaml',
    type: 'owners-yaml',
    version: 1,
    accepts: (file) => isOwnersFile(headText(file.head)),
    async *parse(file, options) {
        rejectSubject(file, options?.subject);
        const docs = parseUntrustedYaml(await file.text(), file.name);
        if (docs.length !== 1)
            throw badInput(file.name, `an owners file is one YAML document, found ${docs.length}`);
        yield* ownersRecords(docs[0], file.name, file.name);
    },
};
//# sourceMappingURL=parser.js.map