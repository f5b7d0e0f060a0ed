'use strict';
// The command-line reading shared by eval-classifiers and word-audit: flags
// with a value ("--data DIR" or "--data=DIR") and switches ("--no-peers"),
// with the same messages for a missing value, a bad number or an unknown
// flag. Each command keeps its own table of flags.

/** A mistake in how the command was called: its caller exits 2. */
class UsageError extends Error {}

/**
 * Reads `argv` in order. `withValue` maps a flag to a function given its
 * value; `switches` maps a flag to a function called with nothing.
 * Throws UsageError on an unknown flag or a flag whose value is missing.
 */
function readFlags(argv, { withValue = {}, switches = {} }) {
  for (let i = 0; i < argv.length; ++i) {
    const split = argv[i].startsWith('--') ? argv[i].indexOf('=') : -1;
    const flag = split > 0 ? argv[i].slice(0, split) : argv[i];
    if (split < 0 && Object.hasOwn(switches, flag)) {
      switches[flag]();
      continue;
    }
    if (!Object.hasOwn(withValue, flag)) throw new UsageError(`unknown option '${argv[i]}' (see --help)`);
    let value;
    if (split > 0) value = argv[i].slice(split + 1);
    else if (i + 1 < argv.length) value = argv[++i];
    else throw new UsageError(`${flag} needs a value`);
    withValue[flag](value, flag);
  }
}

/** `text` as a whole number, or a UsageError naming `flag`. */
function wholeNumber(flag, text) {
  if (!/^\d+$/.test(text)) throw new UsageError(`${flag} takes a whole number, not '${text}'`);
  return Number(text);
}

/** `text` as a non-negative decimal number, or a UsageError naming `flag`. */
function decimalNumber(flag, text) {
  if (!/^\d+(\.\d+)?$/.test(text)) throw new UsageError(`${flag} takes a number, not '${text}'`);
  return Number(text);
}

/** `text` as a regular expression, or a UsageError naming `flag`. */
function pattern(flag, text) {
  try {
    return new RegExp(text);
  } catch (error) {
    throw new UsageError(`${flag}: ${error.message}`);
  }
}

module.exports = { UsageError, readFlags, wholeNumber, decimalNumber, pattern };
