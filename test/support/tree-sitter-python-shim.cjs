// See tree-sitter-environment.cjs: the one per-worker copy of the grammar.
module.exports = globalThis.__diffsecTreeSitter.Python;
