// Run by `npm run build` after tsc: writes each of diffsec's process and thread entries in one file
// (BUNDLES below: the CLI, a scanning thread, the GitHub Action's pull-request mode): the entry
// module, every local module it imports, and the pure-JavaScript packages they require (yaml,
// minimatch and its own), each as a CommonJS function in a registry. A run then starts with one
// file to resolve, read and compile instead of up to 250 (loading them one by one was a third of a
// short scan's CPU). TypeScript, which the build already needs, turns each local module's imports
// into requires (its own, well-tried module transform); the code inside is tsc's output unchanged,
// and the packages' CommonJS builds are taken as they are. Other packages are left to Node:
// tree-sitter (a native addon) is required from node_modules as before, and an ES-module-only
// package (probot) is imported by the bundle itself; a dynamic import() (the demo) still imports
// its dist/ module. Each entry's launcher (bin/diffsec.js, scan-threads.ts, action/main.ts) runs
// the modules instead when they are newer than the bundle (a bare tsc since the build).
import { builtinModules, createRequire } from 'node:module';
import { readFileSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Each bundle: the file written, its entry module, and the entry's exports the bundle exports (an entry run for its effect, a thread's, has none). */
const BUNDLES = [
  { out: 'dist/cli.js', entry: 'dist/src/cli/main.js', exports: ['main'], what: 'the CLI' },
  { out: 'dist/scan-thread.js', entry: 'dist/src/analysis/scan-thread.js', exports: [], what: 'a scanning thread (DIFFSEC_THREADS)' },
  { out: 'dist/action.js', entry: 'dist/src/action/run-action.js', exports: ['runAction'], what: "the GitHub Action's pull-request mode" },
];
/** Packages taken into the bundle: pure JavaScript, strict-mode CommonJS, requiring only each other and Node's own modules. */
const BUNDLED_PACKAGES = ['yaml', 'minimatch', 'brace-expansion', 'balanced-match', '@isaacs/nonrecursive-glob-match'];

// node_modules may be a link (a worktree's to the main checkout's): packages are named below it.
const nodeModules = realpathSync(join(root, 'node_modules'));
const idOf = (path) => (path.startsWith(nodeModules + sep) ? join('node_modules', relative(nodeModules, path)) : relative(root, path)).split(sep).join('/');
const packageOf = (id) => /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id)?.[1] ?? null;

/**
 * Rewrites what CommonJS cannot say in a local module: `import.meta.url` becomes the module's own
 * dist/ URL (so the paths it finds stay the same), `createRequire(import.meta.url)` the module's
 * registry require (so what it requires lazily, yaml, is bundled too), and `import(x)` a call to
 * the registry's dynamic import.
 */
function rewrite(context) {
  const f = context.factory;
  const isImportMetaUrl = (node) => ts.isPropertyAccessExpression(node) && ts.isMetaProperty(node.expression) && node.expression.keywordToken === ts.SyntaxKind.ImportKeyword && node.name.text === 'url';
  const visit = (node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'createRequire' && node.arguments.length === 1 && isImportMetaUrl(node.arguments[0])) return f.createIdentifier('require');
    if (isImportMetaUrl(node)) return f.createIdentifier('__moduleUrl');
    if (ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.ImportKeyword) throw new Error('bundle-cli: only import.meta.url is supported');
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      return f.createCallExpression(f.createIdentifier('__import'), undefined, ts.visitNodes(node.arguments, visit));
    }
    return ts.visitEachChild(node, visit, context);
  };
  return (file) => ts.visitNode(file, visit);
}

