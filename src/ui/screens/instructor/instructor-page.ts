import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { classCsv, classReportCsv, classReportOfSubmissions, filesOfZip, gradeClass, parseClassReport, submissionsFrom } from '../../../grading/index';
import type { ClassReport, GradedSubmission, LoadedFile, Submission } from '../../../grading/index';
import { panelStyles } from '../../styles/theme';
import { linkStyles } from '../../styles/controlStyles';
import { lessons } from '../../../../content/index';
import { selfChecks } from '../../../../content/self-checks/index';
import { selfChecksMarkdown } from '../../../workbook/selfCheck/instructorMarkdown';
import './instructor-results';
import { plural } from '../../text/plural';

let selfChecksUrl: string | undefined;

/**
 * Every lesson's self-check as Markdown (the same text as docs/self-checks.md), as a blob address for the download
 * link. Made once: the questions are part of the build, so the file never changes while the page is open.
 */
function selfChecksDownloadUrl(): string {
  selfChecksUrl ??= URL.createObjectURL(new Blob([selfChecksMarkdown(selfChecks, lessons)], { type: 'text/markdown;charset=utf-8' }));
  return selfChecksUrl;
}

/**
 * `#/instructor`: grade a whole class's Exercise 06 at once. The instructor loads a folder of submissions, a zip, or
 * several answers.md files; each student's answers are graded with the same checks as `npm run grade`, shown as a
 * students × requirements table, and exported as CSV. Or they load the class report that
 * `npm run grade -- --class <folder>` wrote (every coding exercise too) and read it in the same table. Nothing
 * leaves the browser.
 */
@customElement('instructor-page')
export class InstructorPage extends LitElement {
  static override styles = [
    panelStyles,
    linkStyles,
    css`
      :host {
        display: grid;
        /* minmax(0, …): a wide class table scrolls inside its panel instead of widening the page. */
        grid-template-columns: minmax(0, 1fr);
        gap: var(--wb-space-4);
      }
      h2 {
        margin: 0;
      }
      .intro {
        margin: var(--wb-space-1) 0 0;
        color: var(--wb-color-muted);
        max-width: 48rem;
      }
      .loaders {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr));
        gap: var(--wb-space-3) var(--wb-space-4);
      }
      .loader {
        min-width: 0;
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: var(--wb-space-1);
        align-content: start;
      }
      .loader label {
        font-weight: 600;
      }
      .loader small {
        color: var(--wb-color-muted);
        overflow-wrap: anywhere;
      }
      .try {
        margin: var(--wb-space-3) 0 0;
        color: var(--wb-color-muted);
        overflow-wrap: anywhere;
      }
      input[type='file'] {
        font: inherit;
        color: var(--wb-color-text);
        max-width: 100%;
      }
      input[type='file']:focus-visible,
      button:focus-visible {
        outline: none;
        box-shadow: var(--wb-focus-ring);
      }
      button {
        font: inherit;
        padding: var(--wb-space-1) var(--wb-space-3);
        border-radius: var(--wb-radius);
        border: 1px solid var(--wb-color-accent);
        background: var(--wb-color-accent);
        color: var(--wb-color-accent-text);
        cursor: pointer;
      }
      button:disabled {
        opacity: 0.5;
        cursor: not-allowed;
      }
      .progress {
        display: grid;
        gap: var(--wb-space-1);
        margin-top: var(--wb-space-3);
      }
      progress {
        width: 100%;
        max-width: 30rem;
        height: 1rem;
        accent-color: var(--wb-color-accent);
      }
      .alert {
        margin-top: var(--wb-space-3);
        padding: var(--wb-space-2) var(--wb-space-3);
        border-radius: var(--wb-radius);
        background: var(--wb-color-danger-bg);
        color: var(--wb-color-danger);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--wb-space-3);
        align-items: center;
        margin-bottom: var(--wb-space-3);
      }
      .actions p {
        margin: 0;
        color: var(--wb-color-muted);
      }
    `,
  ];

