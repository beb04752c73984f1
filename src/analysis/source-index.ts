import { topLevelAlternatives } from '../rules/regex-literals.js';
import { conditionKey, edgeOf, type Edge, type TextCondition } from '../rules/text-condition.js';
import type { ImportMap } from './import-map.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * Where the text conditions of rules occur in one file's source: start offsets, each condition
 * computed once for every rule sharing it. The words rules name are found in one pass (see
 * Vocabulary); a dotted name is searched for only when each of its parts occurs.
 */
export class SourceIndex {
  private wordsFound: Map<string, number[]> | null = null;
  /** Occurrences by condition key, and by condition object (rules pass the same objects file after file: no key to read). */
  private readonly found = new Map<string, number[]>();
  private readonly foundFor = new Map<TextCondition, number[]>();

  constructor(
    readonly source: string,
    private readonly vocabulary: Vocabulary,
  ) {}

  /** Every start offset of text meeting `condition`, ascending (shared: not to be changed). */
  occurrences(condition: TextCondition, imports: ImportMap): number[] {
    let offsets = this.foundFor.get(condition);
    if (offsets) return offsets;
    const key = conditionKey(condition);
    offsets = this.found.get(key);
    if (!offsets) {
      offsets = this.search(condition, imports);
      this.found.set(key, offsets);
    }
    this.foundFor.set(condition, offsets);
    return offsets;
  }

  /** Start offsets of `word` where it stands as a whole name: from the vocabulary's one pass, or searched for. */
  wordOffsets(word: string): number[] {
    this.wordsFound ??= this.vocabulary.find(this.source);
    let offsets = this.wordsFound.get(word);
    if (!offsets) {
      // A word of the vocabulary not found has none (most are not, in a given file: nothing is recorded).
      if (this.vocabulary.words.has(word)) return NONE;
      offsets = [];
      this.findLiteral(word, 'both', offsets);
      this.wordsFound.set(word, offsets);
    }
    return offsets;
  }

  private search(condition: TextCondition, imports: ImportMap): number[] {
    switch (condition.kind) {
      case 'literals': {
        const searched = searchedLiterals(condition);
        // One whole word: the vocabulary's own list (occurrences are read, never changed).
        if (searched.length === 1 && edgeOf(condition, searched[0]!) === 'both' && this.vocabulary.words.has(condition.literals[searched[0]!]!)) {
          return this.wordOffsets(condition.literals[searched[0]!]!);
        }
        const offsets: number[] = [];
        for (const i of searched) this.findLiteral(condition.literals[i]!, edgeOf(condition, i), offsets);
        return searched.length > 1 ? offsets.sort((a, b) => a - b) : offsets;
      }
      case 'names': {
        const offsets: number[] = [];
        const { names } = condition;
        const lasts = lastParts(condition);
        for (let i = 0; i < names.length; i++) {
          // Every spelling but an alias of the whole name ends with its last part, written out.
          const last = lasts[i]!;
          if (!last.endsWith('*') && this.wordOffsets(last).length === 0 && !imports.binds(names[i]!)) continue;
          for (const spelling of imports.spellingsOf(names[i]!)) this.findSpelling(spelling.parts, spelling.open, offsets);
        }
        return offsets.length < 2 ? offsets : [...new Set(offsets)].sort((a, b) => a - b);
      }
      case 'regex':
        return this.searchRegex(condition, imports);
    }
  }

  /**
   * A regex's starts. When another regex met before is this one with alternatives added (the
   * secret names, then one rule's extra words), this one's starts are among that one's: the
   * wider one's are found (once for both) and this one is tried only at them.
   */
  private searchRegex(condition: Extract<TextCondition, { kind: 'regex' }>, imports: ImportMap): number[] {
    const wider = widerRegex(condition);
    if (!wider) return this.findRegex(cachedRegex(`(?:${condition.source})`, condition.flags));
    const candidates = this.occurrences({ kind: 'regex', source: wider, flags: condition.flags }, imports);
    const sticky = cachedRegex(`(?:${condition.source})`, `${condition.flags}y`);
    return candidates.filter((offset) => {
      sticky.lastIndex = offset;
      return sticky.test(this.source);
    });
  }

