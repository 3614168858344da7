import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { FailureInjection } from '../../sagas/types';
import { failureChoices, type FailureChoice } from '../saga/failureChoices';
import { fieldStyles } from '../styles/controlStyles';
import { sagaPanelStyles } from './saga-styles';

export type FailureChoiceEvent = CustomEvent<{ readonly choice: FailureChoice }>;
export type InjectionPatchEvent = CustomEvent<{ readonly patch: Partial<FailureInjection> }>;

/**
 * Breaking the saga on purpose: how the payment service behaves, or a real stock shortage, and a pause before each
 * step. The element only reports what the person chose; the page applies it to the coordinator and the order form.
 */
@customElement('saga-failure-controls')
export class SagaFailureControls extends LitElement {
  static override styles = [
    ...sagaPanelStyles,
    fieldStyles,
    css`
      fieldset {
        border: 1px solid var(--wb-color-border);
        border-radius: var(--wb-radius);
        margin: 0 0 var(--wb-space-3);
        padding: var(--wb-space-2) var(--wb-space-3);
        display: grid;
        gap: var(--wb-space-2);
      }
      legend {
        font-weight: 600;
        padding: 0 var(--wb-space-1);
      }
      .option {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr);
        column-gap: var(--wb-space-2);
        align-items: baseline;
      }
      .option label {
        font-weight: 600;
        cursor: pointer;
      }
      .option p {
        grid-column: 2;
        margin: 0;
        color: var(--wb-color-muted);
        font-size: 0.85rem;
      }
      .option .slider {
        grid-column: 2;
      }
      .slider {
        display: grid;
        grid-template-columns: minmax(0, 1fr) 4rem;
        gap: var(--wb-space-2);
        align-items: center;
        margin-top: var(--wb-space-1);
      }
      input[type='range'] {
        width: 100%;
        accent-color: var(--wb-color-accent);
      }
      input[type='radio'] {
        accent-color: var(--wb-color-accent);
        width: 1rem;
        height: 1rem;
        margin: 0;
        align-self: center;
      }
      input:focus-visible {
        outline: none;
        box-shadow: var(--wb-focus-ring);
      }
      output {
        font-variant-numeric: tabular-nums;
        text-align: right;
      }
      .delay {
        display: grid;
        gap: var(--wb-space-1);
      }
    `,
  ];

  @property({ attribute: false }) injection: FailureInjection | undefined;
  @property({ attribute: false }) choice: FailureChoice = 'everythingWorks';

  override render(): TemplateResult {
    const injection = this.injection;
    return html`<section class="panel" aria-labelledby="saga-failure-title">
      <h3 id="saga-failure-title">Break it</h3>
      <fieldset ?disabled=${injection === undefined}>
        <legend>What goes wrong</legend>
        ${failureChoices.map(
          (option) => html`<div class="option">
            <input
              type="radio"
              name="failure"
              id=${`failure-${option.choice}`}
              .checked=${this.choice === option.choice}
              aria-describedby=${`failure-${option.choice}-explains`}
              @change=${() => this.emitChoice(option.choice)}
            />
            <label for=${`failure-${option.choice}`}>${option.label}</label>
            <p id=${`failure-${option.choice}-explains`}>${option.explains}</p>
            ${option.choice === 'paymentFlaky' && this.choice === 'paymentFlaky' && injection !== undefined
              ? this.renderFailureRate(injection)
              : nothing}
          </div>`,
        )}
      </fieldset>
      ${injection === undefined ? nothing : this.renderDelay(injection)}
    </section>`;
  }

  private renderFailureRate(injection: FailureInjection): TemplateResult {
    const percent = Math.round(injection.flakyFailureRate * 100);
    return html`<div class="slider">
      <input
        type="range"
        id="failure-rate"
        min="0"
        max="100"
        step="5"
        aria-label="Failure rate"
        aria-valuetext=${`${percent} %`}
        .value=${String(percent)}
        @input=${(event: Event) => this.emitPatch({ flakyFailureRate: Number((event.target as HTMLInputElement).value) / 100 })}
      />
      <output for="failure-rate">${percent} %</output>
    </div>`;
  }

  private renderDelay(injection: FailureInjection): TemplateResult {
    const seconds = injection.stepDelayMs / 1000;
    return html`<div class="delay">
      <label for="step-delay">Step delay</label>
      <p class="note" id="step-delay-explains">
        A pause before each step, so you can watch each step, or reload halfway: the saga resumes.
      </p>
      <div class="slider">
        <input
          type="range"
          id="step-delay"
          min="0"
          max="5"
          step="0.5"
          aria-describedby="step-delay-explains"
          aria-valuetext=${`${seconds} seconds`}
          .value=${String(seconds)}
          @input=${(event: Event) => this.emitPatch({ stepDelayMs: Math.round(Number((event.target as HTMLInputElement).value) * 1000) })}
        />
        <output for="step-delay">${seconds.toFixed(1)} s</output>
      </div>
    </div>`;
  }

  private emitChoice(choice: FailureChoice): void {
    this.dispatchEvent(new CustomEvent('failure-choice', { detail: { choice }, bubbles: true, composed: true }));
  }

  private emitPatch(patch: Partial<FailureInjection>): void {
    this.dispatchEvent(new CustomEvent('injection-patch', { detail: { patch }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'saga-failure-controls': SagaFailureControls;
  }
  interface HTMLElementEventMap {
    'failure-choice': FailureChoiceEvent;
    'injection-patch': InjectionPatchEvent;
  }
}
