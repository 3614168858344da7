import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import type { FailureInjection, SagaCoordinator, SagaView, StockLevel } from '../../sagas/types';
import type { WorkbookSimulator } from '../../simulator/simulator';
import { simulatorContext } from '../simulatorContext';
import { SimulatorChangesController } from '../controllers/simulatorChangesController';
import { SagaChangesController } from '../saga/sagaChangesController';
import { choiceOf, paymentModeFor, stockShortQuantities } from '../saga/failureChoices';
import { errorBoxStyles } from '../styles/controlStyles';
import { pageHeadingStyles } from '../styles/pageStyles';
import type { QuantityFill } from './saga-order-form';
import type { FailureChoiceEvent, InjectionPatchEvent } from './saga-failure-controls';
import { newestFirst } from './saga-list';
import './saga-order-form';
import './saga-failure-controls';
import './saga-circuit';
import './saga-stock-table';
import './saga-list';
import './saga-timeline';

type SagaScreenData = { readonly stock: readonly StockLevel[]; readonly sagas: readonly SagaView[] };

/**
 * Seed 004's order saga, run for real: place an order, choose what goes wrong, and watch the saga reserve, charge,
 * confirm, or undo what it did. `#/saga/<orderId>` opens on that order's saga.
 */
@customElement('saga-page')
export class SagaPage extends LitElement {
  static override styles = [
    pageHeadingStyles,
    errorBoxStyles,
    css`
      :host {
        display: grid;
        gap: var(--wb-space-3);
        container-type: inline-size;
      }
      .intro {
        margin: 0;
        max-width: 50rem;
        line-height: 1.5;
      }
      .row {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        gap: var(--wb-space-3);
        align-items: stretch;
      }
      .row.history {
        grid-template-columns: minmax(14rem, 1fr) minmax(0, 2.5fr);
        align-items: start;
      }
      @container (max-width: 52rem) {
        .row,
        .row.history {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ];

  @property({ attribute: false }) params: readonly string[] = [];

  @consume({ context: simulatorContext, subscribe: true })
  @state()
  simulator: WorkbookSimulator | undefined;

  /** The saga the person chose; undefined = the one the address names, else the newest. */
  @state() private chosenOrderId: string | undefined;
  /** "Stock short" is this page's own choice: the coordinator's payment service keeps approving. */
  @state() private stockShortChosen = false;
  @state() private fill: QuantityFill | undefined;

  private readonly simulatorChanges = new SimulatorChangesController(this, () => this.simulator);
  private readonly sagaChanges = new SagaChangesController(this, () => this.coordinator);

  private readonly data = new Task(this, {
    task: async ([coordinator]): Promise<SagaScreenData | undefined> => {
      if (coordinator === undefined) return undefined;
      const [stock, sagas] = await Promise.all([coordinator.stock(), coordinator.sagas()]);
      return { stock, sagas };
    },
    args: () => [this.coordinator, this.simulatorChanges.revision, this.sagaChanges.revision] as const,
  });

  private get coordinator(): SagaCoordinator | undefined {
    return this.simulator?.sagas;
  }

  override render(): TemplateResult {
    const coordinator = this.coordinator;
    const data = this.data.value;
    const injection = coordinator?.injection();
    const sagas = data?.sagas ?? [];
    const selected = this.selectedSaga(sagas);
    return html`<h2>Saga: one order across three services</h2>
      <p class="intro">
        Placing an order here reserves stock, charges the payment and confirms the order: three services, three
        streams, and no database transaction can span them. A <strong>saga</strong> runs the steps one by one and
        records each as an event. When a step fails, it does not roll back (the earlier steps really happened): it
        <strong>compensates</strong>, running a new step that undoes each earlier one, newest first (refund, release
        the stock, cancel the order). Break it below and watch it recover.
      </p>
      ${this.renderProblems(coordinator)}
      <div class="row">
        <saga-order-form .coordinator=${coordinator} .catalog=${data?.stock ?? []} .fill=${this.fill} @saga-started=${this.onSagaStarted}></saga-order-form>
        <saga-failure-controls
          .injection=${injection}
          .choice=${injection === undefined ? 'everythingWorks' : choiceOf(injection, this.stockShortChosen)}
          @failure-choice=${this.onFailureChoice}
          @injection-patch=${this.onInjectionPatch}
        ></saga-failure-controls>
      </div>
      <div class="row">
        <saga-circuit .coordinator=${coordinator} .revision=${this.sagaChanges.revision}></saga-circuit>
        <saga-stock-table .coordinator=${coordinator} .stock=${data?.stock ?? []}></saga-stock-table>
      </div>
      <div class="row history">
        <saga-list .sagas=${sagas} .selectedOrderId=${selected?.orderId} @saga-select=${this.onSagaSelect}></saga-list>
        <saga-timeline .saga=${selected}></saga-timeline>
      </div>`;
  }

  private renderProblems(coordinator: SagaCoordinator | undefined): TemplateResult | typeof nothing {
    if (this.simulator !== undefined && coordinator === undefined) {
      return html`<p class="error" role="alert">This simulator runs no saga coordinator.</p>`;
    }
    if (this.data.error !== undefined) {
      return html`<p class="error" role="alert">The sagas could not be read: ${String(this.data.error)}</p>`;
    }
    return nothing;
  }

  private selectedSaga(sagas: readonly SagaView[]): SagaView | undefined {
    const wanted = this.chosenOrderId ?? this.params[0];
    return sagas.find((saga) => saga.orderId === wanted) ?? newestFirst(sagas)[0];
  }

  private readonly onSagaStarted = (event: CustomEvent<{ orderId: string }>): void => {
    this.chosenOrderId = event.detail.orderId;
  };

  private readonly onSagaSelect = (event: CustomEvent<{ orderId: string }>): void => {
    this.chosenOrderId = event.detail.orderId;
  };

  private readonly onFailureChoice = (event: FailureChoiceEvent): void => {
    const { choice } = event.detail;
    const wasStockShort = this.stockShortChosen;
    this.stockShortChosen = choice === 'stockShort';
    this.coordinator?.setInjection({ paymentService: paymentModeFor(choice) });
    const stock = this.data.value?.stock ?? [];
    if (choice === 'stockShort') this.fillQuantities(stockShortQuantities(stock));
    else if (wasStockShort) this.fillQuantities(defaultQuantities(stock));
  };

  private readonly onInjectionPatch = (event: InjectionPatchEvent): void => {
    const patch: Partial<FailureInjection> = event.detail.patch;
    this.coordinator?.setInjection(patch);
  };

  private fillQuantities(quantities: ReadonlyMap<string, number>): void {
    this.fill = { id: (this.fill?.id ?? 0) + 1, quantities };
  }

  protected override willUpdate(): void {
    // The first catalog to arrive fills a one-item order, so the first click already runs a saga.
    const stock = this.data.value?.stock;
    if (this.fill === undefined && stock !== undefined && stock.length > 0) {
      this.fillQuantities(defaultQuantities(stock));
    }
  }
}

/** A first order that works: one of the first product with stock. */
function defaultQuantities(stock: readonly StockLevel[]): ReadonlyMap<string, number> {
  const first = stock.find((level) => level.available > 0) ?? stock[0];
  return new Map(stock.map((level) => [level.product, level === first ? 1 : 0]));
}

declare global {
  interface HTMLElementTagNameMap {
    'saga-page': SagaPage;
  }
}