  @property({ attribute: false }) params: readonly string[] = [];

  @state() private graded: readonly GradedSubmission[] = [];
  /** A class report loaded from a file; shown instead of `graded` until the next load. */
  @state() private loadedReport: ClassReport | undefined;
  @state() private progress: { done: number; total: number } | undefined;
  @state() private error: string | undefined;
  @state() private source = '';

  override render(): TemplateResult {
    return html`
      <header>
        <h2>Instructor</h2>
        <p class="intro">
          Grade a whole class's Exercise 06 at once. Each student's <code>answers.md</code> is checked with the same grader
          as <code>npm run grade</code>; the files never leave this browser.
        </p>
      </header>

      <section class="panel" aria-labelledby="load-heading">
        <h3 id="load-heading">Load submissions</h3>
        <div class="loaders">
          <div class="loader">
            <label for="folder">Class folder</label>
            <input id="folder" type="file" webkitdirectory multiple @change=${this.onFolder} ?disabled=${this.busy} />
            <small>One folder per student, each with answers.md (or 06-cqrs-event-sourcing/answers.md).</small>
          </div>
          <div class="loader">
            <label for="zip">Zip archive</label>
            <input id="zip" type="file" accept=".zip,application/zip" @change=${this.onZip} ?disabled=${this.busy} />
            <small>The same layout, zipped; a top-level answers.md is named after the zip.</small>
          </div>
          <div class="loader">
            <label for="files">answers.md files</label>
            <input id="files" type="file" accept=".md,.markdown,.txt,text/markdown" multiple @change=${this.onFiles} ?disabled=${this.busy} />
            <small>Several files at once; each student is named after the file.</small>
          </div>
          <div class="loader">
            <label for="class-report">Load a class report (JSON)</label>
            <input id="class-report" type="file" accept=".json,application/json" @change=${this.onClassReport} ?disabled=${this.busy} />
            <small>Written by <code>npm run grade -- --class &lt;folder&gt;</code> (grades/class-report.json): every requirement and coding exercise, per student.</small>
          </div>
        </div>
        ${this.progress === undefined
          ? nothing
          : html`<div class="progress">
              <label for="grading-progress">${this.busy ? 'Grading' : 'Graded'} ${this.progress.done} of ${this.progress.total} submissions</label>
              <progress id="grading-progress" max=${this.progress.total} .value=${this.progress.done}></progress>
            </div>`}
        ${this.error === undefined ? nothing : html`<p class="alert" role="alert">${this.error}</p>`}
        ${this.graded.length > 0 || this.progress !== undefined || this.loadedReport !== undefined
          ? nothing
          : html`<p class="try">
              No class at hand? Load the repository's <code>exercises/06-cqrs-event-sourcing/answers.md</code> (the
              starter: every requirement fails, each saying what is missing) together with
              <code>exercises/_solutions/06-cqrs-event-sourcing/answers.md</code> (all pass) as two students.
            </p>`}
      </section>

      ${this.loadedReport !== undefined ? this.renderLoadedReport(this.loadedReport) : nothing}
      ${this.graded.length === 0 || this.loadedReport !== undefined
        ? nothing
        : html`<section class="panel" aria-labelledby="results-heading">
            <h3 id="results-heading">Results</h3>
            <div class="actions">
              <button type="button" @click=${this.exportCsv}>Export CSV</button>
              <p role="status">Graded ${plural(this.graded.length, 'submission')} from ${this.source}.</p>
            </div>
            <instructor-results .report=${classReportOfSubmissions(this.graded)} .paths=${new Map(this.graded.map((g) => [g.student, g.path]))}></instructor-results>
          </section>`}

      <section class="panel" aria-labelledby="self-checks-heading">
        <h3 id="self-checks-heading">The lessons' self-checks</h3>
        <p>
          Every lesson ends with three to five questions that students check in the page. The questions, the right answers
          and the explanation of every choice, in one file to print or to reuse in a quiz:
          <a href=${selfChecksDownloadUrl()} download="self-checks.md">Download the questions (Markdown)</a>
        </p>
      </section>
    `;
  }

  private renderLoadedReport(report: ClassReport): TemplateResult {
    const errors = report.students.filter((s) => s.error !== undefined).length;
    return html`<section class="panel" aria-labelledby="results-heading">
      <h3 id="results-heading">Results</h3>
      <div class="actions">
        <button type="button" @click=${this.exportReportCsv}>Export CSV</button>
        <p role="status">
          Loaded ${plural(report.students.length, 'student')} from ${this.source}, graded on
          ${report.columns.length} requirements and exercises (${report.maxPoints} points)${errors === 0 ? '' : `; ${errors} could not be graded`}.
        </p>
      </div>
      <instructor-results .report=${report} caption="Class report" points></instructor-results>
    </section>`;
  }

  private async onClassReport(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file === undefined) return;
    // A class report is a few megabytes at most; a bigger file is not one (and is not read whole into the page).
    if (file.size > 50 * 1024 * 1024) {
      this.error = `${file.name} is ${(file.size / 1024 / 1024).toFixed(0)} MB: a class report is much smaller. Nothing was loaded.`;
      return;
    }
    const parsed = parseClassReport(await file.text());
    if ('error' in parsed) {
      // What was on the screen stays: a bad file changes nothing.
      this.error = `${file.name} was not loaded. ${parsed.error}`;
      return;
    }
    this.error = undefined;
    this.progress = undefined;
    this.graded = [];
    this.loadedReport = parsed;
    this.source = file.name;
  }

  private exportReportCsv(): void {
    if (this.loadedReport !== undefined) this.download(classReportCsv(this.loadedReport), 'class-report.csv');
  }

  private get busy(): boolean {
    return this.progress !== undefined && this.progress.done < this.progress.total;
  }

  private async onFolder(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    const loaded = await Promise.all(
      files.filter((file) => /\.md$/i.test(file.name)).map(async (file) => ({ path: file.webkitRelativePath || file.name, text: await file.text() })),
    );
    const folderName = files[0]?.webkitRelativePath.split('/')[0] ?? 'the folder';
    await this.grade(submissionsFrom(loaded, 'folder', folderName), `the folder ${folderName}`, 'No answers.md was found in that folder.');
    input.value = '';
  }

  private async onZip(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file === undefined) return;
    let loaded: LoadedFile[];
    try {
      loaded = filesOfZip(new Uint8Array(await file.arrayBuffer()));
    } catch (error) {
      this.fail(`${file.name} could not be read as a zip archive (${(error as Error).message}).`);
      input.value = '';
      return;
    }
    const zipName = file.name.replace(/\.zip$/i, '');
    await this.grade(submissionsFrom(loaded, 'folder', zipName), file.name, `No answers.md was found in ${file.name}.`);
    input.value = '';
  }

  private async onFiles(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    const loaded = await Promise.all(files.map(async (file) => ({ path: file.name, text: await file.text() })));
    await this.grade(submissionsFrom(loaded, 'files'), plural(files.length, 'file'), 'None of those files is a markdown file.');
    input.value = '';
  }

  private async grade(submissions: readonly Submission[], source: string, whenEmpty: string): Promise<void> {
    if (submissions.length === 0) {
      this.fail(whenEmpty);
      return;
    }
    this.error = undefined;
    this.graded = [];
    this.loadedReport = undefined;
    this.graded = await gradeClass(submissions, (done, total) => (this.progress = { done, total }));
    this.source = source;
  }

  private fail(message: string): void {
    this.error = message;
    this.progress = undefined;
  }

  private exportCsv(): void {
    this.download(classCsv(this.graded), 'exercise-06-grades.csv');
  }

  private download(text: string, fileName: string): void {
    const blob = new Blob([text], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'instructor-page': InstructorPage;
  }
}
