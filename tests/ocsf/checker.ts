// A checker of OCSF events against the OCSF 1.8.0 schema definitions kept in ../shared (never copied
// into the project). It reads the definitions the way the OCSF schema compiler combines them:
// - an event class is its file under events/ merged over its `extends` chain down to base_event;
//   an object is objects/<name>.json merged over its `extends` chain; a child's attribute entries are
//   deep-merged over the parent's, a child's `constraints` replace the parent's;
// - `$include: ["profiles/x.json"]` adds the profile's attributes marked as belonging to profile x;
//   a class entry with `"profile": null` makes such an attribute part of the class itself; an
//   attribute of a profile is allowed (and, if required, required) only when the event lists that
//   profile in metadata.profiles;
// - an attribute's definition is dictionary.json's entry merged with the class's or object's entry
//   (type overrides, enums united), its type a dictionary type (string_t, email_t -> string_t, ...)
//   with that type's regex/max_len/range/values, or an object.
// Reported: unknown attributes (anything Mimecast-specific must be under `unmapped`), missing required
// attributes, at_least_one / just_one constraints, wrong types, enum ids that are not keys of the
// enum, captions that disagree with their id (activity_name, severity, status, action, ...),
// deprecated classes and attributes, class_uid/category_uid/type_uid arithmetic, metadata.version,
// profiles the class does not support, and timestamps that are not epoch milliseconds.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Finding {
    path: string;
    message: string;
}

interface Enum {
    [id: string]: { caption?: string };
}
interface AttrDef {
    caption?: string;
    requirement?: string;
    type?: string;
    is_array?: boolean;
    enum?: Enum;
    sibling?: string;
    profile?: string | null;
    '@deprecated'?: { message?: string; since?: string };
}
interface Constraints {
    at_least_one?: string[];
    just_one?: string[];
}
interface RawDef {
    name: string;
    caption?: string;
    uid?: number;
    category?: string;
    extends?: string;
    attributes?: Record<string, unknown>;
    constraints?: Constraints;
    profiles?: string[];
    '@deprecated'?: { message?: string; since?: string };
}
interface Resolved {
    name: string;
    caption: string;
    category?: string;
    attributes: Record<string, AttrDef>;
    constraints?: Constraints;
    profiles: string[];
    deprecated?: { message?: string; since?: string };
}
interface TypeDef {
    type?: string;
    regex?: string;
    max_len?: number;
    range?: [number, number];
    values?: unknown[];
}

/** Attributes whose enum in the definitions is a placeholder the compiler fills in; checked by arithmetic instead. */
const COMPUTED = new Set(['class_uid', 'category_uid', 'type_uid']);
/** Epoch milliseconds are at least this large after 1973; a smaller timestamp_t is likely in seconds. */
const MIN_EPOCH_MS = 1e11;

export class OcsfSchema {
    readonly version: string;
    private readonly dictionary: Record<string, AttrDef>;
    private readonly types: Record<string, TypeDef>;
    private readonly categories: Record<string, { uid: number; caption: string }>;
    private readonly rawClasses = new Map<string, RawDef>();
    private readonly classByUid = new Map<number, string>();
    private readonly rawObjects = new Map<string, RawDef>();
    private readonly resolved = new Map<string, Resolved>();

    constructor(private readonly root: string) {
        this.version = (this.json('version.json') as { version: string }).version;
        const dictionary = this.json('dictionary.json') as { attributes: Record<string, AttrDef>; types: { attributes: Record<string, TypeDef> } };
        this.dictionary = dictionary.attributes;
        this.types = dictionary.types.attributes;
        this.categories = (this.json('categories.json') as { attributes: Record<string, { uid: number; caption: string }> }).attributes;
        for (const file of walk(join(root, 'events'))) {
            const raw = JSON.parse(readFileSync(file, 'utf8')) as RawDef;
            this.rawClasses.set(raw.name, raw);
        }
        for (const raw of this.rawClasses.values()) {
            if (raw.uid !== undefined) {
                this.classByUid.set(this.classUid(raw.name), raw.name);
            }
        }
        for (const file of readdirSync(join(root, 'objects'))) {
            if (file.endsWith('.json')) {
                const raw = JSON.parse(readFileSync(join(root, 'objects', file), 'utf8')) as RawDef;
                this.rawObjects.set(raw.name, raw);
            }
        }
    }

