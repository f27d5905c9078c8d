/** Small builders for the JSON schemas of the API, so the route modules read like their contracts. */
type Schema = Record<string, unknown>;

function obj(properties: Record<string, Schema>, o: { additional?: boolean } = {}): Schema {
  return { type: 'object', properties, additionalProperties: o.additional ?? true };
}

export const Type = {
  str: { type: 'string' } as Schema,
  nstr: { type: ['string', 'null'] } as Schema,
  int: { type: 'integer' } as Schema,
  num: { type: 'number' } as Schema,
  nnum: { type: ['number', 'null'] } as Schema,
  bool: { type: 'boolean' } as Schema,
  date: { type: 'string', format: 'date-time' } as Schema,
  ndate: { type: ['string', 'null'], format: 'date-time' } as Schema,
  obj,
  nobj: (properties: Record<string, Schema>): Schema => ({ ...obj(properties), type: ['object', 'null'] }),
  arr: (items: Schema | object): Schema => ({ type: 'array', items }),
};
