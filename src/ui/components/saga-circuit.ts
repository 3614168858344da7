import { LitElement, css, html, svg } from 'lit';
import type { SVGTemplateResult, TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { assertNever } from '../../domain/core/message';
import type { CircuitState, SagaCoordinator } from '../../sagas/types';
import { TickController } from '../saga/tickController';
import { sagaPanelStyles } from './saga-styles';

const stateNames: Record<CircuitState, string> = { closed: 'closed', open: 'open', halfOpen: 'half-open' };

/**
 * The payment service's circuit breaker as its three states with the moves between them, the current one lit.
 * It reads the coordinator on every render (not a copy), because "open" turns "half-open" by the clock alone,
 * with no change to report; a tick re-renders it while the countdown runs.
 */
@customElement('saga-circuit')
export class SagaCircuit extends LitElement {
  static override styles = [
    ...sagaPanelStyles,
    css`
      svg {
        display: block;
        width: 100%;
        max-width: 30rem;
        height: auto;
        margin-bottom: var(--wb-space-2);
      }
      .box rect {
        fill: var(--wb-color-surface-2);
        stroke: var(--wb-color-border);
        stroke-width: 1.5;
      }
      .box text {
        fill: var(--wb-color-muted);
        font-size: 15px;
      }
      .box.current text {
        font-weight: 700;
      }
      .box.current.closed rect {
        fill: var(--wb-color-success-bg);
        stroke: var(--wb-color-success);
        stroke-width: 3;
      }
      .box.current.closed text {
        fill: var(--wb-color-success);
      }
      .box.current.open rect {
        fill: var(--wb-color-danger-bg);
        stroke: var(--wb-color-danger);
        stroke-width: 3;
      }
      .box.current.open text {
        fill: var(--wb-color-danger);
      }
      .box.current.halfOpen rect {
        fill: var(--wb-color-warning-bg);
        stroke: var(--wb-color-warning);
        stroke-width: 3;
      }
      .box.current.halfOpen text {
        fill: var(--wb-color-warning);
      }
      .move path {
        fill: none;
        stroke: var(--wb-color-muted);
        stroke-width: 1.5;
      }
      .move polygon {
        fill: var(--wb-color-muted);
      }
      .move text {
        fill: var(--wb-color-muted);
        font-size: 11px;
      }
      .failures {
        display: flex;
        align-items: center;
        gap: var(--wb-space-1);
        flex-wrap: wrap;
      }
      .dot {
        width: 0.8rem;
        height: 0.8rem;
        border-radius: 50%;
        border: 2px solid var(--wb-color-danger);
        box-sizing: border-box;
      }
      .dot.counted {
        background: var(--wb-color-danger);
      }
    `,
  ];

  @property({ attribute: false }) coordinator: SagaCoordinator | undefined;
  /** Grows with every coordinator change, so the page's re-render reaches this element too. */
  @property({ type: Number }) revision = 0;

  readonly countdownTick = new TickController(this, 250, () => this.coordinator?.circuit().retryAt != null);

  override render(): TemplateResult {
    const circuit = this.coordinator?.circuit();
    if (circuit === undefined) return html`<section class="panel"><h3>Circuit breaker</h3></section>`;
    const name = stateNames[circuit.state];
    return html`<section class="panel" aria-labelledby="saga-circuit-title">
      <h3 id="saga-circuit-title">Circuit breaker (payment service)</h3>
      ${this.picture(circuit.state, circuit.failureThreshold)}
      <p role="status">Circuit <strong>${name}</strong>: ${explanation(circuit.state)}</p>
      <div class="failures">
        <span>Consecutive failures: ${circuit.consecutiveFailures} of ${circuit.failureThreshold}</span>
        ${Array.from({ length: circuit.failureThreshold }, (_, index) => html`<span class="dot ${index < circuit.consecutiveFailures ? 'counted' : ''}" aria-hidden="true"></span>`)}
      </div>
      ${circuit.retryAt === null ? '' : html`<p class="note">${countdown(circuit.retryAt - Date.now())}</p>`}
    </section>`;
  }

  private picture(current: CircuitState, threshold: number): TemplateResult {
    const box = (state: CircuitState, x: number): SVGTemplateResult =>
      svg`<g class="box ${state} ${state === current ? 'current' : ''}">
        <rect x=${x} y="30" width="110" height="44" rx="8"></rect>
        <text x=${x + 55} y="57" text-anchor="middle">${state === current ? `● ${stateNames[state]}` : stateNames[state]}</text>
      </g>`;
    return html`<svg viewBox="0 0 420 130" role="img" aria-label=${`Circuit breaker states: closed, open, half-open; now ${stateNames[current]}`}>
      ${box('closed', 5)} ${box('open', 155)} ${box('halfOpen', 305)}
      <g class="move">
        <path d="M115 44 H151"></path><polygon points="155,44 147,40 147,48"></polygon>
        <text x="135" y="22" text-anchor="middle">${threshold} failures</text>
        <path d="M265 44 H301"></path><polygon points="305,44 297,40 297,48"></polygon>
        <text x="285" y="22" text-anchor="middle">wait</text>
        <path d="M305 62 H269"></path><polygon points="265,62 273,58 273,66"></polygon>
        <text x="285" y="88" text-anchor="middle">trial fails</text>
        <path d="M360 74 V108 H60 V78"></path><polygon points="60,74 56,82 64,82"></polygon>
        <text x="210" y="122" text-anchor="middle">trial succeeds</text>
      </g>
    </svg>`;
  }
}

function explanation(state: CircuitState): string {
  switch (state) {
    case 'closed':
      return 'calls go through to the payment service.';
    case 'open':
      return 'calls fail at once, without waiting for a service that is down.';
    case 'halfOpen':
      return 'the next call is a trial; success closes the circuit, failure opens it again.';
    default:
      return assertNever(state);
  }
}

function countdown(remainingMs: number): string {
  if (remainingMs <= 0) return 'Half-opens at the next call.';
  return `Half-opens in ${(remainingMs / 1000).toFixed(1)} s.`;
}

declare global {
  interface HTMLElementTagNameMap {
    'saga-circuit': SagaCircuit;
  }
}
