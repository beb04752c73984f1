import Parser from 'tree-sitter';
import Python from 'tree-sitter-python';

/** The tree-sitter Python grammar. */
export const python = Python as unknown as Parser.Language;

let shared: Parser | null = null;

/** Parses Python source with one parser reused across files (creating one per file costs more). */
export function parsePython(source: string): Parser.Tree {
  if (!shared) {
    shared = new Parser();
    shared.setLanguage(python);
  }
  // The binding reads input in chunks of bufferSize; one chunk for the whole file is fastest.
  return shared.parse(source, null, { bufferSize: Math.max(1024, source.length * 2 + 16) });
}
