import { LitElement, css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { WorkbookSimulator } from '../../simulator/simulator';
import type { CommandOutcome } from '../../simulator/types';
import { simulatorContext } from '../simulatorContext';
import { panelStyles } from '../styles/theme';
import { simulatorFormStyles } from '../styles/simulatorFormStyles';
import { textField } from '../forms/textField';
import {
  appendedSummary,
  commandInput,
  refusalOf,
  statusSuggestions,
  type CommandFieldName,
  type CommandFormSpec,
  type CommandValues,
  type Refusal,
  type Suggestions,
} from '../forms/commandForms';

/** What the form shows under its button after the last submit. */
type Feedback =
  | { readonly kind: 'none' }
  | { readonly kind: 'appended'; readonly summary: string }
  | ({ readonly kind: 'refused' } & Refusal);

/** Told to the command panel after an accepted command, so the next form can start from the same order or user. */
export type CommandAppendedDetail = { readonly spec: CommandFormSpec; readonly values: CommandValues; readonly streamId: string };

/**
 * One command of the panel (anything but Place order), rendered from its spec. Like the place-order form it leaves
 * validation to the command's schema (`novalidate`): a refusal is part of what the screen teaches.
 */
@customElement('command-form')
export class CommandForm extends LitElement {
  static override styles = [
    panelStyles,
    simulatorFormStyles,
    css`
      :host {
        display: block;
      }
    `,
  ];

  @property({ attribute: false }) spec: CommandFormSpec | undefined;
  /** Values to start from (the order the person worked on last); applied when the spec changes. */
  @property({ attribute: false }) defaults: CommandValues = {};
  @property({ attribute: false }) orderIds: readonly string[] = [];
  @property({ attribute: false }) userIds: readonly string[] = [];

  @consume({ context: simulatorContext, subscribe: true })
  @state()
  simulator: WorkbookSimulator | undefined;

  @state() private values: CommandValues = {};
  @state() private feedback: Feedback = { kind: 'none' };
  @state() private submitting = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('spec')) {
      this.values = { ...this.defaults };
      this.feedback = { kind: 'none' };
    } else if (changed.has('defaults')) {
      // A newer default (an order just placed, a fresh user id) replaces only what the person has not typed over.
      const previous = (changed.get('defaults') as CommandValues | undefined) ?? {};
      const filled: CommandValues = { ...this.values };
      for (const [name, value] of Object.entries(this.defaults) as [CommandFieldName, string][]) {
        if (value === previous[name]) continue;
        if (!filled[name] || filled[name] === previous[name]) filled[name] = value;
      }
      this.values = filled;
    }
  }

  override render(): TemplateResult | typeof nothing {
    const spec = this.spec;
    if (spec === undefined) return nothing;
    const fieldIssues = this.feedback.kind === 'refused' ? this.feedback.fieldIssues : new Map<CommandFieldName, string>();
    const titleId = `command-${spec.command}-title`;
    return html`
      <section class="panel" aria-labelledby=${titleId}>
        <h3 id=${titleId}>${spec.title}</h3>
        <form novalidate @submit=${this.onSubmit}>
          <p class="explains">${spec.explains}</p>
          ${spec.fields.map((field) => {
            const inputId = `command-${field.name}`;
            const listId = field.suggestions === undefined ? undefined : `${inputId}-suggestions`;
            return textField(
              {
                ...field,
                inputId,
                ...(listId === undefined ? {} : { list: listId }),
                value: this.values[field.name] ?? '',
                issue: fieldIssues.get(field.name),
                onInput: (event: Event) => this.onInput(field.name, event),
              },
              listId === undefined || field.suggestions === undefined
                ? nothing
                : html`<datalist id=${listId}>
                    ${this.suggestionsOf(field.suggestions).map((value) => html`<option value=${value}></option>`)}
                  </datalist>`,
            );
          })}
          <button class="primary" type="submit" ?disabled=${this.submitting || this.simulator === undefined}>
            ${spec.submitLabel}
          </button>
          ${this.renderFeedback()}
        </form>
      </section>
    `;
  }

  private suggestionsOf(source: Suggestions): readonly string[] {
    switch (source) {
      case 'orderIds':
        return this.orderIds;
      case 'userIds':
        return this.userIds;
      case 'statuses':
        return statusSuggestions;
      default: {
        const unknown: never = source;
        return unknown;
      }
    }
  }

  private renderFeedback(): TemplateResult {
    const feedback = this.feedback;
    switch (feedback.kind) {
      case 'none':
        return html`<p class="feedback" role="status"></p>`;
      case 'appended':
        return html`<p class="feedback ok" role="status">${feedback.summary}</p>`;
      case 'refused':
        return html`<p class="feedback refused" role="alert">${feedback.message}</p>`;
      default: {
        const unknown: never = feedback;
        return unknown;
      }
    }
  }

  private onInput(name: CommandFieldName, event: Event): void {
    this.values = { ...this.values, [name]: (event.target as HTMLInputElement).value };
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const { simulator, spec } = this;
    if (simulator === undefined || spec === undefined || this.submitting) return;
    this.submitting = true;
    const values = this.values;
    try {
      const outcome: CommandOutcome = await simulator.execute(spec.command, commandInput(spec, values));
      if (outcome.ok) {
        this.feedback = { kind: 'appended', summary: appendedSummary(outcome) };
        this.dispatchEvent(
          new CustomEvent<CommandAppendedDetail>('command-appended', {
            detail: { spec, values, streamId: outcome.streamId },
            bubbles: true,
            composed: true,
          }),
        );
      } else {
        this.feedback = { kind: 'refused', ...refusalOf(spec, outcome) };
      }
    } catch (error) {
      // execute() reports refusals as outcomes; a throw is a bug or a dead store, still worth showing.
      this.feedback = { kind: 'refused', message: String(error), fieldIssues: new Map() };
    } finally {
      this.submitting = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'command-form': CommandForm;
  }
  interface HTMLElementEventMap {
    'command-appended': CustomEvent<CommandAppendedDetail>;
  }
}
