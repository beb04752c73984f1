import { holdsOnlyInstancesNotNamedPredicate } from '../../../src/rules/predicates/holds-only-instances-not-named.js';
import { parsePython } from '../../../src/analysis/python-parser.js';
import { ImportMap } from '../../../src/analysis/import-map.js';

const ARCHIVE_NAMES = '[Tt]ar|[Zz]ip|[Aa]rchive';

/** The predicate on the receiver of the snippet's last `.extract(...)` call. */
const holds = (source: string) => {
  const tree = parsePython(`${source}\n`);
  const imports = new ImportMap();
  for (const statement of tree.rootNode.descendantsOfType(['import_statement', 'import_from_statement'])) imports.add(statement);
  const calls = tree.rootNode.descendantsOfType('call').filter((c) => c.childForFieldName('function')?.text.endsWith('.extract'));
  const receiver = calls[calls.length - 1]!.childForFieldName('function')!.childForFieldName('object')!;
  return holdsOnlyInstancesNotNamedPredicate.test(receiver, ARCHIVE_NAMES, { path: 'app.py', imports });
};

describe('holds-only-instances-not-named', () => {
  it.each([
    // Chameleon's hammers scripts.
    'from hammers import MySqlArgs\ndef main(args):\n    mysqlargs = MySqlArgs({})\n    mysqlargs.extract(args)',
    'import hammers\ndef main(args):\n    m = hammers.MySqlArgs({})\n    m.extract(args)',
    'def main(args, c):\n    m = Reader(1) if c else Options(2)\n    m.extract(args)',
    'def main(args):\n    Reader().extract(args)',
  ])('%j: an object of a class not named for archives', (source) => {
    expect(holds(source)).toBe(true);
  });

  it.each([
    'import tarfile\ndef main(p, m):\n    t = tarfile.open(p)\n    t.extract(m)',
    'from backup import BackupArchive\ndef main(p, m):\n    b = BackupArchive(p)\n    b.extract(m)',
    'import tarfile\ndef main(p, m):\n    t = tarfile.TarFile(p)\n    t.extract(m)',
    'def main(archive, m):\n    archive.extract(m)',
    'def main(p, m, c):\n    r = Reader(p) if c else open_archive(p)\n    r.extract(m)',
    'def main(p, m):\n    r = READER(p)\n    r.extract(m)',
  ])('%j: not', (source) => {
    expect(holds(source)).toBe(false);
  });
});
