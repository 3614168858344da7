import { render } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { renderEventRow } from '../../src/ui/components/event-log-row';
import type { RecordedEvent } from '../../src/eventStore/types';
import { drawnCharacters } from '../../src/ui/widgets/cutText';

/**
 * A log imported before the limits may hold a huge value: the event log draws it cut, with an accessible "Show all"
 * that opens the whole JSON in a read-only text box. A modest size here (200 KB); heavy sizes belong to the bench.
 */

const product = 'L'.repeat(200_000);
const event: RecordedEvent = {
  eventId: 'cmd-1:0',
  globalPosition: 1,
  streamId: 'order-1',
  streamPosition: 1,
  type: 'OrderPlaced',
  schemaVersion: 2,
  data: { orderId: '1', customerId: 'c-1', customerEmail: null, items: [{ product, quantity: 1, unitPrice: 0 }], total: 0, placedAt: '2025-01-01T00:00:00.000Z' },
  metadata: { commandId: 'cmd-1', correlationId: 'cmd-1', causationId: 'cmd-1', recordedAt: '2025-01-01T00:00:00.000Z' },
};

const hosts: HTMLElement[] = [];
afterEach(() => hosts.splice(0).forEach((host) => host.remove()));

async function shownRow(): Promise<HTMLElement> {
  const host = document.createElement('div');
  document.body.append(host);
  hosts.push(host);
  render(renderEventRow(1, event, true, { toggle: () => {}, showStream: () => {} }), host);
  const cut = host.querySelector('cut-text');
  expect(cut).not.toBeNull();
  await cut!.updateComplete;
  return host;
}

describe('a long value in the event log', () => {
  it('is drawn cut, saying how long it is', async () => {
    const host = await shownRow();
    const cut = host.querySelector('cut-text')!;
    const drawn = cut.shadowRoot!.querySelector('span')!.textContent!;
    expect(drawn.length).toBeLessThan(drawnCharacters + 1_000);
    expect(drawn).toContain(`${'L'.repeat(drawnCharacters)}… (200,000 characters)`);
    expect(cut.shadowRoot!.querySelector('textarea')).toBeNull();
  });

  it('opens whole with the "Show all" button, and closes again', async () => {
    const host = await shownRow();
    const cut = host.querySelector('cut-text')!;
    const button = cut.shadowRoot!.querySelector('button')!;
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.getAttribute('aria-label')).toMatch(/^Show all of the JSON of event 1 \(\d{3},\d{3} characters\)$/);
    button.click();
    await cut.updateComplete;
    const whole = cut.shadowRoot!.querySelector('textarea')!;
    expect(whole.readOnly).toBe(true);
    expect(whole.getAttribute('aria-label')).toBe('The whole JSON of event 1');
    expect(JSON.parse(whole.value).data.items[0].product).toBe(product);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    button.click();
    await cut.updateComplete;
    expect(cut.shadowRoot!.querySelector('textarea')).toBeNull();
  });

  it('a short event is drawn whole, with no button', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    hosts.push(host);
    render(renderEventRow(1, { ...event, data: { orderId: '1' } }, true, { toggle: () => {}, showStream: () => {} }), host);
    expect(host.querySelector('cut-text')).toBeNull();
    expect(host.querySelector('pre')!.textContent).toContain('"orderId": "1"');
  });
});
