import { LitElement, css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ServiceWorkerUpdates } from '../../pwa/serviceWorkerUpdates';
import { focusRingStyles } from '../styles/controlStyles';

export const updateReadyText = 'A new version of Event Workbook is ready — Reload to update';

/**
 * A non-modal banner for a waiting new version: the person finishes what they are doing and reloads when it suits
 * them. Later hides it for this page; the waiting version asks again on the next start.
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

  @state() private ready = false;
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
    this.ready = updates?.isUpdateReady() ?? false;
    this.unsubscribe = updates?.onUpdateReady(() => {
      this.ready = true;
    });
  }

  override render(): TemplateResult | typeof nothing {
    if (!this.ready || this.dismissed) return nothing;
    return html`<section aria-label="New version">
      <p role="status">${this.applying ? 'Updating Event Workbook…' : updateReadyText}</p>
      <div class="actions">
        <button type="button" class="primary" ?disabled=${this.applying} @click=${this.reload}>Reload</button>
        <button type="button" ?disabled=${this.applying} @click=${this.later}>Later</button>
      </div>
      ${this.failure === undefined ? nothing : html`<p role="alert">${this.failure}</p>`}
    </section>`;
  }

  private async reload(): Promise<void> {
    if (this.updates === undefined || this.applying) return;
    this.applying = true;
    this.failure = undefined;
    try {
      // Resolves once the waiting worker was told to take over; the page reloads when it does.
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
