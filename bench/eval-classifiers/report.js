'use strict';
// The Markdown table (stdout) and the machine-readable results (--json).

const COLUMNS = ['set', 'language', 'task', 'system', 'n', 'precision', 'recall', 'F1', 'acc / r', 'texts/s'];

function fixed(value) {
  return value === undefined || value === null ? '–' : value.toFixed(3);
}

function rate(value, atLeast) {
  if (value === undefined || value === null || !Number.isFinite(value)) return '–';
  const shown = value >= 100 ? String(Math.round(value)) : value.toFixed(1);
  return atLeast ? `> ${shown}` : shown;
}

function cells(result) {
  const last = result.pearson !== undefined ? `r ${fixed(result.pearson)}` : fixed(result.accuracy);
  return [
    result.set,
    result.language,
    result.task,
    result.system + (result.subset ? ' †' : ''),
    String(result.n),
    fixed(result.precision),
    fixed(result.recall),
    fixed(result.f1),
    last,
    rate(result.textsPerSecond, result.atLeast),
  ];
}

function markdownTable(results) {
  const lines = [`| ${COLUMNS.join(' | ')} |`, `|${COLUMNS.map((_, i) => (i >= 4 ? '---:' : '---')).join('|')}|`];
  for (const result of results) lines.push(`| ${cells(result).join(' | ')} |`);
  return lines.join('\n');
}

module.exports = { markdownTable };
