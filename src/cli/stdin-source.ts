import type { ChangedFile, FileContent, ReviewSource } from '../review.js';

/**
 * A ReviewSource of one file read from standard input (`diffsec scan -`), reported as `name`
 * (`--stdin-filename`, else `<stdin>`). Reading stops past `maxFileBytes`, which is reported
 * as too large, so a stream without end cannot fill memory.
 */
export function stdinSource(input: AsyncIterable<Uint8Array | string> | undefined, name: string, maxFileBytes: number): ReviewSource {
  return {
    listFiles: async (): Promise<ChangedFile[]> => [{ path: name, status: 'added', diff: null }],
    async *readFiles(paths: string[]): AsyncIterable<FileContent> {
      if (!paths.includes(name)) return;
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of input ?? []) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        size += bytes.length;
        if (size > maxFileBytes) {
          yield { path: name, error: `too large: over the limit of ${maxFileBytes} bytes (max_file_bytes)` };
          return;
        }
        chunks.push(bytes);
      }
      yield { path: name, bytes: Buffer.concat(chunks) };
    },
  };
}