/** The string arguments of the code's `require('…')` calls. */
function requiredBy(code) {
  const found = [];
  const visit = (node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require' && node.arguments.length === 1 && ts.isStringLiteralLike(node.arguments[0])) found.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile('m.js', code, ts.ScriptTarget.ES2022, false, ts.ScriptKind.JS));
  return found;
}

function codeOf(id) {
  const text = readFileSync(join(root, id), 'utf8');
  if (packageOf(id)) {
    if (!/^\s*(?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*['"]use strict['"]/.test(text)) throw new Error(`bundle-cli: ${id} is not strict-mode code`);
    if (/\b(?:__dirname|__filename)\b/.test(text)) throw new Error(`bundle-cli: ${id} uses __dirname or __filename`);
    return text.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
  }
  const { outputText, diagnostics } = ts.transpileModule(text, {
    fileName: id.replace(/^dist\/src\//, ''),
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, allowJs: true, sourceMap: false },
    transformers: { before: [rewrite] },
  });
  if (diagnostics?.length) throw new Error(`bundle-cli: ${id}: ${ts.flattenDiagnosticMessageText(diagnostics[0].messageText, '\n')}`);
  return outputText.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
}

/** Whether Node loads this file of a package as an ES module (it cannot then be required on every Node diffsec supports). */
function isEsModule(path) {
  if (path.endsWith('.mjs')) return true;
  if (!path.endsWith('.js')) return false;
  for (let dir = dirname(path); dir !== dirname(dir); dir = dirname(dir)) {
    let manifest;
    try {
      manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    } catch {
      continue;
    }
    return manifest.type === 'module';
  }
  return false;
}

/** Each module's code and requires, by id, read once for all bundles (see graphOf). */
const read = new Map();

/**
 * The modules the entry needs, by module id (its path from the package root): its code, and what
 * each `require` names: a bundled module's id, `import:` and the package (an ES module the bundle
 * imports), or null (Node's require).
 */
function graphOf(entry, out) {
  const modules = new Map();
  const pending = [entry];
  while (pending.length > 0) {
    const id = pending.pop();
    if (modules.has(id)) continue;
    if (!read.has(id)) read.set(id, codeOf(id));
    const code = read.get(id);
    const deps = {};
    const req = createRequire(join(root, id));
    for (const spec of requiredBy(code)) {
      if (spec in deps) continue;
      if (builtinModules.includes(spec.replace(/^node:/, ''))) {
        deps[spec] = null;
        continue;
      }
      const resolved = req.resolve(spec);
      const target = idOf(resolved);
      const pkg = packageOf(target);
      if (pkg && !BUNDLED_PACKAGES.includes(pkg)) {
        // Left to Node: named from dist/, it must resolve there as it does here (tree-sitter, probot).
        if (packageOf(id) || target !== idOf(createRequire(join(root, out)).resolve(spec))) throw new Error(`bundle-cli: ${id} requires ${spec}, which is not bundled`);
        deps[spec] = isEsModule(resolved) ? `import:${spec}` : null;
        continue;
      }
      deps[spec] = target;
      pending.push(target);
    }
    modules.set(id, { code, deps });
  }
  return modules;
}

function writeBundle({ out, entry, exports, what }) {
  const modules = graphOf(entry, out);
  const ids = [...modules.keys()].sort();
  const imported = [...new Set(ids.flatMap((id) => Object.values(modules.get(id).deps)).filter((d) => d?.startsWith('import:')))].sort();
  const parts = [
    `// Generated by scripts/bundle-cli.mjs (see there): ${what} in one file. Do not edit.`,
    "import { createRequire } from 'node:module';",
    ...imported.map((d, i) => `import * as imported${i} from ${JSON.stringify(d.slice('import:'.length))};`),
    'const nodeRequire = createRequire(import.meta.url);',
    "const ROOT = new URL('../', import.meta.url);",
    // As tsc's CommonJS output reads a module: `__esModule` says its default export is `default`.
    `const imported = {${imported.map((d, i) => `${JSON.stringify(d)}: { __esModule: true, ...imported${i} }`).join(', ')}};`,
    '/** By module id: [what its requires name (a module id, an imported ES module, or null: Node\'s), its code]. */',
    'const defined = {',
    ...ids.map((id) => `${JSON.stringify(id)}: [${JSON.stringify(modules.get(id).deps)}, function (exports, require, module, __moduleUrl, __import) {\n${modules.get(id).code}}],`),
    '};',
    'const loaded = new Map();',
    // A module's exports object is registered before it runs, so import cycles see each other's
    // exports as CommonJS does (tsc's output assigns hoisted functions first, as ES modules have them).
    'function load(id) {',
    '  let module = loaded.get(id);',
    '  if (module) return module.exports;',
    '  module = { exports: {} };',
    '  loaded.set(id, module);',
    '  const [deps, run] = defined[id];',
    '  const url = new URL(id, ROOT).href;',
    '  const require = (spec) => (!deps[spec] ? nodeRequire(spec) : deps[spec] in imported ? imported[deps[spec]] : load(deps[spec]));',
    '  const dynamicImport = (spec) => {',
    '    const target = new URL(spec, url).href;',
    '    const local = target.startsWith(ROOT.href) ? target.slice(ROOT.href.length) : null;',
    '    return local !== null && local in defined ? Promise.resolve().then(() => load(local)) : import(target);',
    '  };',
    '  run.call(module.exports, module.exports, require, module, url, dynamicImport);',
    '  return module.exports;',
    '}',
    exports.length > 0 ? `export const { ${exports.join(', ')} } = load(${JSON.stringify(entry)});` : `load(${JSON.stringify(entry)});`,
    '',
  ];
  const path = join(root, out);
  writeFileSync(`${path}.tmp`, parts.join('\n'));
  renameSync(`${path}.tmp`, path);
}

for (const bundle of BUNDLES) writeBundle(bundle);
