/**
 * Compiles a path glob to a RegExp: `**` spans folders, `*` and `?` stay inside one, a pattern
 * with no `/` matches the base name anywhere (as .gitignore does). Names may hold newlines.
 */
export function globToRegExp(glob: string): RegExp {
  const anchored = glob.includes('/');
  let pattern = glob.replace(/^\.?\//, '');
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      out += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  pattern = out;
  // `s`: a name may hold a newline (git allows it), and `*` must match it, or the file escapes review.
  return new RegExp(anchored ? `^${pattern}(?:/.*)?$` : `(?:^|/)${pattern}(?:/.*)?$`, 's');
}

/** True when `path` matches any of `globs`. */
export function matchesAnyGlob(path: string, globs: readonly string[]): boolean {
  return globs.some((g) => {
    let re = compiled.get(g);
    if (!re) compiled.set(g, (re = globToRegExp(g)));
    return re.test(path);
  });
}

const compiled = new Map<string, RegExp>();
