// The graded agreement levels every attribute comparison returns, and their names.

/** Level codes used as array indexes in comparison vectors and m/u tables. */
export const LEVEL = { missing: 0, exact: 1, close: 2, partial: 3, different: 4 } as const;
export type LevelCode = (typeof LEVEL)[keyof typeof LEVEL];
export const LEVEL_COUNT = 5;
export const LEVEL_NAMES: readonly string[] = ['missing', 'exact', 'close', 'partial', 'different'];
