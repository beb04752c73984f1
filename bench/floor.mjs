#!/usr/bin/env node
// The floor for `npm run bench`: the least work any tree-sitter-based Python checker must do.
// Reads every .py file under the given directories, parses it with ONE reused parser (bufferSize
// big enough to hand over the whole file in one chunk) and walks the tree once with a TreeCursor,
// yielding to the event loop between files (the native binding frees trees only then).
// Plain .mjs on purpose: no transpiler cost is timed.
//
// Usage: node bench/floor.mjs PATH...   Prints {"files":N,"lines":N,"bytes":N,"nodes":N} on stdout.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Parser from 'tree-sitter';
import Python from 'tree-sitter-python';

const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  console.error('usage: node bench/floor.mjs PATH...');
  process.exit(2);
}

const files = [];
for (const dir of dirs) {
  if (!statSync(dir).isDirectory()) {
    files.push(dir);
    continue;
  }
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.py')) files.push(join(entry.parentPath ?? entry.path, entry.name));
  }
}
files.sort();

const parser = new Parser();
parser.setLanguage(Python);

/** Lines as `wc -l` plus a last line without its newline. */
function countLines(text) {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  if (text.length > 0 && !text.endsWith('\n')) n++;
  return n;
}

let lines = 0;
let bytes = 0;
let nodes = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  bytes += Buffer.byteLength(text);
  lines += countLines(text);
  const tree = parser.parse(text, null, { bufferSize: Math.max(1024, text.length * 2 + 16) });
  // One depth-first visit of every node (named or not), touching each node's type id.
  const cursor = tree.walk();
  let typeSum = 0;
  walk: for (;;) {
    nodes++;
    typeSum += cursor.nodeTypeId;
    if (cursor.gotoFirstChild()) continue;
    for (;;) {
      if (cursor.gotoNextSibling()) continue walk;
      if (!cursor.gotoParent()) break walk;
    }
  }
  if (typeSum < 0) throw new Error('unreachable');
  await new Promise((resolve) => setImmediate(resolve));
}

console.log(JSON.stringify({ files: files.length, lines, bytes, nodes }));
