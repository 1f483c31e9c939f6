// A small table of common English given-name nicknames to one canonical form, for name comparison.

const GROUPS: readonly (readonly string[])[] = [
  ['robert', 'bob', 'bobby', 'rob', 'robbie', 'bert'],
  ['william', 'bill', 'billy', 'will', 'willy', 'liam'],
  ['richard', 'rick', 'ricky', 'dick', 'rich'],
  ['james', 'jim', 'jimmy', 'jamie'],
  ['john', 'jack', 'johnny', 'jon'],
  ['michael', 'mike', 'mikey', 'mick'],
  ['elizabeth', 'liz', 'beth', 'betty', 'eliza', 'lizzie', 'libby'],
  ['margaret', 'maggie', 'meg', 'peggy', 'marge'],
  ['katherine', 'kate', 'katie', 'kathy', 'catherine', 'cathy', 'kat'],
  ['thomas', 'tom', 'tommy'],
  ['charles', 'charlie', 'chuck'],
  ['joseph', 'joe', 'joey'],
  ['daniel', 'dan', 'danny'],
  ['matthew', 'matt'],
  ['anthony', 'tony'],
  ['christopher', 'chris', 'kit'],
  ['nicholas', 'nick', 'nicky'],
  ['alexander', 'alex', 'sandy'],
  ['benjamin', 'ben', 'benny'],
  ['samuel', 'sam', 'sammy'],
  ['edward', 'ed', 'eddie', 'ted', 'ned'],
  ['jennifer', 'jen', 'jenny'],
  ['patricia', 'pat', 'patty', 'trish'],
  ['susan', 'sue', 'susie'],
  ['deborah', 'deb', 'debbie'],
  ['rebecca', 'becky', 'becca'],
  ['victoria', 'vicky', 'tori'],
  ['jessica', 'jess', 'jessie'],
  ['david', 'dave', 'davey'],
  ['steven', 'steve', 'stephen'],
  ['andrew', 'andy', 'drew'],
  ['jonathan', 'jonny'],
  ['timothy', 'tim', 'timmy'],
  ['zachary', 'zach', 'zack'],
];

/** Builds the lookup once per engine; callers keep it (no module-level mutable state). */
export function nicknameTable(): ReadonlyMap<string, string> {
  const table = new Map<string, string>();
  for (const group of GROUPS) {
    const canonical = group[0];
    if (canonical === undefined) continue;
    for (const name of group) table.set(name, canonical);
  }
  return table;
}
