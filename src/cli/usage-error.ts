/** A mistake in how diffsec was called (bad option, missing path, bad config): exit 2, one line on stderr. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
