/** Tool properties of a component by name, several values per name kept in order (Trivy repeats DiffID). */
export type Properties = ReadonlyMap<string, readonly string[]>;

export function propertyMap(entries: Iterable<{ name: string; value?: string | null }>): Properties {
  const m = new Map<string, string[]>();
  for (const { name, value } of entries) {
    if (value == null || value === '') continue;
    const values = m.get(name);
    if (values) values.push(value);
    else m.set(name, [value]);
  }
  return m;
}

/** Trivy writes its fields as `aquasecurity:trivy:<Field>` (CycloneDX) or `<Field>: value` (SPDX). */
export const TRIVY = 'aquasecurity:trivy:';

export function first(props: Properties, name: string): string | undefined {
  return props.get(name)?.[0];
}

export function trivyProp(props: Properties, field: string): string | undefined {
  return first(props, `${TRIVY}${field}`);
}

export function trivyProps(props: Properties, field: string): readonly string[] {
  return props.get(`${TRIVY}${field}`) ?? [];
}
