import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { StudentReport } from '../../../classroom/classroomApi';
import { plural } from '../../text/plural';

/**
 * Each student's projection lag as a bar: how many events of the class log their read models have not applied yet
 * (head − the checkpoint their browser reported). Bars share one scale, the largest lag or 10 events.
 */
@customElement('student-lag-chart')
export class StudentLagChart extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--wb-space-2);
    }
    li {
      display: grid;
      grid-template-columns: minmax(6rem, 12rem) 1fr auto;
      gap: var(--wb-space-2);
      align-items: center;
    }
    .name {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .track {
      height: 1rem;
      background: var(--wb-color-surface-2);
      border-radius: var(--wb-radius);
      overflow: hidden;
    }
    .bar {
      height: 100%;
      background: var(--wb-color-accent);
    }
    .bar.far {
      background: var(--wb-color-danger);
    }
    .figure {
      font-variant-numeric: tabular-nums;
      text-align: right;
      white-space: nowrap;
      min-width: 9rem;
    }
    .away {
      color: var(--wb-color-muted);
    }
  `;

  @property({ attribute: false }) students: readonly StudentReport[] = [];

  override render(): TemplateResult {
    const scale = Math.max(10, ...this.students.map((student) => student.lag));
    if (this.students.length === 0) return html`<p>No student has joined yet.</p>`;
    return html`<ul aria-label="Projection lag per student">
      ${this.students.map((student) => {
        const share = Math.min(100, (student.lag / scale) * 100);
        const text = `${plural(student.lag, 'event')} behind`;
        return html`<li aria-label="${student.name}: ${text}${student.connected ? '' : ', not connected'}">
          <span class="name ${student.connected ? '' : 'away'}">${student.name}</span>
          <span class="track" aria-hidden="true"
            ><span class="bar ${share > 50 ? 'far' : ''}" style="display:block;width:${share.toFixed(1)}%"></span
          ></span>
          <span class="figure" aria-hidden="true">${text}${student.connected ? nothing : ' (away)'}</span>
        </li>`;
      })}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'student-lag-chart': StudentLagChart;
  }
}
