/**
 * Named parameters (`:name`) for our own multi-statement SQL, compiled to positional ones. Only names that
 * appear are bound, so one parameter bag serves statements that use different subsets. `::type` casts
 * are left alone. Not for user SQL: names are matched outside string literals only by convention.
 */
export function named(sql, values) {
    const order = [];
    const text = sql.replace(/(?<![:\w]):([a-z_][a-z0-9_]*)/gi, (_m, name) => {
        if (!(name in values))
            throw new Error(`SQL parameter :${name} has no value`);
        let i = order.indexOf(name);
        if (i < 0) {
            order.push(name);
            i = order.length - 1;
        }
        return `$${i + 1}`;
    });
    return { text, params: order.map((n) => values[n]) };
}
//# sourceMappingURL=named.js.map