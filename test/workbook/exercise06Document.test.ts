import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkImportedAnswers,
  eventsBodyOf,
  joinAnswers,
  problemsOf,
  questionsOf,
  requirementBody,
  scenarioAnswerOf,
  scenarioAnswerText,
  splitAnswers,
  tradeoffTableOf,
  withAnswer,
  withDerivation,
  withEventsJson,
  withRequirementBody,
  withTradeoffTable,
  fencedBlocksOf,
  withBlockCode,
  editableText,
} from '../../src/workbook/exercise06Document';

/** Each step of the in-app exercise edits its own part of one answers.md, and nothing else in it. */

const answers = [
  '# Exercise 06: my answers',
  '',
  'Intro the student keeps.',
  '',
  '## Requirement 1 — CQRS concepts',
  '',
  '### What does CQRS stand for?',
  '',
  'Command Query Responsibility Segregation.',
  '',
  '### What is a Command?',
  '',
  'TODO',
  '',
  '## Requirement 2: diagram',
  '',
  '```text',
  'Client --> Command Handler',
  '## Requirement 3 (inside a fence: code, not a heading)',
  '```',
  '',
  '## Requirement 3',
  '',
  '| Dimension | Standard CRUD | CQRS |',
  '|---|---|---|',
  '| Read/write scalability | one database | scale reads apart |',
  '| Query flexibility | | |',
  '',
  '## Requirement 4',
  '',
  '### Difference?',
  '',
  '## Requirement 5',
  '',
  'My events:',
  '',
  '```json',
  '[{ "type": "OrderPlaced", "data": { "orderId": "1001" } }]',
  '```',
  '',
  'Derivation: fold them.',
  '',
  '## Requirement 6',
  '',
  '### HR leave requests',
  '',
  'Verdict: not a good fit',
  '',
  'Too small.',
  '',
].join('\n');

describe('splitting answers.md into requirements', () => {
  it('gives back the same text when the parts are joined', () => {
    expect(joinAnswers(splitAnswers(answers))).toBe(answers);
  });

  it('joins back any text unchanged', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('## Requirement 1', '## Requirement 2 x', '# Title', '```', '~~~', 'text', '', '### q', '## Other')), (lines) => {
        const text = lines.join('\n');
        expect(joinAnswers(splitAnswers(text))).toBe(text);
      }),
    );
  });

  it('finds each requirement once, ignoring a heading inside a code block', () => {
    const numbers = splitAnswers(answers).flatMap((part) => (part.kind === 'requirement' ? [part.number] : []));
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6]);
    expect(requirementBody(answers, 2)).toContain('## Requirement 3 (inside a fence');
    expect(problemsOf(answers)).toEqual([]);
  });

  it('ends a requirement at another h2 that is not a requirement', () => {
    const text = '## Requirement 1\n\nanswer\n\n## Notes for myself\n\nnot an answer';
    expect(requirementBody(text, 1)).toBe('answer');
  });
});

describe('splicing one requirement back', () => {
  it('replaces only that requirement, keeping every heading and the other answers as written', () => {
    const next = withRequirementBody(answers, 4, '### Difference?\n\nEvents instead of rows.');
    expect(requirementBody(next, 4)).toBe('### Difference?\n\nEvents instead of rows.');
    for (const n of [1, 2, 3, 5, 6] as const) expect(requirementBody(next, n)).toBe(requirementBody(answers, n));
    expect(next).toContain('## Requirement 2: diagram\n');
    expect(next.startsWith('# Exercise 06: my answers\n\nIntro the student keeps.\n')).toBe(true);
  });

  it('writing a body back unchanged leaves the document unchanged', () => {
    let text = answers;
    for (const n of [1, 2, 3, 4, 5, 6] as const) text = withRequirementBody(text, n, requirementBody(text, n) ?? '');
    expect(text).toBe(answers);
  });

  it('adds a requirement the document lacks after the one before it', () => {
    const withoutFour = answers.replace('## Requirement 4\n\n### Difference?\n\n', '');
    expect(problemsOf(withoutFour)).toEqual(['it has no "## Requirement 4" heading']);
    const next = withRequirementBody(withoutFour, 4, 'answer four', '## Requirement 4 — Event sourcing concepts');
    expect(problemsOf(next)).toEqual([]);
    expect(next.indexOf('## Requirement 4')).toBeGreaterThan(next.indexOf('## Requirement 3'));
    expect(next.indexOf('## Requirement 4')).toBeLessThan(next.indexOf('## Requirement 5'));
    expect(requirementBody(next, 4)).toBe('answer four');
  });
});

describe('questions (requirements 1, 4 and 6)', () => {
  it('reads each ### question with its answer', () => {
    const { questions } = questionsOf(requirementBody(answers, 1) ?? '');
    expect(questions.map((q) => [q.title, q.answer])).toEqual([
      ['What does CQRS stand for?', 'Command Query Responsibility Segregation.'],
      ['What is a Command?', 'TODO'],
    ]);
  });

  it('writes one answer without touching the other question', () => {
    const body = withAnswer(requirementBody(answers, 1) ?? '', 1, 'An imperative request: PlaceOrder, CancelOrder.');
    expect(questionsOf(body).questions.map((q) => q.answer)).toEqual([
      'Command Query Responsibility Segregation.',
      'An imperative request: PlaceOrder, CancelOrder.',
    ]);
    expect(body).toContain('### What is a Command?\n\nAn imperative request');
  });
});

