/**
 * Wildcard matching as IAM does it: `*` is any run of characters (including ':' and
 * '/', so "workload/*" covers every workload id), `?` is exactly one character, and
 * everything else is literal. Policy variables (`${aws:username}`, and the escapes
 * `${*}`, `${?}`, `${$}`) are substituted as literal text before matching.
 */

const VARIABLE = /\$\{([^}]*)\}/g;

/** Looks up a policy variable's value; undefined when the request has no such key. */
export type VariableResolver = (name: string) => string | undefined;

export interface GlobOptions {
  ignoreCase?: boolean;
  /** Present only for policies that allow variables (Version 2012-10-17). */
  resolve?: VariableResolver;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

function wildcardsToRegExpSource(literalText: string): string {
  let out = '';
  for (const ch of literalText) {
    if (ch === '*') out += '[\\s\\S]*';
    else if (ch === '?') out += '[\\s\\S]';
    else out += escapeRegExp(ch);
  }
  return out;
}

/** Names of the `${...}` variables in a pattern, escapes excluded. */
export function variableNames(pattern: string): string[] {
  const names: string[] = [];
  for (const m of pattern.matchAll(VARIABLE)) {
    const inner = m[1].trim();
    if (inner !== '*' && inner !== '?' && inner !== '$') names.push(inner);
  }
  return names;
}

// Compiled patterns are reused across requests; policies are few and long-lived, so the
// cache stays small, but it is capped anyway so hostile input cannot grow it forever.
const cache = new Map<string, RegExp>();
const CACHE_LIMIT = 2000;

function compile(source: string, ignoreCase: boolean): RegExp {
  const cacheKey = `${ignoreCase ? 'i' : 's'}${source}`;
  let re = cache.get(cacheKey);
  if (!re) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    re = new RegExp(`^${source}$`, ignoreCase ? 'i' : '');
    cache.set(cacheKey, re);
  }
  return re;
}

/**
 * Builds the matcher for one pattern. Returns undefined when a variable cannot be
 * resolved: IAM treats such a pattern as matching nothing.
 */
export function globToRegExp(pattern: string, options: GlobOptions = {}): RegExp | undefined {
  let source = '';
  if (options.resolve) {
    let last = 0;
    for (const m of pattern.matchAll(VARIABLE)) {
      source += wildcardsToRegExpSource(pattern.slice(last, m.index));
      const inner = m[1].trim();
      // The escapes let a policy say a literal '*', '?' or '$' where it would otherwise be special.
      const value = inner === '*' || inner === '?' || inner === '$' ? inner : options.resolve(inner);
      if (value === undefined) return undefined;
      source += escapeRegExp(value);
      last = (m.index ?? 0) + m[0].length;
    }
    source += wildcardsToRegExpSource(pattern.slice(last));
  } else {
    source = wildcardsToRegExpSource(pattern);
  }
  return compile(source, options.ignoreCase ?? false);
}

export function globMatches(pattern: string, value: string, options: GlobOptions = {}): boolean {
  return globToRegExp(pattern, options)?.test(value) ?? false;
}

/**
 * Substitutes variables in a value used by an exact-match operator (StringEquals and
 * friends treat `*` literally, but still expand variables). Undefined if unresolvable.
 */
export function substituteVariables(text: string, resolve: VariableResolver | undefined): string | undefined {
  if (!resolve) return text;
  let unresolved = false;
  const out = text.replace(VARIABLE, (_whole, raw: string) => {
    const inner = raw.trim();
    if (inner === '*' || inner === '?' || inner === '$') return inner;
    const value = resolve(inner);
    if (value === undefined) unresolved = true;
    return value ?? '';
  });
  return unresolved ? undefined : out;
}
