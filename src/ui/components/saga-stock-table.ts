import { LitElement, css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { SagaCoordinator, StockLevel } from '../../sagas/types';
import { errorBoxStyles, plainButtonStyles } from '../styles/controlStyles';
import { tableStyles } from '../styles/tableStyles';
import { visuallyHiddenStyles } from '../styles/visuallyHiddenStyles';
import { sagaPanelStyles } from './saga-styles';

/** Units a Restock button adds: enough to place a few more orders after a shortage. */
const restockQuantity = 10;

/**
 * The inventory as the saga sees it: what is on the shelf, what confirmed orders not yet shipped hold reserved, and
 * what is left to reserve. Restock appends an event to the product's inventory stream.
 */
@customElement('saga-stock-table')
export class SagaStockTable extends LitElement {
  static override styles = [
    ...sagaPanelStyles,
    tableStyles,
    plainButtonStyles,
    visuallyHiddenStyles,
    errorBoxStyles,
    css`
      .number {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      tbody td,
      tbody th {
        vertical-align: middle;
      }
      button {
        background: var(--wb-color-surface);
        font-size: 0.85rem;
        white-space: nowrap;
      }
      .available {
        font-weight: 700;
      }
      .table-scroll {
        overflow-x: auto;
      }
    `,
  ];

  @property({ attribute: false }) coordinator: SagaCoordinator | undefined;
  @property({ attribute: false }) stock: readonly StockLevel[] = [];
  @state() private error: string | undefined;

  override render(): TemplateResult {
    return html`<section class="panel" aria-labelledby="saga-stock-title">
      <h3 id="saga-stock-title">Stock</h3>
      <div class="table-scroll">
        <table aria-labelledby="saga-stock-title">
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col" class="number">On hand</th>
              <th scope="col" class="number">Reserved</th>
              <th scope="col" class="number">Available</th>
              <th scope="col"><span class="visually-hidden">Action</span></th>
            </tr>
          </thead>
          <tbody>
            ${this.stock.map(
              (level) => html`<tr>
                <th scope="row">${level.product}</th>
                <td class="number">${level.onHand}</td>
                <td class="number">${level.reserved}</td>
                <td class="number available">${level.available}</td>
                <td>
                  <button type="button" ?disabled=${this.coordinator === undefined} @click=${() => this.restock(level.product)}>
                    Restock<span class="visually-hidden"> ${level.product}</span>
                  </button>
                </td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <p class="note">
        Reserved: set aside for an order until the order is cancelled (released: available again) or shipped (the
        units leave: on hand goes down). Restock adds ${restockQuantity}.
      </p>
      ${this.error === undefined ? '' : html`<p class="error" role="alert">${this.error}</p>`}
    </section>`;
  }

  private async restock(product: string): Promise<void> {
    try {
      this.error = undefined;
      await this.coordinator?.restock(product, restockQuantity);
    } catch (error) {
      this.error = `Could not restock ${product}: ${String(error)}`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'saga-stock-table': SagaStockTable;
  }
}
