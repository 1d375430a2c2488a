// A small JSON Schema validator (the draft-07 keywords the custom-functions schema uses: type,
// properties, required, additionalProperties, items, minItems, maxItems, enum, pattern with
// Unicode property escapes, minLength, maxLength, $ref to #/definitions). No dependency needed.
type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  $ref?: string;
  definitions?: Record<string, Schema>;
};

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** Validates `value` against `schema`; returns the list of problems, each with its JSON pointer. */
export function validateJsonSchema(schema: Schema, value: unknown, root: Schema = schema, at = ''): string[] {
  if (schema.$ref !== undefined) {
    const name = schema.$ref.replace('#/definitions/', '');
    return validateJsonSchema(root.definitions![name]!, value, root, at);
  }
  const errors: string[] = [];
  const where = at === '' ? '/' : at;
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    const t = typeOf(value);
    if (!types.includes(t) && !(t === 'integer' && types.includes('number'))) return [`${where}: must be ${types.join(' or ')}, is ${t}`];
  }
  if (schema.enum !== undefined && !schema.enum.includes(value)) errors.push(`${where}: must be one of ${JSON.stringify(schema.enum)}`);
  if (typeof value === 'string') {
    const length = [...value].length;
    if (schema.minLength !== undefined && length < schema.minLength) errors.push(`${where}: shorter than ${schema.minLength}`);
    if (schema.maxLength !== undefined && length > schema.maxLength) errors.push(`${where}: longer than ${schema.maxLength}`);
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) errors.push(`${where}: does not match ${schema.pattern}`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) errors.push(`${where}: fewer than ${schema.minItems} items`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems) errors.push(`${where}: more than ${schema.maxItems} items`);
    if (schema.items !== undefined) value.forEach((item, i) => errors.push(...validateJsonSchema(schema.items!, item, root, `${at}/${i}`)));
  }
  if (typeOf(value) === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in obj)) errors.push(`${where}: missing ${key}`);
    for (const [key, v] of Object.entries(obj)) {
      const sub = schema.properties?.[key];
      if (sub !== undefined) errors.push(...validateJsonSchema(sub, v, root, `${at}/${key}`));
      else if (schema.additionalProperties === false) errors.push(`${where}: unknown property ${key}`);
    }
  }
  return errors;
}