    /** class_uid = category uid * 1000 + the class's uid. */
    classUid(name: string): number {
        const raw = this.rawClasses.get(name);
        const category = this.resolveClass(name).category;
        const cat = category ? this.categories[category] : undefined;
        return raw?.uid === undefined || cat === undefined ? 0 : cat.uid * 1000 + raw.uid;
    }

    /** Every problem of `event` against the schema; empty when it is a valid OCSF event. */
    check(event: unknown): Finding[] {
        const findings: Finding[] = [];
        const add = (path: string, message: string) => findings.push({ path, message });
        if (!isObject(event)) {
            add('', 'an event must be a JSON object');
            return findings;
        }
        const rawUid = event['class_uid'];
        const classUid = typeof rawUid === 'number' ? rawUid : Number.NaN;
        const className = this.classByUid.get(classUid);
        if (className === undefined) {
            add('class_uid', `${JSON.stringify(rawUid)} is not the class_uid of an OCSF ${this.version} event class`);
            return findings;
        }
        const cls = this.resolveClass(className);
        if (cls.deprecated) {
            add('class_uid', `class ${cls.caption} is deprecated since ${cls.deprecated.since}: ${strip(cls.deprecated.message)}`);
        }
        const category = cls.category ? this.categories[cls.category] : undefined;
        if (event['category_uid'] !== category?.uid) {
            add('category_uid', `must be ${category?.uid} (${category?.caption}) for class ${cls.caption}, is ${JSON.stringify(event['category_uid'])}`);
        }
        if (event['class_name'] !== undefined && event['class_name'] !== cls.caption) {
            add('class_name', `must be "${cls.caption}", is ${JSON.stringify(event['class_name'])}`);
        }
        if (event['category_name'] !== undefined && event['category_name'] !== category?.caption) {
            add('category_name', `must be "${category?.caption}", is ${JSON.stringify(event['category_name'])}`);
        }
        if (typeof event['activity_id'] === 'number' && event['type_uid'] !== classUid * 100 + event['activity_id']) {
            add('type_uid', `must be class_uid * 100 + activity_id = ${classUid * 100 + event['activity_id']}, is ${JSON.stringify(event['type_uid'])}`);
        }
        const metadata = isObject(event['metadata']) ? event['metadata'] : {};
        if (metadata['version'] !== this.version) {
            add('metadata.version', `must be "${this.version}", is ${JSON.stringify(metadata['version'])}`);
        }
        const profiles = new Set(Array.isArray(metadata['profiles']) ? metadata['profiles'].filter((p): p is string => typeof p === 'string') : []);
        for (const profile of profiles) {
            if (!cls.profiles.includes(profile)) {
                add('metadata.profiles', `class ${cls.caption} does not support profile ${profile} (it supports ${cls.profiles.join(', ')})`);
            }
        }
        this.checkAttributes(event, cls, '', profiles, add);
        return findings;
    }

    /** The class `name` with its extends chain and profiles resolved. */
    resolveClass(name: string): Resolved {
        return this.resolve('class', name);
    }

    resolveObject(name: string): Resolved {
        return this.resolve('object', name);
    }

    private resolve(kind: 'class' | 'object', name: string): Resolved {
        const key = `${kind}:${name}`;
        const cached = this.resolved.get(key);
        if (cached) {
            return cached;
        }
        const raw = (kind === 'class' ? this.rawClasses : this.rawObjects).get(name);
        if (raw === undefined) {
            throw new Error(`OCSF ${kind} ${name} is not defined in ${this.root}`);
        }
        const parent = raw.extends ? this.resolve(kind, raw.extends) : undefined;
        const attributes: Record<string, AttrDef> = { ...(parent?.attributes ?? {}) };
        const own = raw.attributes ?? {};
        const includes = Array.isArray(own['$include']) ? (own['$include'] as string[]) : [];
        for (const include of includes) {
            const profile = this.json(include) as { name: string; attributes: Record<string, AttrDef> };
            for (const [attr, def] of Object.entries(profile.attributes)) {
                attributes[attr] = merge(attributes[attr], { ...def, profile: profile.name }) as AttrDef;
            }
        }
        for (const [attr, def] of Object.entries(own)) {
            if (attr !== '$include') {
                attributes[attr] = merge(attributes[attr], def) as AttrDef;
            }
        }
        const resolved: Resolved = {
            name,
            caption: raw.caption ?? name,
            category: raw.category ?? parent?.category,
            attributes,
            constraints: raw.constraints ?? parent?.constraints,
            profiles: [...new Set([...(parent?.profiles ?? []), ...(raw.profiles ?? [])])],
            deprecated: raw['@deprecated']
        };
        this.resolved.set(key, resolved);
        return resolved;
    }

