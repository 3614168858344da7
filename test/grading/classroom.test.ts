import { strToU8, zipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classCsv, csvCell, filesOfZip, gradeClass, submissionsFrom } from '../../src/grading';

/** What the instructor page does with a class: find each student's answers, grade them, export CSV. */

const root = resolve(import.meta.dirname, '../..');
const solution = readFileSync(resolve(root, 'exercises/_solutions/06-cqrs-event-sourcing/answers.md'), 'utf8');
const starter = readFileSync(resolve(root, 'exercises/06-cqrs-event-sourcing/answers.md'), 'utf8');

describe('a class of submissions', () => {
  it('names each student after their folder, ignoring other files and the exercise folder', () => {
    const submissions = submissionsFrom(
      [
        { path: 'class/bob/answers.md', text: starter },
        { path: 'class/alice/06-cqrs-event-sourcing/answers.md', text: solution },
        { path: 'class/alice/06-cqrs-event-sourcing/README.md', text: '# task' },
      ],
      'folder',
    );
    expect(submissions.map((s) => s.student)).toEqual(['alice', 'bob']);
  });

  it('names loose files after the file, and tells repeated names apart', () => {
    const files = [{ path: 'dan.md', text: '' }, { path: 'answers.md', text: '' }, { path: 'answers.md', text: '' }];
    expect(submissionsFrom(files, 'files').map((s) => s.student)).toEqual(['answers', 'answers (2)', 'dan']);
  });

  it('reads answers out of a zip, a top-level answers.md named after the zip', () => {
    const zip = zipSync({ 'erin/answers.md': strToU8(solution), '06-cqrs-event-sourcing/answers.md': strToU8(starter), 'logo.png': new Uint8Array([1, 2]) });
    const files = filesOfZip(zip);
    expect(files.map((f) => f.path).sort()).toEqual(['06-cqrs-event-sourcing/answers.md', 'erin/answers.md']);
    expect(submissionsFrom(files, 'folder', 'frank').map((s) => s.student)).toEqual(['erin', 'frank']);
  });

  it('grades every student with progress after each one', async () => {
    const progress: string[] = [];
    const graded = await gradeClass(
      submissionsFrom([{ path: 'a/answers.md', text: solution }, { path: 'b/answers.md', text: starter }], 'folder'),
      (done, total) => progress.push(`${done}/${total}`),
      async () => undefined,
    );
    expect(progress).toEqual(['0/2', '1/2', '2/2']);
    expect(graded.map((g) => g.results.filter((r) => r.status === 'pass').length)).toEqual([6, 0]);
  });

  it('exports CSV with quotes, commas, newlines and formula-looking names made safe', async () => {
    const graded = await gradeClass([{ student: '=cmd|"x", y', path: 'x.md', answers: starter }], () => undefined, async () => undefined);
    const csv = classCsv(graded);
    const [header, row] = csv.split('\r\n');
    expect(header).toBe(
      'Student,Requirement 1,Requirement 1 message,Requirement 2,Requirement 2 message,Requirement 3,Requirement 3 message,Requirement 4,Requirement 4 message,Requirement 5,Requirement 5 message,Requirement 6,Requirement 6 message,Passed',
    );
    expect(row!.startsWith(`"'=cmd|""x"", y",fail,`)).toBe(true);
    expect(row!.endsWith(',0/6')).toBe(true);
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell('plain')).toBe('plain');
  });
});
