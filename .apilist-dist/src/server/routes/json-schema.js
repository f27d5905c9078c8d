function obj(properties, o = {}) {
    return { type: 'object', properties, additionalProperties: o.additional ?? true };
}
export const Type = {
    str: { type: 'string' },
    nstr: { type: ['string', 'null'] },
    int: { type: 'integer' },
    num: { type: 'number' },
    nnum: { type: ['number', 'null'] },
    bool: { type: 'boolean' },
    date: { type: 'string', format: 'date-time' },
    ndate: { type: ['string', 'null'], format: 'date-time' },
    obj,
    nobj: (properties) => ({ ...obj(properties), type: ['object', 'null'] }),
    arr: (items) => ({ type: 'array', items }),
};
//# sourceMappingURL=json-schema.js.map