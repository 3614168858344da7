/**
 * Requirement 6's verdicts, read in any clear form a student writes them: a labelled line (`Verdict: good fit`,
 * `**Verdict:** not a good fit`, `Verdict — partial fit`, `fit: no`, the label alone with the verdict on the next
 * line), a bold line (`**Not a good fit**`), or a first line that starts with the verdict (`Good fit.`). A reason
 * that merely mentions a fit further down is not a verdict.
 */

const LABELLED = new RegExp(
  String.raw`^[ \t]*(?:[-*>+][ \t]+)?(?:\*\*|__)?[ \t]*(?:verdict|fit|(?:is[ \t]+it[ \t]+a[ \t]+)?good[ \t]+fit[ \t]*\?|assessment|conclusion|decision|recommendation)[ \t]*(?:\*\*|__)?(?:(?<=\?(?:\*\*|__)?)|[ \t]*(?::|—|–|-{1,2}|=))[ \t]*(?:\*\*|__)?[ \t]*(.*)$`,
  'im',
);
const VERDICT_PHRASE = String.raw`(?:[✅❌⚠️✔✗✘👍👎]\s*)?(?:not\s+(?:a\s+)?(?:good\s+|great\s+)?fit|(?:a\s+)?(?:good|great|strong|poor|bad|weak|partial|excellent|perfect|ideal)\s+fit|partial(?:ly)?(?:\s+fit)?|yes|no|overkill)\b`;
const BOLD_LINE = /^[ \t]*(?:[-*>+][ \t]+)?(\*\*|__)(.+?)\1/gm;
const STARTS_WITH_VERDICT = new RegExp(String.raw`^[ \t]*(?:[-*>+][ \t]+)?(${VERDICT_PHRASE})`, 'i');

/** The student's verdict as written ("not a good fit — too small"), or undefined when the answer states none. */
export function readVerdict(answer: string): string | undefined {
  const labelled = LABELLED.exec(answer);
  if (labelled !== null) {
    const onLine = stripEmphasis(labelled[1]!);
    if (onLine !== '') return onLine;
    const next = answer.slice(labelled.index + labelled[0].length).split('\n').find((line) => line.trim() !== '');
    return next === undefined ? '' : stripEmphasis(next.replace(/^\s*(?:[-*>+]\s+)?/, ''));
  }
  for (const bold of answer.matchAll(BOLD_LINE)) {
    const inner = stripEmphasis(bold[2]!);
    if (new RegExp(`^${VERDICT_PHRASE}`, 'i').test(inner)) return inner;
  }
  const firstLine = answer.split('\n').find((line) => line.trim() !== '') ?? '';
  return STARTS_WITH_VERDICT.exec(firstLine)?.[1];
}

function stripEmphasis(text: string): string {
  return text.replace(/\*\*|__/g, '').replace(/[\s:]+$/, '').trim();
}
