'use strict';
// Quality metrics for the classifier evaluation. Pure functions over arrays of
// gold values and predictions (same length, same order), no I/O, so that
// metrics.test.js can check them on hand-computed examples.
//
// Conventions (as scikit-learn with zero_division=0): a ratio whose
// denominator is 0 is 0 (e.g. precision of a system that never predicts the
// positive class). Pearson r is null when either side has no variance.

function ratio(numerator, denominator) {
  return denominator === 0 ? 0 : numerator / denominator;
}

function harmonicMean(precision, recall) {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

function checkLengths(gold, predicted) {
  if (gold.length !== predicted.length) {
    throw new Error(`metrics: ${gold.length} gold values but ${predicted.length} predictions`);
  }
}

/** Share of rows where the prediction equals the gold value. */
function accuracy(gold, predicted) {
  checkLengths(gold, predicted);
  let correct = 0;
  for (let i = 0; i < gold.length; ++i) if (gold[i] === predicted[i]) ++correct;
  return ratio(correct, gold.length);
}

/** Precision, recall and F1 of one class (`positive`) against all others. */
function classScores(gold, predicted, positive) {
  checkLengths(gold, predicted);
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (let i = 0; i < gold.length; ++i) {
    const isGold = gold[i] === positive;
    const isPredicted = predicted[i] === positive;
    if (isGold && isPredicted) ++truePositives;
    else if (isPredicted) ++falsePositives;
    else if (isGold) ++falseNegatives;
  }
  const precision = ratio(truePositives, truePositives + falsePositives);
  const recall = ratio(truePositives, truePositives + falseNegatives);
  return { precision, recall, f1: harmonicMean(precision, recall), support: truePositives + falseNegatives };
}

/** Binary task (gold and predictions are 0/1 or booleans): scores of the positive class, plus accuracy. */
function binaryScores(gold, predicted) {
  const goldBits = gold.map(Number);
  const predictedBits = predicted.map(Number);
  return { ...classScores(goldBits, predictedBits, 1), accuracy: accuracy(goldBits, predictedBits), n: gold.length };
}

/**
 * Multi-class task: per-class scores, their unweighted means (macro P/R/F1;
 * macro-F1 is the mean of the per-class F1, not the F1 of the macro P and R)
 * and accuracy. `classes` are the classes averaged over; predictions outside
 * them (e.g. a language we do not evaluate) only count as errors.
 */
function multiClassScores(gold, predicted, classes) {
  const perClass = {};
  for (const name of classes) perClass[name] = classScores(gold, predicted, name);
  const mean = (key) => ratio(classes.reduce((sum, name) => sum + perClass[name][key], 0), classes.length);
  return {
    precision: mean('precision'),
    recall: mean('recall'),
    f1: mean('f1'),
    accuracy: accuracy(gold, predicted),
    perClass,
    n: gold.length,
  };
}

/** Pearson correlation coefficient of two numeric arrays; null when undefined (fewer than 2 rows or no variance). */
function pearson(xs, ys) {
  checkLengths(xs, ys);
  const n = xs.length;
  if (n < 2) return null;
  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  let covariance = 0;
  let varianceX = 0;
  let varianceY = 0;
  for (let i = 0; i < n; ++i) {
    const dx = xs[i] - meanX;
    const dy = ys[i] - meanY;
    covariance += dx * dy;
    varianceX += dx * dx;
    varianceY += dy * dy;
  }
  if (varianceX === 0 || varianceY === 0) return null;
  return covariance / Math.sqrt(varianceX * varianceY);
}

module.exports = { accuracy, classScores, binaryScores, multiClassScores, pearson };