  private findLiteral(literal: string, edge: Edge, offsets: number[]): void {
    if (edge === 'both' && this.vocabulary.words.has(literal)) {
      offsets.push(...this.wordOffsets(literal));
      return;
    }
    const { source } = this;
    const checkStart = (edge === 'both' || edge === 'start') && isNameCharacter(literal.charCodeAt(0));
    const checkEnd = (edge === 'both' || edge === 'end') && isNameCharacter(literal.charCodeAt(literal.length - 1));
    for (let i = source.indexOf(literal); i !== -1; i = source.indexOf(literal, i + 1)) {
      if (checkStart && startsInsideName(source, i)) continue;
      if (checkEnd && isNameCharacter(source.charCodeAt(i + literal.length))) continue;
      offsets.push(i);
    }
  }

  /** A dotted name as written: its parts joined by dots, with any space, line continuation or comment around them. */
  private findSpelling(parts: string[], open: boolean, offsets: number[]): void {
    const last = parts.length - 1;
    if (parts.length === 1 && !open) {
      offsets.push(...this.wordOffsets(parts[0]!));
      return;
    }
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k]!;
      if (part === '') continue;
      if (k === last && open ? !this.source.includes(part) : this.wordOffsets(part).length === 0) return;
    }
    if (parts.length === 1 || parts[0] === '') {
      for (const offset of this.findRegex(dottedNameRegex(parts, open))) if (!startsInsideName(this.source, offset)) offsets.push(offset);
      return;
    }
    // A match starts with its first part as a whole name (a dot, space or comment follows it): the
    // regex is tried only where that name occurs, not over the whole file.
    const pattern = stickyDottedName(parts, open);
    for (const offset of this.wordOffsets(parts[0]!)) {
      pattern.lastIndex = offset;
      if (pattern.test(this.source)) offsets.push(offset);
    }
  }

  /** Every offset where `pattern` matches, overlapping ones included: each start is tried, so none is hidden by an earlier match. */
  private findRegex(pattern: RegExp): number[] {
    const offsets: number[] = [];
    pattern.lastIndex = 0;
    for (let m = pattern.exec(this.source); m; m = pattern.exec(this.source)) {
      offsets.push(m.index);
      pattern.lastIndex = m.index + 1;
    }
    return offsets;
  }
}

/** No occurrences (shared: occurrences are read, never changed). */
const NONE: number[] = [];

const searchedOf = new WeakMap<TextCondition, number[]>();

/**
 * The literals of a condition worth searching for, by index: not one that holds another literal
 * standing anywhere (`_redact` holds `redact`, `xmlrpc.client` holds `xmlrpc`). Every match holds
 * the whole literal it needs, so it holds the inner one's occurrence too, and the anchor of that
 * occurrence holds the match (see Anchor): the occurrences of the inner literal alone suffice.
 */
function searchedLiterals(condition: Extract<TextCondition, { kind: 'literals' }>): number[] {
  let searched = searchedOf.get(condition);
  if (searched) return searched;
  const { literals } = condition;
  const anywhere = (i: number) => edgeOf(condition, i) === 'none';
  searched = [];
  for (let i = 0; i < literals.length; i++) {
    const holdsAnother = anywhere(i) && literals.some((inner, j) => j !== i && anywhere(j) && inner !== literals[i] && literals[i]!.includes(inner));
    // Of equal literals at equal edges, the first is searched.
    const repeated = literals.some((other, j) => j < i && other === literals[i] && edgeOf(condition, j) === edgeOf(condition, i));
    if (!holdsAnother && !repeated) searched.push(i);
  }
  searchedOf.set(condition, searched);
  return searched;
}

/** Regex sources met so far, by flags (bounded: a few per rule set). */
const regexesSeen = new Map<string, Set<string>>();
const alternativesOf = new Map<string, string[]>();

