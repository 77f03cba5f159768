// Query terms and where they occur in a chunk's text. Pure functions: the search view turns the
// segments into text nodes and <mark> elements.

// Words the keyword index's English analyzer drops: highlighting them would mark noise.
const STOP_WORDS = new Set(
  ('a an and are as at be but by for if in into is it no not of on or such that the their then ' +
    'there these they this to was will with')
    .split(' '),
);

/** The distinct lower-case words of a query, without stop words, longest first. */
export function queryTerms(query) {
  const words = String(query ?? '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1 && !STOP_WORDS.has(word));
  return [...new Set(words)].sort((a, b) => b.length - a.length);
}

/**
 * A crude English stem, so that a query's "gardens" marks "garden" and "gardening" as the
 * keyword index (which stems) matched them.
 */
export function stem(term) {
  for (const suffix of ['ing', 'es', 'ed', 's']) {
    if (term.length - suffix.length >= 3 && term.endsWith(suffix)) {
      return term.slice(0, -suffix.length);
    }
  }
  return term;
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Splits text into segments [{text, mark}] where mark is true for each word that starts with a
 * query term's stem. Concatenating the segments' text gives the input back.
 */
export function highlightSegments(text, terms) {
  const source = String(text ?? '');
  const stems = [...new Set(terms.map(stem))].filter((s) => s.length > 0);
  if (stems.length === 0 || source.length === 0) return source ? [{ text: source, mark: false }] : [];
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${stems.map(escapeRegExp).join('|')})[\\p{L}\\p{N}]*`,
    'giu',
  );
  const segments = [];
  let last = 0;
  for (const match of source.matchAll(pattern)) {
    if (match.index > last) segments.push({ text: source.slice(last, match.index), mark: false });
    segments.push({ text: match[0], mark: true });
    last = match.index + match[0].length;
  }
  if (last < source.length) segments.push({ text: source.slice(last), mark: false });
  return segments;
}

/**
 * Search results grouped by document, in the order of each document's best chunk:
 * [{document_id, file_name, source, best, chunks: [result...]}].
 */
export function groupByDocument(results) {
  const groups = new Map();
  for (const result of results ?? []) {
    let group = groups.get(result.document_id);
    if (!group) {
      group = {
        document_id: result.document_id,
        file_name: result.file_name,
        source: result.source,
        best: result.score,
        chunks: [],
      };
      groups.set(result.document_id, group);
    }
    group.best = Math.max(group.best, result.score);
    group.chunks.push(result);
  }
  return [...groups.values()].sort((a, b) => b.best - a.best);
}
