/**
 * Words and phrases that deny what follows them in their clause. Each one flips the clause's polarity, so two
 * cancel out: "nothing stops you from editing an event" asserts that events can be edited. Phrases are written
 * like the vocabulary's (see concepts.ts).
 */
const DENYING = [
  'not', "n't", 'never', 'no', 'none', 'nothing', 'nobody', 'no one', 'neither', 'nor', 'without', 'cannot', 'can not',
  'impossible', 'unnecessary', 'unneeded', 'needless', 'unable', 'incapable', 'forbidden', 'prohibited', 'disallowed', 'not allowed',
  'instead of', 'rather than', 'far from', 'in place of', 'as opposed to', 'unlike', 'no longer', 'no need', 'hardly', 'barely', 'seldom', 'rarely',
  'prevent', 'prevents', 'prevented', 'stop', 'stops', 'stopped', 'forbid', 'forbids', 'prohibit', 'prohibits', 'disallow', 'disallows', 'block', 'blocks', 'refuse', 'refuses',
  'avoid', 'avoids', 'avoiding', 'fail to', 'fails to', 'lack', 'lacks', 'myth', 'misconception', 'wrongly', 'untrue',
];

let sorted: string[][] | undefined;

/** The denying phrases as word lists, longest first. */
export function polarityWords(): readonly (readonly string[])[] {
  sorted ??= DENYING.map((p) => p.split(/\s+/)).sort((a, b) => b.length - a.length);
  return sorted;
}
