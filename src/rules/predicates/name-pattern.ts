/**
 * Matches dotted names against rule patterns: exact (`os.system`), with a trailing `*` for a
 * prefix (`os.exec*` matches `os.execv`, `os.execlp`), or with a leading `*.` for any package
 * above a module path (`*.openstack.common.processutils.execute` matches the copies that
 * oslo-incubator vendored into `nova.`, `cinder.`, `glance.`…, and its own `openstack.common…`).
 */
export function matchesNamePattern(name: string, patterns: readonly string[]): boolean {
  for (const pattern of patterns) {
    if (isAnyPackagePattern(pattern)) {
      if (isUnderAnyPackage(name, pattern.slice(2))) return true;
    } else if (pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern) return true;
  }
  return false;
}

/** A pattern whose leading `*.` stands for any package path, or none (`*.common.processutils.execute`). */
export function isAnyPackagePattern(pattern: string): boolean {
  return pattern.startsWith('*.');
}

/** Whether `name` is `path` itself or `path` under some package (`x.y.path`): whole parts only. */
export function isUnderAnyPackage(name: string, path: string): boolean {
  return name.endsWith(path) && (name.length === path.length || name.charCodeAt(name.length - path.length - 1) === 46 /* . */);
}
