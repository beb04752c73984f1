/**
 * What a project adds to the flow rules' data in `.github/diffsec.yml`:
 *
 * ```yaml
 * flow:
 *   secret_names: [vault_blob, enrollment_code]  # more last words that name a secret
 *   sanitizers: [myproject.utils.scrub]          # calls whose result carries nothing
 *   steps: [myproject.utils.build_command]       # calls whose result carries their arguments
 *   user_visible_errors: [myproject.exception.TenantFault]  # exceptions whose message users read
 *   trusted_errors: [myproject.exception.*]      # exceptions whose text is written for users
 * ```
 */
export interface FlowExtensions {
  /** Lower-snake words added to every secret-name test (`is-secret-name`, `flows-into-secret-name`). */
  secretNames: string[];
  /** Dotted names (resolved through imports; a trailing `*` matches a prefix): a sanitizer in every flow rule. */
  sanitizers: string[];
  /** Dotted names whose call carries its arguments into its result, in every flow rule. */
  steps: string[];
  /** Dotted names (a trailing `*` for a prefix) added to every flow rule's `@fault` sink list: classes and calls whose message users read. */
  userVisibleErrors: string[];
  /** Dotted names (a trailing `*` for a prefix) added to every `caught-untrusted` list: exceptions whose text is written for users. */
  trustedErrors: string[];
}

/** Nothing added. */
export const NO_FLOW_EXTENSIONS: FlowExtensions = { secretNames: [], sanitizers: [], steps: [], userVisibleErrors: [], trustedErrors: [] };

/** At most this many entries per list: each becomes part of a query or a regex run on every file. */
const MAX_ENTRIES = 200;

const SNAKE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;
const DOTTED = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*(?:\.\*)?$/;

/** The keys that take dotted names, the field each fills, and an example for the error message. */
const DOTTED_KEYS: Record<string, { field: 'sanitizers' | 'steps' | 'userVisibleErrors' | 'trustedErrors'; example: string }> = {
  sanitizers: { field: 'sanitizers', example: 'myproject.utils.scrub' },
  steps: { field: 'steps', example: 'myproject.utils.build_command' },
  user_visible_errors: { field: 'userVisibleErrors', example: 'myproject.exception.TenantFault' },
  trusted_errors: { field: 'trustedErrors', example: 'myproject.exception.*' },
};

/** Validates the `flow:` mapping; `fail(key, problem)` throws the caller's config error. */
export function parseFlowExtensions(value: unknown, fail: (key: string, problem: string) => never): FlowExtensions {
  if (!value || typeof value !== 'object' || Array.isArray(value) || Object.getPrototypeOf(value) !== Object.prototype) fail('flow', 'must be a mapping');
  const out: FlowExtensions = { secretNames: [], sanitizers: [], steps: [], userVisibleErrors: [], trustedErrors: [] };
  for (const [key, list] of Object.entries(value as Record<string, unknown>)) {
    const at = `flow.${key}`;
    if (!Array.isArray(list) || !list.every((x) => typeof x === 'string')) fail(at, 'must be a list of strings');
    const items = list as string[];
    if (items.length > MAX_ENTRIES) fail(at, `has ${items.length} entries; at most ${MAX_ENTRIES} are accepted`);
    if (key === 'secret_names') {
      const bad = items.find((w) => !SNAKE.test(w));
      if (bad !== undefined) fail(at, `holds ${JSON.stringify(bad)}; give lower_snake words like vault_blob`);
      out.secretNames = items;
    } else if (Object.hasOwn(DOTTED_KEYS, key)) {
      const bad = items.find((n) => !DOTTED.test(n));
      if (bad !== undefined) fail(at, `holds ${JSON.stringify(bad)}; give dotted names like ${DOTTED_KEYS[key]!.example}`);
      out[DOTTED_KEYS[key]!.field] = items;
    } else fail(at, `is not a known key (known: secret_names, ${Object.keys(DOTTED_KEYS).join(', ')})`);
  }
  return out;
}
