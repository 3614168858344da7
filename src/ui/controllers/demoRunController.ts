import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/** What a demo step says when it is done: in words, and good or bad in colour (pageStyles' `.report`). */
export type DemoReport = { readonly text: string; readonly tone: 'bad' | 'good' | 'plain' };

/**
 * One step of a demo screen at a time (dual writes, forgetting a customer): the screen's buttons wait while a step
 * runs, and a step that throws says why in the report instead of leaving the person with nothing.
 */
export class DemoRunController implements ReactiveController {
  #busy = false;
  #report: DemoReport | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  get busy(): boolean {
    return this.#busy;
  }

  get report(): DemoReport | null {
    return this.#report;
  }

  set report(report: DemoReport | null) {
    this.#report = report;
    this.host.requestUpdate();
  }

  /** Runs `work` with the screen busy; what it throws becomes the report. */
  async run(work: () => Promise<void>): Promise<void> {
    this.#busy = true;
    this.host.requestUpdate();
    try {
      await work();
    } catch (error) {
      this.report = { text: error instanceof Error ? error.message : String(error), tone: 'bad' };
    } finally {
      this.#busy = false;
      this.host.requestUpdate();
    }
  }

  /** The report as a status line, or nothing before the first step. */
  renderReport(): TemplateResult | typeof nothing {
    const report = this.#report;
    return report === null ? nothing : html`<p class="report ${report.tone}" role="status">${report.text}</p>`;
  }
}