    private checkAttributes(
        value: Record<string, unknown>,
        def: Resolved,
        path: string,
        profiles: Set<string>,
        add: (path: string, message: string) => void
    ): void {
        const at = (attr: string) => (path ? `${path}.${attr}` : attr);
        for (const [attr, v] of Object.entries(value)) {
            if (v === undefined) {
                continue; // absent, as in the event's JSON
            }
            const local = def.attributes[attr];
            if (local === undefined) {
                add(at(attr), `unknown attribute: ${def.caption} has no ${attr} (fields with no OCSF place belong under unmapped)`);
                continue;
            }
            if (typeof local.profile === 'string' && !profiles.has(local.profile)) {
                add(at(attr), `${attr} belongs to the ${local.profile} profile, which metadata.profiles does not list`);
                continue;
            }
            const dict = this.dictionary[attr];
            if (dict === undefined) {
                add(at(attr), `${attr} is not in the OCSF dictionary`);
                continue;
            }
            const full = merge(dict, local) as AttrDef;
            if (local['@deprecated'] || dict['@deprecated']) {
                const dep = local['@deprecated'] ?? dict['@deprecated'];
                add(at(attr), `${attr} is deprecated since ${dep?.since}: ${strip(dep?.message)}`);
            }
            this.checkValue(v, attr, full, at(attr), profiles, add);
            if (full.sibling && full.enum && !COMPUTED.has(attr) && typeof v === 'number' && v !== 99 && typeof value[full.sibling] === 'string') {
                const caption = full.enum[String(v)]?.caption;
                if (caption !== undefined && value[full.sibling] !== caption) {
                    add(at(full.sibling), `must be the caption of ${attr} ${v}, "${caption}", is ${JSON.stringify(value[full.sibling])}`);
                }
            }
        }
        for (const [attr, local] of Object.entries(def.attributes)) {
            const applies = typeof local.profile !== 'string' || profiles.has(local.profile);
            if (local.requirement === 'required' && applies && value[attr] === undefined) {
                add(at(attr), `missing required attribute ${attr} of ${def.caption}`);
            }
        }
        const present = (attrs: string[]) => attrs.filter((a) => value[a] !== undefined);
        const atLeastOne = def.constraints?.at_least_one;
        if (atLeastOne && present(atLeastOne).length === 0) {
            add(path || '(event)', `${def.caption} needs at least one of ${atLeastOne.join(', ')}`);
        }
        const justOne = def.constraints?.just_one;
        if (justOne && present(justOne).length !== 1) {
            add(path || '(event)', `${def.caption} needs exactly one of ${justOne.join(', ')}, has ${present(justOne).length}`);
        }
    }

    private checkValue(value: unknown, attr: string, def: AttrDef, path: string, profiles: Set<string>, add: (path: string, message: string) => void): void {
        if (value === null) {
            add(path, 'null is not a value: leave the attribute out');
            return;
        }
        if (def.is_array) {
            if (!Array.isArray(value)) {
                add(path, `${attr} is an array of ${def.type}, got ${describe(value)}`);
                return;
            }
            value.forEach((item, i) => this.checkOne(item, attr, def, `${path}[${i}]`, profiles, add));
            return;
        }
        if (Array.isArray(value)) {
            add(path, `${attr} is one ${def.type}, got an array`);
            return;
        }
        this.checkOne(value, attr, def, path, profiles, add);
    }

