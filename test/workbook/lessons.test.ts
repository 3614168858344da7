import { describe, expect, it } from 'vitest';
import { lessonFor, lessons, neighboursOf } from '../../src/workbook/lessons';
import { screens } from '../../src/ui/routes';
import { codeExercises } from '../../exercises/manifest';

/** The lessons as a student meets them: in order, each loadable, each pointing at a screen that exists. */

const routeNames = new Set<string>(screens.map((screen) => screen.name));

const loaded = await Promise.all(lessons.map(async (lesson) => ({ lesson, markdown: await lesson.load() })));

describe('the lesson list', () => {
  it('runs from CRUD through CQRS and event sourcing to sagas, then what production event sourcing meets', () => {
    expect(lessons.map((lesson) => lesson.id)).toEqual([
      'crud-loses-history',
      'commands-and-queries',
      'event-sourcing',
      'projections',
      'snapshots',
      'optimistic-concurrency',
      'versioning-upcasting',
      'sagas',
      'dual-writes-outbox',
      'at-least-once',
      'evolving-events',
      'aggregate-boundaries',
      'eventual-consistency-ux',
      'forgetting-a-person',
    ]);
  });

  it.each(loaded)('$lesson.id starts with its title as the only h1', ({ lesson, markdown }) => {
    const h1s = markdown.split('\n').filter((line) => /^# /.test(line));
    expect(h1s).toHaveLength(1);
    expect(markdown.startsWith('# ')).toBe(true);
    expect(lesson.title.length).toBeGreaterThan(0);
  });

  it.each(loaded)('$lesson.id has a "Try it" section whose links open existing screens', ({ markdown }) => {
    const tryIt = markdown.split(/^## Try it$/m)[1];
    expect(tryIt, 'a "## Try it" section').toBeDefined();
    const links = [...(tryIt ?? '').matchAll(/\]\((#\/[^)]*)\)/g)].map((match) => match[1] ?? '');
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      const route = link.replace(/^#\//, '').split('/')[0] ?? '';
      expect(routeNames, `${link} names a screen`).toContain(route);
    }
  });

  it('links to coding exercises only by the id of one that exists', () => {
    const ids = new Set(codeExercises.map((exercise) => exercise.id));
    const links = loaded.flatMap(({ markdown }) => [...markdown.matchAll(/\]\(#\/exercises\/([^)/]+)\)/g)].map((match) => match[1]));
    expect(links).toContain('07-upcaster');
    for (const id of links) expect(ids, `#/exercises/${id}`).toContain(id);
  });

  it('carries at least two Mermaid diagrams, and code examples in the highlighted languages', () => {
    const all = loaded.map(({ markdown }) => markdown).join('\n');
    expect(all.match(/^```mermaid$/gm)?.length ?? 0).toBeGreaterThanOrEqual(2);
    for (const language of ['typescript', 'json', 'bash']) expect(all).toContain(`\`\`\`${language}\n`);
  });

  it('has no raw HTML that the sanitizer would have to remove', () => {
    for (const { lesson, markdown } of loaded) {
      const outsideCode = markdown.replace(/^```[\s\S]*?^```$/gm, '');
      expect(outsideCode, lesson.id).not.toMatch(/<\s*(script|iframe|img|style)/i);
    }
  });
});

describe('moving between lessons', () => {
  it('opens the first lesson when the address names none, and says so when it names an unknown one', () => {
    expect(lessonFor(undefined)).toEqual({ lesson: lessons[0], known: true });
    expect(lessonFor('no-such-lesson')).toEqual({ lesson: lessons[0], known: false });
    expect(lessonFor('snapshots').lesson.title).toBe('Snapshots');
  });

  it('offers no previous lesson on the first and no next one on the last', () => {
    expect(neighboursOf('crud-loses-history').previous).toBeUndefined();
    expect(neighboursOf('crud-loses-history').next?.id).toBe('commands-and-queries');
    expect(neighboursOf('sagas').next?.id).toBe('dual-writes-outbox');
    expect(neighboursOf('sagas').previous?.id).toBe('versioning-upcasting');
    expect(neighboursOf('eventual-consistency-ux').next?.id).toBe('forgetting-a-person');
    expect(neighboursOf('forgetting-a-person').next).toBeUndefined();
  });
});
