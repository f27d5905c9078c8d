export function propertyMap(entries) {
    const m = new Map();
    for (const { name, value } of entries) {
        if (value == null || value === '')
            continue;
        const values = m.get(name);
        if (values)
            values.push(value);
        else
            m.set(name, [value]);
    }
    return m;
}
/** Trivy writes its fields as `aquasecurity:trivy:<Field>` (CycloneDX) or `<Field>: value` (SPDX). */
export const TRIVY = 'aquasecurity:trivy:';
export function first(props, name) {
    return props.get(name)?.[0];
}
export function trivyProp(props, field) {
    return first(props, `${TRIVY}${field}`);
}
export function trivyProps(props, field) {
    return props.get(`${TRIVY}${field}`) ?? [];
}
//# sourceMappingURL=properties.js.map