    private checkOne(value: unknown, attr: string, def: AttrDef, path: string, profiles: Set<string>, add: (path: string, message: string) => void): void {
        const type = def.type ?? 'string_t';
        if (this.types[type] !== undefined) {
            const problem = this.primitiveProblem(value, type);
            if (problem) {
                add(path, `${attr}: ${problem}`);
                return;
            }
            if (def.enum && !COMPUTED.has(attr) && !Object.prototype.hasOwnProperty.call(def.enum, String(value))) {
                add(path, `${attr}: ${JSON.stringify(value)} is not one of its enum ids (${Object.keys(def.enum).join(', ')})`);
            }
            return;
        }
        if (!isObject(value)) {
            add(path, `${attr} is a ${type} object, got ${describe(value)}`);
            return;
        }
        if (type === 'object') {
            return; // free-form (e.g. unmapped, xattributes)
        }
        if (!this.rawObjects.has(type)) {
            add(path, `${attr} has type ${type}, which is neither a dictionary type nor an object`);
            return;
        }
        this.checkAttributes(value, this.resolveObject(type), path, profiles, add);
    }

    /** Why `value` is not a `type` (walking string_t-based types down to their base), or undefined. */
    private primitiveProblem(value: unknown, type: string): string | undefined {
        const chain: string[] = [];
        for (let t: string | undefined = type; t !== undefined && !chain.includes(t); t = this.types[t]?.type) {
            chain.push(t);
        }
        const base = chain[chain.length - 1];
        const expected = `${type}${base !== type ? ` (${base})` : ''}`;
        switch (base) {
            case 'string_t':
                if (typeof value !== 'string') return `expected ${expected}, got ${describe(value)}`;
                break;
            case 'integer_t':
                if (typeof value !== 'number' || !Number.isInteger(value) || Math.abs(value) > 2 ** 31) return `expected ${expected}, got ${describe(value)}`;
                break;
            case 'long_t':
                if (typeof value !== 'number' || !Number.isSafeInteger(value)) return `expected ${expected}, got ${describe(value)}`;
                break;
            case 'float_t':
                if (typeof value !== 'number' || !Number.isFinite(value)) return `expected ${expected}, got ${describe(value)}`;
                break;
            case 'boolean_t':
                if (typeof value !== 'boolean') return `expected ${expected}, got ${describe(value)}`;
                break;
            case 'json_t':
                break;
            default:
                return `unknown base type ${base}`;
        }
        for (const t of chain) {
            const def = this.types[t] ?? {};
            if (def.regex !== undefined && typeof value === 'string' && !new RegExp(def.regex).test(value))
                return `${JSON.stringify(value)} does not match the ${t} pattern`;
            if (def.max_len !== undefined && typeof value === 'string' && value.length > def.max_len)
                return `${JSON.stringify(value)} is longer than ${def.max_len} (${t})`;
            if (def.range !== undefined && typeof value === 'number' && (value < def.range[0] || value > def.range[1]))
                return `${value} is outside ${t}'s range ${def.range.join('-')}`;
            if (def.values !== undefined && !def.values.includes(value)) return `${JSON.stringify(value)} is not one of ${t}'s values`;
        }
        if (chain.includes('timestamp_t') && typeof value === 'number' && value < MIN_EPOCH_MS) {
            return `${value} is not epoch milliseconds (timestamp_t); seconds?`;
        }
        return undefined;
    }

    private json(relative: string): unknown {
        return JSON.parse(readFileSync(join(this.root, relative), 'utf8'));
    }
}

/** The files a checker needs under ../shared (for describeWithShared). */
export const OCSF_FILES = ['reference/ocsf-1.8.0/dictionary.json', 'reference/ocsf-1.8.0/events/base_event.json', 'reference/ocsf-1.8.0/objects/email.json'];

function walk(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? walk(join(dir, entry.name)) : entry.name.endsWith('.json') ? [join(dir, entry.name)] : []
    );
}

function merge(base: unknown, over: unknown): unknown {
    if (isObject(base) && isObject(over)) {
        const out: Record<string, unknown> = { ...base };
        for (const [key, value] of Object.entries(over)) {
            out[key] = merge(base[key], value);
        }
        return out;
    }
    return over === undefined ? base : over;
}

function isObject(value: unknown): value is Record<string, unknown> {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describe(value: unknown): string {
    return value === null ? 'null' : Array.isArray(value) ? 'an array' : `${typeof value} ${JSON.stringify(value)}`;
}

function strip(html: string | undefined): string {
    return (html ?? '').replace(/<[^>]+>/g, '');
}
