import { LitElement, css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ServiceWorkerUpdates, UpdateStage } from '../../pwa/serviceWorkerUpdates';
import { focusRingStyles } from '../styles/controlStyles';

export const updateReadyText = 'A new version of Event Workbook is ready — Reload to update';
const updatingText = 'Updating Event Workbook…';

/** What the update still waits for, after "Updating Event Workbook…". */
function waitingFor({ busyTabs, busyHere }: { busyTabs: number; busyHere: boolean }): string {
  if (busyHere) return ' waiting for this tab to finish saving';
  if (busyTabs === 0) return '';
  return ` waiting for ${busyTabs === 1 ? 'another tab' : `${busyTabs} other tabs`} to finish saving`;
}

/** What a tab that did not ask for the update is told when another tab's Reload will switch it too. */
export function otherTabUpdatingText(busyHere: boolean): string {
  return `Another tab is updating Event Workbook to its new version; this tab switches with it ${
    busyHere ? 'as soon as your work here is saved' : 'in a moment'
  }. Nothing you did is lost.`;
}

/**
 * A non-modal banner for a waiting new version: the person finishes what they are doing and reloads when it suits
 * them. Later hides it for this page; the waiting version asks again on the next start. When another tab's Reload is
 * about to switch every tab, the banner comes back to say so (the switch waits for this tab's writes).
 */
@customElement('update-prompt')
export class UpdatePrompt extends LitElement {
  static override styles = [
    focusRingStyles,
    css`
      :host {
        display: block;
      }
      section {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: var(--wb-space-2) var(--wb-space-3);
        margin-bottom: var(--wb-space-3);
        padding: var(--wb-space-2) var(--wb-space-3);
        color: var(--wb-color-text);
        background: var(--wb-color-accent-bg);
        border: 1px solid var(--wb-color-accent);
        border-radius: var(--wb-radius);
        box-shadow: 0 0.25rem 0.75rem rgb(0 0 0 / 0.15);
      }
      p {
        margin: 0;
      }
      .actions {
        display: flex;
        gap: var(--wb-space-2);
      }
      button {
        font: inherit;
        padding: var(--wb-space-1) var(--wb-space-3);
        border-radius: var(--wb-radius);
        border: 1px solid var(--wb-color-accent);
        color: var(--wb-color-accent);
        background: var(--wb-color-surface);
        cursor: pointer;
      }
      button.primary {
        color: var(--wb-color-accent-text);
        background: var(--wb-color-accent);
      }
      button:disabled {
        cursor: progress;
        opacity: 0.7;
      }
    `,
  ];

  /** The registered service worker's updates (src/pwa/serviceWorkerUpdates.ts). */
  @property({ attribute: false }) updates: ServiceWorkerUpdates | undefined;

  @state() private stage: UpdateStage = { kind: 'none' };
  @state() private dismissed = false;
  @state() private applying = false;
  @state() private failure: string | undefined;

  private unsubscribe: (() => void) | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('updates')) this.subscribe();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.subscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private subscribe(): void {
    this.unsubscribe?.();
    const updates = this.updates;
    this.stage = updates?.stage() ?? { kind: 'none' };
    this.unsubscribe = updates?.onStageChange(() => {
      this.stage = updates.stage();
    });
  }

  override render(): TemplateResult | typeof nothing {
    const stage = this.stage;
    switch (stage.kind) {
      case 'none':
        return nothing;
      case 'ready':
        return this.dismissed ? nothing : this.renderBanner(this.applying ? updatingText : updateReadyText, this.applying ? 'none' : 'reload-later');
      case 'waiting':
        // Shown even after Later: this tab is going to switch too, and the person is told why and when.
        return stage.requestedHere || this.applying
          ? this.renderBanner(`${updatingText}${waitingFor(stage)}`, 'none')
          : this.renderBanner(otherTabUpdatingText(stage.busyHere), 'reload-now');
      case 'switching':
        return this.renderBanner(
          stage.busyHere ? 'Switching to the new version of Event Workbook once this tab has finished saving…' : updatingText,
          'none',
        );
      default: {
        const unknown: never = stage;
        return unknown;
      }
    }
  }

  private renderBanner(text: string, actions: 'reload-later' | 'reload-now' | 'none'): TemplateResult {
    return html`<section aria-label="New version">
      <p role="status">${text}</p>
      ${actions === 'none'
        ? nothing
        : html`<div class="actions">
            <button type="button" class="primary" ?disabled=${this.applying} @click=${this.reload}>
              ${actions === 'reload-now' ? 'Reload now' : 'Reload'}
            </button>
            ${actions === 'reload-later' ? html`<button type="button" ?disabled=${this.applying} @click=${this.later}>Later</button>` : nothing}
          </div>`}
      ${this.failure === undefined ? nothing : html`<p role="alert">${this.failure}</p>`}
    </section>`;
  }

  private async reload(): Promise<void> {
    if (this.updates === undefined || this.applying) return;
    this.applying = true;
    this.failure = undefined;
    try {
      // Asks every open tab; the new version takes over once none is writing, and the page reloads under it.
      await this.updates.applyUpdate();
    } catch (error) {
      this.applying = false;
      this.failure = `The update could not be applied: ${error instanceof Error ? error.message : String(error)}. Reload the page to try again.`;
    }
  }

  private later(): void {
    this.dismissed = true;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'update-prompt': UpdatePrompt;
  }
}
