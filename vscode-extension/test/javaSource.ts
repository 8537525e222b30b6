// Reads the protocol module's Java sources (records and CommandIds) for the contract tests. Test helper only.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root (tests run from out/test). */
export const REPO = path.join(__dirname, '..', '..', '..');
export const PROTOCOL_DIR = path.join(REPO, 'protocol', 'src', 'main', 'java', 'io', 'hostk8s', 'dev', 'protocol');

/** Java source without comments, so a `record X(` or `"id"` in Javadoc does not count. */
export function javaSource(file: string): string {
  return fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
}

/** Split at commas that are not inside <>, () or {}. */
function topLevelSplit(s: string): string[] {
  const parts: string[] = [];
  let depth = 0, cur = '';
  for (const ch of s) {
    if ('<({'.includes(ch)) depth++;
    if ('>)}'.includes(ch)) depth--;
    if (ch === ',' && depth === 0) { parts.push(cur); cur = ''; } else cur += ch;
  }
  if (cur.trim()) parts.push(cur);
  return parts;
}

/** The component names of `record <name>(…)` in `file`, in order (annotations and generic types skipped). */
export function recordComponents(file: string, name: string): string[] {
  const src = javaSource(file);
  const start = src.search(new RegExp(`\\brecord\\s+${name}\\s*\\(`));
  if (start < 0) throw new Error(`no record ${name} in ${file}`);
  let i = src.indexOf('(', start) + 1, depth = 1;
  const begin = i;
  for (; depth > 0 && i < src.length; i++) {
    if (src[i] === '(') depth++;
    if (src[i] === ')') depth--;
  }
  return topLevelSplit(src.slice(begin, i - 1)).map(c => {
    const m = /([A-Za-z_$][\w$]*)\s*$/.exec(c.trim());
    if (!m) throw new Error(`cannot read component "${c}" of ${name}`);
    return m[1];
  });
}

/** `public static final String NAME = "value";` constants of a Java class, by name. */
export function stringConstants(file: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of javaSource(file).matchAll(/static\s+final\s+String\s+([A-Z_][A-Z0-9_]*)\s*=\s*"([^"]*)"\s*;/g)) out.set(m[1], m[2]);
  return out;
}
