import { lessons } from '../../../../content/index';
import { selfChecks } from '../../../../content/self-checks/index';
import { selfChecksMarkdown } from '../../../workbook/selfCheck/instructorMarkdown';

let url: string | undefined;

/**
 * The instructors' Markdown of every self-check (the same text as docs/self-checks.md) as a blob address for a
 * download link. Made once: the questions are part of the build, so the file never changes while the page is open.
 */
export function selfChecksDownloadUrl(): string {
  url ??= URL.createObjectURL(new Blob([selfChecksMarkdown(selfChecks, lessons)], { type: 'text/markdown;charset=utf-8' }));
  return url;
}
