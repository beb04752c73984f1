// See tree-sitter-environment.cjs: the one per-worker copy of the binding.
module.exports = globalThis.__diffsecTreeSitter.Parser;
