import { withRetries, type Sleep } from './with-retries.js';

/** Items per page diffsec asks for: GitHub's maximum. */
export const PER_PAGE = 100;

/**
 * Reads a paginated GitHub list page by page (`per_page` 100, each page retried on its own) until
 * a short page or `maxPages`, checking each page's shape with `validate`. Octokit's paginate is
 * not used: it reads a 409 as an empty list and passes a non-list page through.
 */
export async function readPages<T>(
  fetchPage: (page: number) => Promise<{ data: unknown }>,
  validate: (data: unknown, page: number) => T[],
  maxPages: number,
  sleep?: Sleep,
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; page <= maxPages; page++) {
    const { data } = await withRetries(() => fetchPage(page), sleep);
    const found = validate(data, page);
    items.push(...found);
    if (found.length < PER_PAGE) break;
  }
  return items;
}
