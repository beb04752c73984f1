// The tree-sitter native binding keeps per-process state tied to the first copy of its JS wrapper;
// jest's per-file module registries would load a second copy whose trees come back empty. So the
// wrapper and grammar are loaded once per worker, outside the registries, and handed in as globals.
const { TestEnvironment } = require('jest-environment-node');
const Parser = require('tree-sitter');
const Python = require('tree-sitter-python');

class TreeSitterEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global.__diffsecTreeSitter = { Parser, Python };
  }
}

module.exports = TreeSitterEnvironment;
