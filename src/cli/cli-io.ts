/** A stream the CLI writes to: process.stdout and process.stderr, or a test's collector. */
export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/** Everything the CLI touches of its process, passed in so tests run `main()` in-process. */
export interface CliIo {
  stdout: OutStream;
  stderr: OutStream;
  env: Readonly<Record<string, string | undefined>>;
  /** Relative paths in arguments resolve against this. */
  cwd: string;
  /** Standard input, read by `scan -`; absent in tests that give none (then it reads as empty). */
  stdin?: AsyncIterable<Uint8Array | string>;
}

/** The real process's streams, environment and working directory. */
export function processIo(): CliIo {
  // `diffsec … | head` closes the pipe early; that is the reader's choice, not a crash.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), stdin: process.stdin };
}
