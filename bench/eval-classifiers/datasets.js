'use strict';
// The evaluation sets: JSON Lines files {"id","text","lang","source","labels":{...}}
// in one directory (see ../shared/data/README.md beside the repository).
const fs = require('node:fs');
const path = require('node:path');

class DataError extends Error {}

/** Set names (file names without .jsonl) in `dataDir` matching `pattern`, sorted. */
function listSets(dataDir, pattern) {
  if (!fs.existsSync(dataDir) || !fs.statSync(dataDir).isDirectory()) {
    throw new DataError(
      `data directory ${dataDir} not found.\n` +
        'The evaluation sets live outside the repository: check out the shared data so that ' +
        '../shared/data/dev exists beside the repository (i.e. <repo>/../shared), or pass --data DIR.',
    );
  }
  const names = fs
    .readdirSync(dataDir)
    .filter((file) => file.endsWith('.jsonl'))
    .map((file) => file.slice(0, -'.jsonl'.length))
    .filter((name) => pattern.test(name))
    .sort();
  if (names.length === 0) throw new DataError(`no .jsonl set in ${dataDir} matches --sets ${pattern.source}`);
  return names;
}

/**
 * 32-bit FNV-1a hash of a string, with MurmurHash3's final mix so that ids
 * differing only in their last characters ("pl:12", "pl:13") spread over the
 * whole range: a stable, seedless way to shuffle rows.
 */
function stableHash(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; ++i) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/**
 * A fixed pseudo-random subset of at most `limit` rows, in file order: the
 * rows whose id has the smallest stableHash(). The same rows on every run and
 * machine, and, unlike "first N" or "every k-th", keeps the mix of labels and
 * languages of sets that are sorted or interleaved by label. All rows when
 * limit is 0 or not smaller than the set.
 */
function subsetOf(rows, limit) {
  if (!limit || rows.length <= limit) return rows;
  const keys = rows.map((row, index) => ({ hash: stableHash(String(row.id)), index }));
  keys.sort((a, b) => a.hash - b.hash || a.index - b.index);
  const chosen = new Set(keys.slice(0, limit).map((key) => key.index));
  return rows.filter((_, index) => chosen.has(index));
}

/** The rows of a set; with `limit`, a fixed subset of at most that many (see subsetOf). */
function readSet(dataDir, name, limit) {
  const file = path.join(dataDir, `${name}.jsonl`);
  const rows = [];
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; ++i) {
    if (lines[i].trim() === '') continue;
    let row;
    try {
      row = JSON.parse(lines[i]);
    } catch (error) {
      throw new DataError(`${file}:${i + 1}: not JSON (${error.message})`);
    }
    if (typeof row.text !== 'string' || row.id === undefined) {
      throw new DataError(`${file}:${i + 1}: a row needs "id" and "text"`);
    }
    rows.push(row);
  }
  return subsetOf(rows, limit);
}

/** Languages of the rows, most frequent first. */
function languagesOf(rows) {
  const counts = new Map();
  for (const row of rows) counts.set(row.lang, (counts.get(row.lang) || 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([lang]) => lang);
}

module.exports = { listSets, readSet, subsetOf, stableHash, languagesOf, DataError };