describe('scenario verdicts (requirement 6)', () => {
  it('reads the verdict line apart from the reasons', () => {
    expect(scenarioAnswerOf('Verdict: not a good fit\n\nToo small.')).toEqual({
      verdict: 'not a good fit',
      verdictLine: 'Verdict: not a good fit',
      reasons: 'Too small.',
    });
    expect(scenarioAnswerOf('**Verdict:** Good fit, every trade is audited').verdict).toBe('good fit');
    expect(scenarioAnswerOf('No verdict yet').verdict).toBeUndefined();
  });

  it('keeps the student\'s own verdict line when only the reasons change, and rewrites it when the verdict does', () => {
    const before = scenarioAnswerOf('**Verdict:** Good fit, every trade is audited\n\nold reasons');
    expect(scenarioAnswerText(before, { reasons: 'new reasons' })).toBe('**Verdict:** Good fit, every trade is audited\n\nnew reasons');
    expect(scenarioAnswerText(before, { verdict: 'partial fit' })).toBe('Verdict: partial fit\n\nold reasons');
    expect(scenarioAnswerText(scenarioAnswerOf(''), { verdict: 'good fit' })).toBe('Verdict: good fit');
  });
});

describe('the trade-off table (requirement 3)', () => {
  it('reads the seed\'s five dimensions, empty where the student has not written yet', () => {
    const rows = tradeoffTableOf(requirementBody(answers, 3) ?? '');
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual({ dimension: 'Read/write scalability', crud: 'one database', cqrs: 'scale reads apart' });
    expect(rows[4]).toEqual({ dimension: 'Best suited for', crud: '', cqrs: '' });
  });

  it('writes the table back in place, escaping a bar typed into a cell', () => {
    const body = 'Intro.\n\n| Dimension | Standard CRUD | CQRS |\n|---|---|---|\n| Query flexibility | | |\n\nAfter.';
    const rows = tradeoffTableOf(body).map((row) => (row.dimension === 'Code complexity' ? { ...row, crud: 'low | simple' } : row));
    const next = withTradeoffTable(body, rows);
    expect(next.startsWith('Intro.\n\n| Dimension | Standard CRUD | CQRS |\n')).toBe(true);
    expect(next.endsWith('\n\nAfter.')).toBe(true);
    expect(next).toContain('| Code complexity | low \\| simple |  |');
    expect(tradeoffTableOf(next).find((row) => row.dimension === 'Code complexity')?.crud).toBe('low | simple');
  });

  it('adds a table to a section that has none', () => {
    const next = withTradeoffTable('', tradeoffTableOf(''));
    expect(next.split('\n')).toHaveLength(7);
  });
});

describe('events and derivation (requirement 5)', () => {
  const body = requirementBody(answers, 5) ?? '';

  it('separates the JSON blocks from the derivation after them', () => {
    const { blocks, derivation } = eventsBodyOf(body);
    expect(blocks.map((block) => block.code)).toEqual(['[{ "type": "OrderPlaced", "data": { "orderId": "1001" } }]']);
    expect(derivation).toBe('Derivation: fold them.');
  });

  it('edits the JSON and the derivation independently, keeping the intro', () => {
    const withJson = withEventsJson(body, 0, '[\n  { "type": "OrderShipped" }\n]');
    const next = withDerivation(withJson, 'Apply each event in order.');
    expect(next).toBe('My events:\n\n```json\n[\n  { "type": "OrderShipped" }\n]\n```\n\nApply each event in order.');
  });

  it('adds a JSON block after the intro when there is none, and the derivation after it', () => {
    const next = withDerivation(withEventsJson('My events:', 0, '[]'), 'State is derived by replay.');
    expect(next).toBe('My events:\n\n```json\n[]\n```\n\nState is derived by replay.');
    expect(eventsBodyOf(next).derivation).toBe('State is derived by replay.');
  });

  it('lengthens the fence when the code itself contains one', () => {
    const block = fencedBlocksOf('```text\nx\n```')[0];
    expect(withBlockCode('```text\nx\n```', block, 'a\n```\nb')).toBe('````text\na\n```\nb\n````');
  });
});

describe('importing answers.md', () => {
  it('accepts a document with the six requirement headings', () => {
    expect(checkImportedAnswers(answers)).toEqual({ ok: true, text: answers });
  });

  it('refuses text without the headings, saying which are missing', () => {
    const result = checkImportedAnswers('# My shopping list\n\n- milk');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/no "## Requirement 1", .* "## Requirement 6" headings\. Nothing was changed\./);
  });

  it('refuses a binary file and a doubled heading', () => {
    expect(checkImportedAnswers('\u0000\u0001PNG').ok).toBe(false);
    const doubled = checkImportedAnswers(`${answers}\n## Requirement 2\n`);
    expect(!doubled.ok && doubled.reason).toContain('two "## Requirement 2" headings');
  });
});

describe("the starter's placeholders", () => {
  it('shows a TODO line as an empty field whose placeholder keeps its question', () => {
    expect(editableText('TODO')).toEqual({ value: '', placeholder: 'Your answer' });
    expect(editableText('TODO: how is the current state of order #1001 derived?')).toEqual({
      value: '',
      placeholder: 'how is the current state of order #1001 derived?',
    });
  });

  it('leaves an answer that merely mentions TODO as written', () => {
    expect(editableText('Events are appended.\nTODO: more').value).toBe('Events are appended.\nTODO: more');
    expect(editableText('Todos are not events').value).toBe('Todos are not events');
  });
});
