// A small schema language for our data files (scenarios, drills, replays). One spec
// validates a parsed file, with errors naming the field and the problem; produces the JSON
// Schema we publish next to the files; and, written `as const`, gives the TypeScript type
// (`Infer`), so the checks, the published schema and the types can never disagree.

export type Spec =
  | { kind: 'number'; min?: number; max?: number; int?: boolean; doc?: string }
  | { kind: 'string'; enum?: readonly string[]; pattern?: string; doc?: string }
  | { kind: 'boolean'; doc?: string }
  | { kind: 'array'; items: Spec; minItems?: number; maxItems?: number; doc?: string }
  | { kind: 'object'; fields: Readonly<Record<string, Spec>>; optional?: readonly string[]; doc?: string }
  | { kind: 'record'; keys: readonly string[]; values: Spec; doc?: string }
  | { kind: 'oneOf'; tag: string; variants: Readonly<Record<string, Spec & { kind: 'object' }>>; doc?: string }
  | AnySpec<unknown>;

/** Any JSON here; `T` is what the hand-written check after the schema walk makes of it. */
export interface AnySpec<T> {
  kind: 'any';
  doc?: string;
  /** Type only, never set: what `Infer` gives for this field. */
  readonly checkedAs?: T;
}

/** A field the schema walk lets through and a named check (in `doc`) narrows to `T`. */
export const checkedElsewhere = <T>(doc: string): AnySpec<T> => ({ kind: 'any', doc });

/** The TypeScript type of the values a spec accepts (write the spec `as const satisfies Spec`). */
export type Infer<S> = S extends { kind: 'number' }
  ? number
  : S extends { kind: 'string'; enum: readonly (infer E extends string)[] }
    ? E
    : S extends { kind: 'string' }
      ? string
      : S extends { kind: 'boolean' }
        ? boolean
        : S extends { kind: 'array'; items: infer I }
          ? Infer<I>[]
          : S extends { kind: 'object'; fields: infer F }
            ? InferObject<F, S extends { optional: readonly (infer O extends string)[] } ? O : never>
            : S extends { kind: 'record'; keys: readonly (infer K extends string)[]; values: infer V }
              ? { [k in K]: Infer<V> }
              : S extends { kind: 'oneOf'; tag: infer T extends string; variants: infer Vs }
                ? { [N in keyof Vs & string]: Flat<Omit<Infer<Vs[N]>, T> & { [t in T]: N }> }[keyof Vs & string]
                : S extends AnySpec<infer T>
                  ? T
                  : never;

type InferObject<F, O extends string> = Flat<
  { -readonly [k in Exclude<keyof F, O>]: Infer<F[k]> } & { -readonly [k in Extract<keyof F, O>]?: Infer<F[k]> }
>;
type Flat<T> = { [k in keyof T]: T[k] };

export interface SchemaIssue {
  path: string; // e.g. "versions[0].retry.intervalS"
  message: string;
}

const join = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

