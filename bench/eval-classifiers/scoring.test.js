'use strict';
// Self-test of the result rows: per-language rows, and a system scored on a
// slow peer's subset. Run: node --test bench/eval-classifiers/
const test = require('node:test');
const assert = require('node:assert/strict');
const { resultRows, resultRowsOn } = require('./scoring.js');

const rows = [
  { id: 'a', lang: 'en' },
  { id: 'b', lang: 'en' },
  { id: 'c', lang: 'fi' },
  { id: 'd', lang: 'fi' },
];
const where = { set: 'demo', task: 'offensive', system: 'parley toxicity' };

test('a set of two languages gives a row for all and one per language', () => {
  const results = resultRows(where, rows, [1, 0, 1, 0], [1, 0, 0, 0]);
  assert.deepEqual(
    results.map((r) => [r.language, r.n, r.recall]),
    [
      ['all', 4, 0.5],
      ['en', 2, 1],
      ['fi', 2, 0],
    ],
  );
});

test('scored on the rows a slow peer saw: only those rows count, and the row is marked', () => {
  // The peer saw rows b and c: parley missed c (gold 1) and got b right.
  const chosen = new Set([rows[1], rows[2]]);
  const [all] = resultRowsOn(chosen, where, rows, [1, 0, 1, 0], [1, 0, 0, 0]);
  assert.equal(all.n, 2);
  assert.equal(all.subset, true);
  assert.equal(all.recall, 0);
  assert.equal(all.accuracy, 0.5);
  assert.equal(resultRows(where, rows, [1, 0, 1, 0], [1, 0, 0, 0])[0].subset, undefined);
});

test('rows without a gold value for the task are left out of the subset too', () => {
  const chosen = new Set([rows[0], rows[1]]);
  const [all] = resultRowsOn(chosen, where, rows, [undefined, 0, 1, 0], [1, 1, 0, 0]);
  assert.equal(all.n, 1);
  assert.equal(all.precision, 0);
});
