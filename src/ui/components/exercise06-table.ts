import { LitElement, css, html } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { tradeoffTableOf, withTradeoffTable, type TradeoffRow } from '../../workbook/exercise06Document';
import { Drafts, bodyChange, editorStyles } from './exercise06-editor-styles';

/** Requirement 3: the seed's table as inputs, one row per dimension, written back as the markdown table. */
@customElement('exercise06-table')
export class Exercise06Table extends LitElement {
  static override styles = [
    editorStyles,
    css`
      caption {
        caption-side: top;
        text-align: left;
        font-weight: 600;
        padding-bottom: var(--wb-space-1);
      }
      th[scope='row'] {
        width: 12rem;
      }
      td textarea {
        min-height: 3.5rem;
        border-color: transparent;
        background: transparent;
      }
      td textarea:hover {
        border-color: var(--wb-color-border);
      }
      td {
        padding: 0;
      }
    `,
  ];

  @property() body = '';
  private readonly drafts = new Drafts();

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('body')) this.drafts.sync(this.body);
  }

  private change(rows: readonly TradeoffRow[], index: number, column: 'crud' | 'cqrs', value: string): void {
    const next = rows.map((row, i) => (i === index ? { ...row, [column]: value } : row));
    const body = withTradeoffTable(this.body, next);
    this.drafts.set(`${column}${index}`, value, body);
    this.dispatchEvent(bodyChange(body));
  }

  override render(): TemplateResult {
    const rows = tradeoffTableOf(this.body);
    const cell = (row: TradeoffRow, index: number, column: 'crud' | 'cqrs', name: string): TemplateResult => html`
      <td>
        <textarea
          rows="2"
          aria-label=${`${name}: ${row.dimension}`}
          .value=${this.drafts.value(`${column}${index}`, row[column])}
          @input=${(event: Event) => this.change(rows, index, column, (event.target as HTMLTextAreaElement).value)}
        ></textarea>
      </td>
    `;
    return html`
      <p class="help">Each cell is one line of the markdown table (a line break becomes a space).</p>
      <table>
        <caption>Benefits and trade-offs</caption>
        <thead>
          <tr>
            <th scope="col">Dimension</th>
            <th scope="col">Standard CRUD</th>
            <th scope="col">CQRS</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row, index) => html`<tr>
              <th scope="row">${row.dimension}</th>
              ${cell(row, index, 'crud', 'CRUD')} ${cell(row, index, 'cqrs', 'CQRS')}
            </tr>`,
          )}
        </tbody>
      </table>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'exercise06-table': Exercise06Table;
  }
}
