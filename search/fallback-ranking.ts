// The database fallback's matching and ranking (Meilisearch down): the same French folding, stop
// words, synonyms, prefixes and typo budget as the engine's settings, over the `searchText` column.
// Pure functions: the directory loader reads the rows, this ranks them (docs/decisions/036).
import type { AssociationDocument } from "./document";
import { foldText } from "./document";
import { FRENCH_STOP_WORDS } from "./settings";

/** The lines of `searchText`, most telling first; a match on an earlier line weighs more. */
const LINE_WEIGHTS = [4, 3, 2.5, 1];

/** The folded text the fallback searches, one line per weight (name, labels, social object, the rest). */
export function searchTextOf(doc: AssociationDocument): string {
  const lines = [
    `${doc.name} ${doc.acronym ?? ""}`,
    [...doc.fieldLabels, ...doc.publicLabels, doc.districtLabel, doc.city].join(" "),
    doc.socialObject,
    `${doc.description} ${doc.fieldDescriptions.join(" ")}`,
  ];
  return lines.map((line) => foldText(line).toLowerCase().replace(/\s+/g, " ").trim()).join("\n");
}

/** A word as both sides compare it: folded, lower-case, a French plural's final s or x dropped. */
export function normalizeWord(word: string): string {
  const folded = foldText(word).toLowerCase();
  return folded.length > 3 && /[sx]$/.test(folded) ? folded.slice(0, -1) : folded;
}

export function wordsOf(text: string): string[] {
  return (
    foldText(text)
      .toLowerCase()
      .match(/[a-z0-9]+/g) ?? []
  ).map(normalizeWord);
}

const STOP_WORDS = new Set(FRENCH_STOP_WORDS.map(normalizeWord));

/** One need of the query: the words typed, or any of a synonym group's terms (each a word sequence). */
type QueryUnit = { alternatives: { words: string[]; synonym: boolean }[] };

export type PreparedQuery = { units: QueryUnit[] };

/**
 * Splits a query into units: a run of words that is a synonym group's term becomes one unit whose
 * alternatives are the group's terms; other words are units of their own; stop words are dropped
 * (all of them kept when the query has nothing else).
 */
export function prepareQuery(q: string, synonymGroups: string[][]): PreparedQuery {
  const words = wordsOf(q).slice(0, 12);
  const groups = synonymGroups.map((group) => group.map(wordsOf).filter((terms) => terms.length > 0));
  const units: QueryUnit[] = [];
  let i = 0;
  while (i < words.length) {
    let best: { length: number; group: string[][] } | null = null;
    for (const group of groups) {
      for (const term of group) {
        if (term.length > (best?.length ?? 0) && term.every((w, k) => words[i + k] === w)) best = { length: term.length, group };
      }
    }
    if (best) {
      const typed = words.slice(i, i + best.length);
      const others = best.group.filter((term) => term.join(" ") !== typed.join(" "));
      units.push({ alternatives: [{ words: typed, synonym: false }, ...others.map((term) => ({ words: term, synonym: true }))] });
      i += best.length;
    } else {
      units.push({ alternatives: [{ words: [words[i]], synonym: false }] });
      i += 1;
    }
  }
  const meaningful = units.filter((u) => u.alternatives.length > 1 || !STOP_WORDS.has(u.alternatives[0].words[0]));
  return { units: meaningful.length ? meaningful : units };
}

/** Edit distance with transpositions, given up past `max`. */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2] + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length];
}

/** How well a typed word matches a stored one: 1 exact, less for a prefix or a typo, 0 not at all (the engine's budget). */
export function wordMatch(typed: string, stored: string, allowPrefix: boolean): number {
  if (typed === stored) return 1;
  if (allowPrefix && typed.length >= 3 && stored.startsWith(typed)) return 0.8;
  // Meilisearch's settings here: one typo from 4 letters, two from 8; a wrong first letter costs two.
  const budget = typed.length >= 8 ? 2 : typed.length >= 4 ? 1 : 0;
  if (budget === 0) return 0;
  const firstLetterCost = typed[0] === stored[0] ? 0 : 1;
  if (firstLetterCost && budget < 2) return 0;
  const candidate = allowPrefix && stored.length > typed.length + budget ? stored.slice(0, typed.length) : stored;
  const distance = boundedDistance(typed, candidate, budget);
  return distance <= budget ? 0.6 - 0.1 * distance : 0;
}

