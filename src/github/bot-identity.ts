import type { CommentAuthor } from './api-answer.js';

/** The account diffsec posts as: `<slug>[bot]` for the app, or a login passed explicitly (`github-actions[bot]` for a workflow token). */
export interface BotIdentity {
  login: string;
}

/**
 * True when a comment was written by diffsec's own account: a Bot with its login (compared
 * case-insensitively, as GitHub does). `[` and `]` cannot appear in a person's login, so no one
 * else can hold `<slug>[bot]`; anyone else's comment, whatever markers it holds, is not diffsec's.
 */
export function isOwnComment(user: CommentAuthor | null, bot: BotIdentity): boolean {
  return user !== null && user.type === 'Bot' && user.login.toLowerCase() === bot.login.toLowerCase();
}

/** The bot login of an app with this slug. */
export function botLoginOf(slug: string): string {
  return `${slug}[bot]`;
}

/**
 * Looks the identity up once per process and keeps it; a failed lookup is not kept, so the next
 * review asks again.
 */
export function identityOnce(lookup: () => Promise<BotIdentity>): () => Promise<BotIdentity> {
  let known: Promise<BotIdentity> | null = null;
  return () => {
    known ??= lookup().catch((error: unknown) => {
      known = null;
      throw error;
    });
    return known;
  };
}
