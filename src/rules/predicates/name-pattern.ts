/**
 * Matches dotted names against rule patterns: exact (`os.system`), or with a trailing `*` for a
 * prefix (`os.exec*` matches `os.execv`, `os.execlp`).
 */
export function matchesNamePattern(name: string, patterns: readonly string[]): boolean {
  for (const pattern of patterns) {
    if (pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern) return true;
  }
  return false;
}
