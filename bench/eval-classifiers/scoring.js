'use strict';
// Turns gold values and predictions of one system on one set into result
// rows: one for the whole set and, when the set mixes languages, one per
// language.
const { TASKS } = require('./label-mapping.js');
const { binaryScores, multiClassScores, pearson } = require('./metrics.js');

function scores(task, gold, predicted, classes) {
  const kind = TASKS[task].kind;
  if (kind === 'binary') return binaryScores(gold, predicted);
  if (kind === 'intensity') return { n: gold.length, pearson: pearson(gold, predicted) };
  return multiClassScores(gold, predicted, classes);
}

/**
 * @param {object} where {set, task, system, textsPerSecond, subset}
 * @param {object[]} rows the rows the system was run on
 * @param {Array} gold gold value per row (undefined: the row does not take part in this task)
 * @param {Array} predicted prediction per row
 */
function resultRows(where, rows, gold, predicted) {
  const kept = [];
  for (let i = 0; i < rows.length; ++i) if (gold[i] !== undefined) kept.push(i);
  if (kept.length === 0) return [];
  const keptGold = kept.map((i) => gold[i]);
  const keptPredicted = kept.map((i) => predicted[i]);
  const keptLanguages = kept.map((i) => rows[i].lang);
  const classes = TASKS[where.task].classes || [...new Set(keptGold)].sort();
  const whole = scores(where.task, keptGold, keptPredicted, classes);
  const languages = [...new Set(keptLanguages)];
  const results = [{ ...where, language: languages.length > 1 ? 'all' : languages[0], ...summary(whole) }];
  if (languages.length < 2) return results;

  for (const lang of languages.sort()) {
    if (where.task === 'lang') {
      // One-vs-rest scores of this language over the whole set (precision
      // needs the other languages' rows); accuracy on its rows is its recall.
      const own = whole.perClass[lang];
      if (!own) continue;
      const { support: n, precision, recall, f1 } = own;
      results.push({ ...where, language: lang, n, precision, recall, f1, accuracy: recall });
    } else {
      const mine = keptLanguages.map((l) => l === lang);
      const part = scores(
        where.task,
        keptGold.filter((_, i) => mine[i]),
        keptPredicted.filter((_, i) => mine[i]),
        classes,
      );
      results.push({ ...where, language: lang, ...summary(part) });
    }
  }
  return results;
}

/**
 * Rows of `resultRows`, over only the rows in `chosen` (a subset of `rows`,
 * e.g. the rows a slow peer was scored on), marked `subset`.
 * @param {Set<object>} chosen
 */
function resultRowsOn(chosen, where, rows, gold, predicted) {
  const indices = [];
  rows.forEach((row, index) => chosen.has(row) && indices.push(index));
  return resultRows(
    { ...where, subset: true },
    indices.map((i) => rows[i]),
    indices.map((i) => gold[i]),
    indices.map((i) => predicted[i]),
  );
}

function summary(scored) {
  const { n, precision, recall, f1, accuracy, pearson: r } = scored;
  return { n, precision, recall, f1, accuracy, pearson: r };
}

module.exports = { resultRows, resultRowsOn };
