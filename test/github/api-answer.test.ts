import { blobBatch, commentPage, filePage, headShaOf, idOf, UnexpectedAnswer } from '../../src/github/api-answer.js';

describe('GitHub answer guards', () => {
  it('read well-formed answers', () => {
    expect(filePage([{ filename: 'a.py', status: 'added', sha: 'abc', patch: '@@ -0,0 +1 @@\n+x' }, { filename: 'b.py', status: 'removed', sha: null, patch: null }], 1)).toEqual([
      { filename: 'a.py', status: 'added', sha: 'abc', patch: '@@ -0,0 +1 @@\n+x' },
      { filename: 'b.py', status: 'removed', sha: null },
    ]);
    expect(idOf({ id: 7 }, 'checks.create')).toBe(7);
    expect(headShaOf({ head: { sha: 'a'.repeat(40) } })).toBe('a'.repeat(40));
  });

  it('take a missing, null or non-blob GraphQL entry as "no blob"', () => {
    expect(blobBatch({ repository: { f0: null, f2: {}, f3: { text: 'x', isBinary: false, isTruncated: false } } }, 4)).toEqual([null, null, null, { text: 'x', isBinary: false, isTruncated: false }]);
  });

  it('keep a comment whose author was deleted, as no one', () => {
    expect(commentPage([{ body: 'hi', user: null }, { body: null, user: { login: 'x[bot]', type: 'Bot', id: 3 } }], 1)).toEqual([
      { body: 'hi', user: null },
      { body: '', user: { login: 'x[bot]', type: 'Bot', id: 3 } },
    ]);
  });

  it.each([
    ['an object for a list', () => filePage({ total_count: 0 }, 2), 'pulls.listFiles (page 2) with an unexpected shape: an object where a list was expected'],
    ['a string for a list', () => commentPage('[]', 1), 'a string where a list was expected'],
    ['an empty filename', () => filePage([{ filename: '', status: 'added' }], 1), 'file 1 has an empty filename'],
    ['a patch that is not text', () => filePage([{ filename: 'a.py', status: 'added', patch: 3 }], 1), "file 1's patch is a number, not text"],
    ['flags that are not booleans', () => blobBatch({ repository: { f0: { text: 'x', isBinary: 'no', isTruncated: false } } }, 1), 'f0 lacks the isBinary and isTruncated flags'],
    ['a sha that is not a sha', () => headShaOf({ head: { sha: 'main' } }), 'head.sha is not a commit sha'],
    ['a negative id', () => idOf({ id: -1 }, 'pulls.createReview'), 'id is a number, not a positive whole number'],
    ['an author without a login', () => commentPage([{ body: 'x', user: { type: 'Bot' } }], 1), "comment 1's user.login is undefined, not text"],
  ])('refuse %s, naming the call and the problem without quoting the answer', (_, read, message) => {
    expect(read).toThrow(UnexpectedAnswer);
    expect(read).toThrow(message);
  });
});
