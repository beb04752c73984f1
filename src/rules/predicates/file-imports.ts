import { expectStringList, type Predicate } from './predicate.js';

/** The file imports each listed module under its own name (`import os`), so a fix may use that name; the capture is not inspected. */
export const fileImports: Predicate = {
  name: 'file-imports',
  description:
    'The file imports each listed module under its own name (`import os`; `import os as o` or `from os import close` does not count); the capture is not inspected. Lets a fix call `os.close(...)` only where `os` is bound.',
  checkArg: expectStringList,
  test: (_node, arg, ctx) => (arg as string[]).every((module) => ctx.imports.bindingOf(module) === module),
};