/** A regex met before whose first alternatives are all of `condition`'s (so it matches wherever this one does), or null; records this one as met. */
function widerRegex(condition: Extract<TextCondition, { kind: 'regex' }>): string | null {
  let seen = regexesSeen.get(condition.flags);
  if (!seen) regexesSeen.set(condition.flags, (seen = new Set()));
  if (!seen.has(condition.source)) {
    if (seen.size >= 256) seen.clear();
    seen.add(condition.source);
  }
  // A back-reference counts groups across alternatives: such regexes are left whole.
  if (BACK_REFERENCE.test(condition.source)) return null;
  const own = alternatives(condition.source);
  for (const other of seen) {
    if (other.length <= condition.source.length || !other.startsWith(`${condition.source}|`) || BACK_REFERENCE.test(other)) continue;
    if (alternatives(other).slice(0, own.length).join('|') === condition.source) return other;
  }
  return null;
}

const BACK_REFERENCE = /\\(?:[1-9]|k<)/;

/** A regex source's alternatives outside any group or class, remembered per source. */
function alternatives(source: string): string[] {
  let found = alternativesOf.get(source);
  if (found) return found;
  found = topLevelAlternatives(source);
  if (alternativesOf.size >= 256) alternativesOf.clear();
  alternativesOf.set(source, found);
  return found;
}

const lastPartsOf = new WeakMap<TextCondition, string[]>();

/** The last part of each name of a `names` condition (`system` of `os.system`), sliced once per condition. */
function lastParts(condition: Extract<TextCondition, { kind: 'names' }>): string[] {
  let lasts = lastPartsOf.get(condition);
  if (!lasts) lastPartsOf.set(condition, (lasts = condition.names.map((name) => name.slice(name.lastIndexOf('.') + 1))));
  return lasts;
}

// A comment runs to the end of its line (`(?![^\n])`): else `#[^\n]*` repeated could split a
// run of `#` in exponentially many ways before failing.
const COMMENT = String.raw`#[^\n]*(?![^\n])`;
/** What may stand between the parts of a dotted name: spaces, newlines inside brackets, `\` continuations, comments. */
const DOT = String.raw`(?:[\s\\]|${COMMENT})*\.(?:[\s\\]|${COMMENT})*`;
const END_OF_NAME = String.raw`(?![\w\u0080-\uffff])`;

function isNameCharacter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code >= 0x80;
}

/**
 * True when the text at `offset` continues a name: a letter, `_` or non-ASCII character before it.
 * A digit does not count, as `1if x else y` shows: the tokenizer ends a number before a name.
 */
function startsInsideName(source: string, offset: number): boolean {
  if (offset === 0) return false;
  const code = source.charCodeAt(offset - 1);
  return isNameCharacter(code) && !(code >= 48 && code <= 57);
}

/** The regex that finds a dotted name as written (`open`: its last part is a prefix), cached; global. */
export function dottedNameRegex(parts: readonly string[], open: boolean): RegExp {
  return cachedRegex(dottedNameSource(parts, open), '');
}

/** Sticky dotted-name regexes by parts array (spellings are made once per pattern, or per file for an alias): no source to build and key per search. */
const stickyByParts = new WeakMap<readonly string[], (RegExp | undefined)[]>();

function stickyDottedName(parts: readonly string[], open: boolean): RegExp {
  let byOpen = stickyByParts.get(parts);
  if (!byOpen) stickyByParts.set(parts, (byOpen = []));
  return (byOpen[open ? 1 : 0] ??= cachedRegex(dottedNameSource(parts, open), 'y'));
}

function dottedNameSource(parts: readonly string[], open: boolean): string {
  return parts.map(escapeRegex).join(DOT) + (open ? '' : END_OF_NAME);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const regexes = new Map<string, RegExp>();

function cachedRegex(source: string, flags: string): RegExp {
  const key = `${flags}/${source}`;
  let regex = regexes.get(key);
  if (!regex) {
    if (regexes.size >= 1024) regexes.clear();
    regexes.set(key, (regex = new RegExp(source, `${flags.replace('g', '')}g`)));
  }
  return regex;
}
