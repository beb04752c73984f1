/** Help texts, one per command; `--help` prints them on stdout, usage errors point at them. */

export const MAIN_USAGE = `Usage: diffsec <command> [options]

Reviews Python for security defects (injection, unsafe deserialisation, leaked secrets,
disabled TLS checks, weak crypto) with tree-sitter rules.

Commands:
  scan [PATH...]    review whole files and folders (default: .)
  diff              review only the lines changed between two commits of a git repository
  rules             list the rules
  demo              review a bundled example pull request through the GitHub App, end to end
  help [COMMAND]    show help for a command

Options:
  -h, --help        show this help (and 'diffsec COMMAND --help' for a command's options)
  --version         print diffsec's version

Exit status: 0 when no unsuppressed finding reaches the fail threshold, 1 when one does,
2 on a usage or internal error (set DIFFSEC_DEBUG=1 for a stack trace).
`;

const REPORT_OPTIONS = `Report options:
  --format FORMAT             text (default), json or sarif
  --output FILE               write the report to FILE instead of standard output
  --min-severity LEVEL        report only findings of at least this severity: low, medium, high
  --min-confidence LEVEL      report only findings of at least this confidence
  --fail-on-severity LEVEL    exit 1 on a finding of at least this severity (default: the
                              config's fail_on.severity, else high)
  --fail-on-confidence LEVEL  ... and at least this confidence (default: fail_on.confidence,
                              else medium)
  --config FILE               settings in YAML, the keys of .github/diffsec.yml, or a
                              pyproject.toml's [tool.diffsec]; default: the repository's
                              .github/diffsec.yml, else pyproject.toml's [tool.diffsec], else
                              Bandit's [tool.bandit] or .bandit (see README)
  --rules DIR                 also load the rules in DIR (DIR/<family>/<id>-<name>.yaml);
                              may be given more than once
  --no-bundled-rules          leave out diffsec's own rules (use with --rules)
  --no-color                  plain text even on a terminal (so does NO_COLOR=1)
  --baseline FILE             do not report the findings FILE holds (see --write-baseline)
  --write-baseline FILE       write every unsuppressed finding to FILE as a baseline, and
                              exit 0 (see docs/ci.md)
  -h, --help                  show this help

Text output is one line per finding, path:line:col: DS101 [severity/confidence] message, then
suppressed findings, skipped files and a summary. Command-line options override the config file.`;

export const SCAN_USAGE = `Usage: diffsec scan [options] [PATH...]
       diffsec scan [options] - [--stdin-filename NAME]

Reviews whole files and folders (default: the current folder); every finding is in scope.
Folders are walked without following symbolic links, skipping .git, .hg, .svn, virtualenvs
(.venv, venv, any folder holding pyvenv.cfg), node_modules, __pycache__, .tox, .nox and the
config's exclude globs; inside a git work tree, files .gitignore ignores are skipped too (a
file named on the command line is reviewed even so). Inside a git work tree, files are named
from its top folder (as 'diffsec diff' names them) in JSON, SARIF, baselines and config globs,
so they mean the same from any folder; text output shows them relative to the current folder.
A named file the include globs leave out, or a selection with no Python
file, is said on stderr.

Scan options:
  -                           review standard input (also /dev/stdin), as one file
  --stdin-filename NAME       the name standard input is reported under (and matched
                              against per_file_ignores); default <stdin>
  --no-gitignore              walk files .gitignore ignores too
  --no-cache                  neither read nor write the result cache (.diffsec_cache/ at the
                              repository root, or $DIFFSEC_CACHE_DIR): a repeat scan of
                              unchanged files answers from it

${REPORT_OPTIONS}
`;

export const DIFF_USAGE = `Usage: diffsec diff [options]

Reviews only the lines changed between two commits of a local git repository. Paths are
reported relative to the repository's top folder.

Diff options:
  --repo DIR                  the repository (default: the current folder)
  --base REF                  compare from the merge-base of REF and the head, as GitHub
                              diffs a pull request (REF...HEAD); default: the default branch,
                              origin/HEAD if set, else main, else master. A shallow clone
                              without the merge-base is an error: fetch more history
  --base-exact REF            compare from REF itself (REF..HEAD), changes on REF since the
                              branch point included
  --head REF                  compare to REF (default: HEAD)
  --worktree                  compare the base with the working tree instead of a commit:
                              staged and unstaged changes, plus untracked files that
                              .gitignore does not ignore (reviewed whole)

${REPORT_OPTIONS}
`;

export const RULES_USAGE = `Usage: diffsec rules [options]

Lists the rules that would run: id, severity, confidence, family and title.

Options:
  --config FILE               apply the config's rules.disable, rules.only and rules.severity
  --rules DIR                 also load the rules in DIR; may be given more than once
  --no-bundled-rules          leave out diffsec's own rules
  -h, --help                  show this help
`;

export const DEMO_USAGE = `Usage: diffsec demo

Reviews a bundled example pull request through the GitHub App, end to end, against a local
stand-in for GitHub's API (no network, no account), and prints the review as GitHub would
show it.

Options:
  -h, --help                  show this help
`;

/** The help text of a command, or undefined for an unknown one. */
export function usageOf(command: string): string | undefined {
  return ({ scan: SCAN_USAGE, diff: DIFF_USAGE, rules: RULES_USAGE, demo: DEMO_USAGE } as Record<string, string>)[command];
}