/** Returns the first problem found, or null if `value` matches `spec`. */
export function check(spec: Spec, value: unknown, path = ''): SchemaIssue | null {
  const where = path || '(top level)';
  switch (spec.kind) {
    case 'any':
      return null;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return { path: where, message: `must be a number, got ${describe(value)}` };
      if (spec.int && !Number.isInteger(value)) return { path: where, message: `must be a whole number, got ${value}` };
      if (spec.min !== undefined && value < spec.min) return { path: where, message: `must be at least ${spec.min}, got ${value}` };
      if (spec.max !== undefined && value > spec.max) return { path: where, message: `must be at most ${spec.max}, got ${value}` };
      return null;
    case 'string':
      if (typeof value !== 'string') return { path: where, message: `must be a string, got ${describe(value)}` };
      if (spec.enum && !spec.enum.includes(value)) return { path: where, message: `must be one of ${spec.enum.join(', ')}, got "${value}"` };
      if (spec.pattern && !new RegExp(spec.pattern).test(value)) return { path: where, message: `has the wrong format: "${value}"` };
      return null;
    case 'boolean':
      return typeof value === 'boolean' ? null : { path: where, message: `must be true or false, got ${describe(value)}` };
    case 'array': {
      if (!Array.isArray(value)) return { path: where, message: `must be a list, got ${describe(value)}` };
      if (spec.minItems !== undefined && value.length < spec.minItems) return { path: where, message: `needs at least ${spec.minItems} entries` };
      if (spec.maxItems !== undefined && value.length > spec.maxItems) return { path: where, message: `allows at most ${spec.maxItems} entries` };
      for (let i = 0; i < value.length; i++) {
        const issue = check(spec.items, value[i], join(path, i));
        if (issue) return issue;
      }
      return null;
    }
    case 'object': {
      if (!isObj(value)) return { path: where, message: `must be an object, got ${describe(value)}` };
      for (const [k, s] of Object.entries(spec.fields)) {
        if (value[k] === undefined) {
          if (spec.optional?.includes(k)) continue;
          return { path: join(path, k), message: 'is missing' };
        }
        const issue = check(s, value[k], join(path, k));
        if (issue) return issue;
      }
      for (const k of Object.keys(value)) {
        if (k === '__proto__') return { path: join(path, k), message: 'is not allowed as a key' };
        if (!Object.hasOwn(spec.fields, k) && !k.startsWith('_')) return { path: join(path, k), message: 'is not a known field (misspelt?)' };
      }
      return null;
    }
    case 'record': {
      if (!isObj(value)) return { path: where, message: `must be an object, got ${describe(value)}` };
      for (const k of spec.keys) {
        if (value[k] === undefined) return { path: join(path, k), message: 'is missing' };
        const issue = check(spec.values, value[k], join(path, k));
        if (issue) return issue;
      }
      for (const k of Object.keys(value)) {
        if (k === '__proto__') return { path: join(path, k), message: 'is not allowed as a key' };
        if (!spec.keys.includes(k) && !k.startsWith('_')) return { path: join(path, k), message: `is not one of ${spec.keys.join(', ')}` };
      }
      return null;
    }
    case 'oneOf': {
      if (!isObj(value)) return { path: where, message: `must be an object, got ${describe(value)}` };
      const tag = value[spec.tag];
      // Own keys only: "constructor" or "toString" must not find Object's.
      const variant = typeof tag === 'string' && Object.hasOwn(spec.variants, tag) ? spec.variants[tag] : undefined;
      if (!variant)
        return { path: join(path, spec.tag), message: `must be one of ${Object.keys(spec.variants).join(', ')}, got ${describe(tag)}` };
      return check(variant, value, path);
    }
  }
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `"${v.length > 40 ? v.slice(0, 40) + '…' : v}"`;
  return typeof v === 'object' ? 'an object' : String(v);
}

/** The same spec as a JSON Schema (draft 2020-12) document body. */
export function toJsonSchema(spec: Spec): Record<string, unknown> {
  const doc = spec.doc ? { description: spec.doc } : {};
  switch (spec.kind) {
    case 'any':
      return { ...doc };
    case 'number':
      return { type: spec.int ? 'integer' : 'number', ...doc, ...(spec.min !== undefined && { minimum: spec.min }), ...(spec.max !== undefined && { maximum: spec.max }) };
    case 'string':
      return { type: 'string', ...doc, ...(spec.enum && { enum: [...spec.enum] }), ...(spec.pattern && { pattern: spec.pattern }) };
    case 'boolean':
      return { type: 'boolean', ...doc };
    case 'array':
      return { type: 'array', ...doc, items: toJsonSchema(spec.items), ...(spec.minItems !== undefined && { minItems: spec.minItems }), ...(spec.maxItems !== undefined && { maxItems: spec.maxItems }) };
    case 'object':
      return {
        type: 'object',
        ...doc,
        properties: Object.fromEntries(Object.entries(spec.fields).map(([k, s]) => [k, toJsonSchema(s)])),
        required: Object.keys(spec.fields).filter((k) => !spec.optional?.includes(k)),
        patternProperties: { '^_': {} },
        additionalProperties: false,
      };
    case 'record':
      return {
        type: 'object',
        ...doc,
        properties: Object.fromEntries(spec.keys.map((k) => [k, toJsonSchema(spec.values)])),
        required: [...spec.keys],
        patternProperties: { '^_': {} },
        additionalProperties: false,
      };
    case 'oneOf':
      // Each variant pins its tag with `const`, or a standard validator lets the tag take any string.
      return {
        ...doc,
        oneOf: Object.entries(spec.variants).map(([name, v]) => {
          const variant = toJsonSchema(v) as { properties: Record<string, object>; required: string[] };
          return {
            ...variant,
            properties: { ...variant.properties, [spec.tag]: { ...variant.properties[spec.tag], const: name } },
            required: variant.required.includes(spec.tag) ? variant.required : [spec.tag, ...variant.required],
          };
        }),
      };
  }
}

/** JSON.parse for a data file, with the depth and size limits: a problem to report, never a throw. */
export { parseJsonGuarded as parseJsonText } from './json-guard';
