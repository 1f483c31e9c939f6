// The matcher's public surface: the pipeline, its config and result types, and the building blocks.
export { findMatches, defaultMatcherConfig } from './engine.js';
export type { MatcherConfig, MatchResult, MatchStats } from './engine.js';
export type { MatchRecord, NormalizedRecord } from './record.js';
export type { ScoredPair } from './cluster.js';
export type { PairExplanation } from './explain.js';
export { formatExplanation } from './explain.js';
export type { MatchModel } from './score.js';
