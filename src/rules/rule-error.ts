/** A rule file that cannot be used: names the file, the field and the reason. */
export class RuleError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${file}: field '${field}': ${reason}`);
    this.name = 'RuleError';
  }
}
