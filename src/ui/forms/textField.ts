import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';

/** One labelled text input of a command form, with its own error under it. */
export type TextFieldView = {
  /** The input's id; the error's id is derived from it. */
  readonly inputId: string;
  readonly name: string;
  readonly label: string;
  readonly optional?: boolean;
  readonly inputType: 'text' | 'email' | 'number';
  readonly inputMode?: 'numeric' | 'decimal';
  readonly step?: string;
  /** The id of a `<datalist>` of suggestions, passed as `afterInput`. */
  readonly list?: string;
  readonly value: string;
  /** What the command boundary said about this field, shown under it and linked by `aria-describedby`. */
  readonly issue: string | undefined;
  readonly onInput: (event: Event) => void;
};

/**
 * The field both command forms draw: label (with "(optional)"), input, anything the form adds after the input (a
 * datalist), then the field's error. Browser autocomplete is off: the values are ids and test data, not a person's.
 */
export function textField(view: TextFieldView, afterInput: TemplateResult | typeof nothing = nothing): TemplateResult {
  const errorId = `${view.inputId}-error`;
  return html`<div class="field">
    <label for=${view.inputId}
      >${view.label}${view.optional ? html` <span class="optional">(optional)</span>` : nothing}</label
    >
    <input
      id=${view.inputId}
      name=${view.name}
      type=${view.inputType}
      inputmode=${view.inputMode ?? nothing}
      step=${view.step ?? nothing}
      autocomplete="off"
      list=${view.list ?? nothing}
      .value=${view.value}
      aria-invalid=${view.issue === undefined ? nothing : 'true'}
      aria-describedby=${view.issue === undefined ? nothing : errorId}
      @input=${view.onInput}
    />
    ${afterInput} ${view.issue === undefined ? nothing : html`<p class="field-error" id=${errorId}>${view.issue}</p>`}
  </div>`;
}
