// The source of "now" for everything that stamps or compares times; tests inject their own.
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