export type RankedRow = { index: number; score: number; matchedWords: Set<string> };

/**
 * Ranks rows' searchText for a query: only the rows matching the most of the query's units (all of
 * them when some row has all), by weighted score.
 * Returns the indexes of the rows kept, best first, with the stored words that matched (for highlights).
 */
export function rankRows(texts: string[], query: PreparedQuery): RankedRow[] {
  const { units } = query;
  if (units.length === 0) return texts.map((_, index) => ({ index, score: 0, matchedWords: new Set() }));
  // Every distinct stored word, once: the typo check runs per word of the vocabulary, not per row.
  const vocabulary = new Map<string, { row: number; line: number }[]>();
  texts.forEach((text, row) => {
    text.split("\n").forEach((line, lineIndex) => {
      for (const word of new Set(wordsOf(line))) {
        let postings = vocabulary.get(word);
        if (!postings) vocabulary.set(word, (postings = []));
        postings.push({ row, line: lineIndex });
      }
    });
  });
  // unitScores[u]: row → best weighted match of unit u; matched words kept per row.
  const matched = new Map<number, Set<string>>();
  const unitScores = units.map((unit, u) => {
    const isLast = u === units.length - 1;
    const scores = new Map<number, number>();
    for (const alternative of unit.alternatives) {
      // Each word of the alternative: row → best score, on any line.
      const perWord = alternative.words.map((typed, k) => {
        const allowPrefix = (isLast && k === alternative.words.length - 1) || typed.length >= 5;
        // A word found on several lines (the name, the labels, the object…) scores each line once, at its best.
        const rows = new Map<number, { score: number; words: string[]; lines: number[] }>();
        for (const [stored, postings] of vocabulary) {
          const quality = wordMatch(typed, stored, allowPrefix);
          if (quality === 0) continue;
          for (const { row, line } of postings) {
            const current = rows.get(row) ?? { score: 0, words: [], lines: LINE_WEIGHTS.map(() => 0) };
            rows.set(row, current);
            current.lines[line] = Math.max(current.lines[line], quality * LINE_WEIGHTS[line]);
            current.score = current.lines.reduce((a, b) => a + b, 0);
            current.words.push(stored);
          }
        }
        return rows;
      });
      const [first, ...rest] = perWord;
      for (const [row, { score }] of first) {
        if (!rest.every((rows) => rows.has(row))) continue;
        const total = (score + rest.reduce((sum, rows) => sum + rows.get(row)!.score, 0)) / alternative.words.length;
        const weighted = alternative.synonym ? total * 0.9 : total;
        if (weighted > (scores.get(row) ?? 0)) scores.set(row, weighted);
        let words = matched.get(row);
        if (!words) matched.set(row, (words = new Set()));
        for (const rows of perWord) for (const w of rows.get(row)!.words) words.add(w);
      }
    }
    return scores;
  });
  // The rows matching the most units: all of them when some row has all, else the best partial ones
  // (a word matching nothing, or two needs no single row meets, does not empty the answer).
  const counts = new Map<number, number>();
  for (const scores of unitScores) for (const row of scores.keys()) counts.set(row, (counts.get(row) ?? 0) + 1);
  const most = Math.max(0, ...counts.values());
  return [...counts]
    .filter(([, count]) => count === most)
    .map(([index]) => ({
      index,
      score: unitScores.reduce((sum, scores) => sum + (scores.get(index) ?? 0), 0),
      matchedWords: matched.get(index) ?? new Set<string>(),
    }))
    .sort((a, b) => b.score - a.score);
}

/** The text with the engine's markers around the words that matched (never HTML). */
export function markWords(text: string, matchedWords: Set<string>, pre: string, post: string): string {
  if (matchedWords.size === 0) return text;
  return text.replace(/[\p{L}\p{N}]+/gu, (word) => (matchedWords.has(normalizeWord(word)) ? `${pre}${word}${post}` : word));
}
