'use strict';
// The everyday vocabulary of a set of texts, per language: what word-audit
// classifies word by word to find list entries that catch ordinary words.

// Rows a set marks abusive are left out: their words are the lists' business.
const ABUSE_LABELS = ['offensive', 'hate'];

function isClean(row) {
  return !ABUSE_LABELS.some((label) => row.labels && Number(row.labels[label]) === 1);
}

/** Lower-cased words of three or more letters (digits and marks allowed inside). */
function wordsOf(text) {
  return (text.toLowerCase().match(/\p{L}[\p{L}\p{M}\p{N}_]*/gu) || []).filter((word) => [...word].length >= 3);
}

/**
 * Words of the clean rows, counted per row language (a word once per row),
 * keeping those seen in at least `minRows` rows.
 * @returns {Map<string, Map<string, number>>} lang -> word -> rows
 */
function vocabulary(rows, minRows) {
  const counts = new Map();
  for (const row of rows) {
    if (!isClean(row) || typeof row.text !== 'string') continue;
    const lang = row.lang || 'unknown';
    if (!counts.has(lang)) counts.set(lang, new Map());
    const words = counts.get(lang);
    for (const word of new Set(wordsOf(row.text))) words.set(word, (words.get(word) || 0) + 1);
  }
  for (const words of counts.values()) {
    for (const [word, count] of words) if (count < minRows) words.delete(word);
  }
  return counts;
}

module.exports = { vocabulary, wordsOf, isClean };
