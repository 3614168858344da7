import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { screens, type RouteName } from '../../src/ui/routes';
import { openAnotherTab, openApp, screenshotDir, shot } from './support';
import { eventLog, pickCommand, placeOrder } from './simulatorSupport';
import { allPayloadsText, flagPrefix, hugePayload, payloads, payloadsUpTo } from './securityCorpus';
import { payloadExport } from './securityExport';

/**
 * Script injection, end to end, in the built app under its Content-Security-Policy: payloads go in through every
 * door a person or a file has (answers, imported events, order forms, API bodies, coding exercises) and every
 * screen that shows them is visited. A payload that runs would set its `window.__pwned_<name>` flag or open a
 * dialog; one that the sanitizer let through but the policy stopped fires a `securitypolicyviolation`. Any of the
 * three fails the test, and so does a policy violation of the app's own making on any route.
 */

type Guarded = { readonly page: Page; readonly dialogs: string[]; readonly consoleErrors: readonly string[] };

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Opens the app with a violation recorder installed before any of its scripts, and every dialog recorded. */
async function openGuarded(hash: string): Promise<Guarded> {
  const session = await openApp('');
  await session.context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations!.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber}) ${event.sample}`);
    });
  });
  await session.page.close();
  const page = await openAnotherTab(session, hash);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return { page, dialogs, consoleErrors: session.consoleErrors };
}

/** Nothing ran and nothing was blocked: no payload flag, no dialog, no policy violation, no console error. */
async function expectNothingRan({ page, dialogs, consoleErrors }: Guarded, where: string): Promise<void> {
  // Handlers (onerror of a broken image, onfocus, ontoggle) fire a moment after the markup lands: wait until every
  // image in the page (shadow roots too) has loaded or failed, then two frames and a turn of the task queue.
  await page.evaluate(async () => {
    const images: HTMLImageElement[] = [];
    const collect = (root: Document | ShadowRoot): void => {
      for (const element of root.querySelectorAll('*')) {
        if (element instanceof HTMLImageElement) images.push(element);
        if (element.shadowRoot !== null) collect(element.shadowRoot);
      }
    };
    collect(document);
    const settled = (image: HTMLImageElement) =>
      image.complete ? undefined : new Promise((done) => ['load', 'error'].forEach((type) => image.addEventListener(type, done, { once: true })));
    await Promise.all(images.map(settled));
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0))));
  });
  const inPage = await page.evaluate((prefix) => {
    const flags = Object.keys(window).filter((key) => key.startsWith(prefix));
    const polluted = Object.keys(Object.prototype);
    return { flags, polluted, violations: window.__cspViolations ?? ['the violation recorder is missing'] };
  }, flagPrefix);
  expect({ where, ...inPage, dialogs, consoleErrors }).toEqual({
    where,
    flags: [],
    polluted: [],
    violations: [],
    dialogs: [],
    consoleErrors: [],
  });
}

/** Goes to a route the way a nav link does (hash change, no reload) and waits for its screen to be drawn. */
async function visit(page: Page, route: RouteName, ...params: string[]): Promise<void> {
  const screen = screens.find(({ name }) => name === route)!;
  await page.evaluate((hash) => (location.hash = hash), `#/${[route, ...params].join('/')}`);
  await page.locator(screen.tag).waitFor();
  await page.waitForLoadState('networkidle');
}

/** Where a payload is on screen as text: the proof that it was shown, not silently dropped. */
const shownAsText = (where: Page | Locator, text: string | RegExp) => where.getByText(text, { exact: false }).first();

describe('the Content-Security-Policy', () => {
  it('is in the built page and every route draws under it without a violation', async () => {
    const guarded = await openGuarded('#/simulator');
    const policy = await guarded.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    // 'self', and the hash of the one inline script the exercise runner's sandbox frame needs (nothing else inline).
    expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/]+={0,2}'(;|$)/);
    expect(policy).not.toMatch(/unsafe-eval/);
    expect(policy).toMatch(/object-src 'none'/);
    for (const screen of screens) {
      await visit(guarded.page, screen.name);
      await expectNothingRan(guarded, `#/${screen.name}`);
    }
    // Every lesson, diagrams included (Mermaid draws with inline styles, which the policy allows on purpose).
    await visit(guarded.page, 'lessons');
    const lessonLinks = await guarded.page.getByRole('navigation', { name: /lessons/i }).getByRole('link').all();
    const hrefs = await Promise.all(lessonLinks.map((link) => link.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(3);
    for (const href of hrefs) {
      await guarded.page.evaluate((hash) => (location.hash = hash), href!.slice(href!.indexOf('#')));
      await guarded.page.locator('lesson-article figure.diagram, lesson-article .body').first().waitFor();
      await guarded.page.waitForLoadState('networkidle');
      await expectNothingRan(guarded, href!);
    }
  });

  it('stops markup that slips past the sanitizer: an injected inline handler is blocked and reported', async () => {
    const guarded = await openGuarded('#/simulator');
    await guarded.page.evaluate((prefix) => {
      const probe = document.createElement('div');
      probe.innerHTML = `<img src="x" onerror="window.${prefix}probe = 1">`;
      document.body.append(probe);
    }, flagPrefix);
    await expect.poll(() => guarded.page.evaluate(() => window.__cspViolations?.length ?? 0)).toBe(1);
    expect(await guarded.page.evaluate((prefix) => Object.keys(window).some((key) => key.startsWith(prefix)), flagPrefix)).toBe(false);
  });
});

describe('imported events full of payloads', () => {
  it('are shown as text on every screen that shows events, orders or users', async () => {
    const file = await payloadExport();
    const guarded = await openGuarded('#/data');
    const { page } = guarded;
    await page.getByLabel('Events file to import').setInputFiles({ name: 'payloads.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(file) });
    await page.getByRole('button', { name: 'Import and replace the store' }).click();
    const outcome = page.getByRole('status').filter({ hasText: /Imported/ }).or(page.getByRole('alert')).first();
    await outcome.waitFor();
    expect(await outcome.innerText()).toMatch(/Imported [\d,]+ events/);
    await page.getByRole('region', { name: 'The store' }).getByText(/Read models: up to date/).waitFor();
    await expectNothingRan(guarded, 'data import');

    await visit(page, 'simulator');
    const log = page.getByRole('table', { name: 'Event log' });
    await log.getByRole('button', { name: /^JSON of event/ }).first().waitFor();
    for (const toggle of (await log.getByRole('button', { name: /^JSON of event/ }).all()).slice(0, 8)) await toggle.click();
    await shownAsText(log, 'correlation').waitFor();
    await shownAsText(log, 'onerror').waitFor();
    await page.getByRole('region', { name: 'Read models' }).getByText(/<(img|svg|script|a|iframe|details|math)\b/).first().waitFor();
    await shot(page, `${screenshotDir}/security-simulator.png`, { fullPage: true });
    await expectNothingRan(guarded, 'simulator with the JSON of 8 events open');

    await visit(page, 'crud-vs-es', 'mine');
    const subject = page.getByLabel('Order or user');
    for (const value of ['order-sec-1', 'order-sec-2', 'user-u-1']) {
      const option = subject.locator(`option[value="${value}"]`);
      if ((await option.count()) > 0) await subject.selectOption(value);
      await expectNothingRan(guarded, `crud-vs-es mine ${value}`);
    }

    await visit(page, 'console');
    for (const request of ['GET /api/v1/orders', 'GET /orders/', 'GET /orders/sec-1/', 'GET /users/', 'GET /api/v1/orders/top-customers', 'GET /admin/orders/sec-2/events']) {
      await page.getByRole('textbox', { name: 'Request' }).fill(request);
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await page.getByRole('region', { name: 'Response' }).getByRole('status').waitFor();
      if (request === 'GET /api/v1/orders') await shownAsText(page.getByRole('region', { name: 'Response body' }), /<(img|svg|script)/).waitFor();
      await expectNothingRan(guarded, `console ${request}`);
    }

    for (const route of ['time-travel', 'replay', 'trace', 'metrics', 'saga', 'idempotency', 'snapshots', 'versioning', 'conflicts', 'data'] as const) {
      await visit(page, route);
      // Buttons that show an order or a step: press the first few, so details with the payloads open too.
      await expectNothingRan(guarded, route);
    }
    await visit(page, 'time-travel');
    const walk = page.getByLabel('Walk');
    if ((await walk.count()) > 0 && (await walk.locator('option[value="order-sec-2"]').count()) > 0) await walk.selectOption('order-sec-2');
    await shot(page, `${screenshotDir}/security-time-travel.png`, { fullPage: true });
    await expectNothingRan(guarded, 'time travel walking order-sec-2');
  });
});

describe('payloads typed into order forms and the API console', () => {
  it('are recorded and shown as text', async () => {
    const guarded = await openGuarded('#/simulator');
    const { page } = guarded;
    const placed: string[] = [];
    for (const payload of payloadsUpTo(200).slice(0, 6)) placed.push(await placeOrder(page, payload.text));
    await expectNothingRan(guarded, 'place order with payload products');

    /** Runs one of the command panel's forms on `orderId`, with `fields` filled in, and waits for its outcome. */
    const runForm = async (title: string, orderId: string, fields: Record<string, string> = {}): Promise<void> => {
      await pickCommand(page, title);
      const form = page.getByRole('region', { name: title });
      await form.getByLabel('Order ID').fill(orderId);
      for (const [label, value] of Object.entries(fields)) await form.getByLabel(label).fill(value);
      await form.getByRole('button').last().click();
      await form.getByRole('status').or(form.getByRole('alert')).first().waitFor();
    };
    await runForm('Cancel an order', placed[0]!, { Reason: payloads.find(({ name }) => name === 'noscriptMxss')!.text });
    await expectNothingRan(guarded, 'cancel with a payload reason');
    await runForm('Confirm an order', placed[1]!);
    await runForm('Start processing', placed[1]!);
    await runForm('Ship an order', placed[1]!, { 'Tracking number': payloads.find(({ name }) => name === 'imgOnerror')!.text });
    // The shipment's row is drawn once the log has caught up with the command; its envelope holds the payload.
    const shipped = eventLog(page).getByRole('row').filter({ hasText: 'OrderShipped' }).first();
    await shipped.getByRole('button', { name: /^JSON of event/ }).click();
    await shownAsText(eventLog(page), 'onerror').waitFor();
    await expectNothingRan(guarded, 'ship with a payload tracking number');

    await visit(page, 'console');
    const requests = [
      ...payloadsUpTo(180).slice(0, 8).map(({ text }) => `POST /orders/ ${JSON.stringify({ customer_id: 'c-1', product: text, quantity: 1 })}`),
      `POST /orders/ {"customer_id": "<img src=x onerror=alert(1)>", "product": "x", "quantity": 1}`,
      `POST /orders/ ${payloads[0]!.text}`,
      `GET /orders/${encodeURIComponent(payloads[1]!.text)}/`,
      `POST /users/ {"__proto__": {"${flagPrefix}proto": 1}, "first_name": "<svg onload=alert(1)>", "last_name": "x", "email": "a@example.com"}`,
      `${payloads[0]!.text} /orders/`,
      'GET /orders/',
    ];
    for (const request of requests) {
      await page.getByRole('textbox', { name: 'Request' }).fill(request);
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await page.getByRole('region', { name: 'Response' }).getByRole('status').waitFor();
    }
    await shownAsText(page.getByRole('region', { name: 'Response body' }), '<script>').waitFor();
    await shot(page, `${screenshotDir}/security-console.png`, { fullPage: true });
    await expectNothingRan(guarded, 'API console requests with payloads');
  });
});

const root = resolve(import.meta.dirname, '../..');
const solution = readFileSync(resolve(root, 'exercises/_solutions/06-cqrs-event-sourcing/answers.md'), 'utf8');

/** The solution's answers.md with the whole corpus under every requirement and a huge answer in requirement 1. */
function payloadAnswers(): string {
  const corpus = allPayloadsText();
  return solution
    .replace(/^(## Requirement \d.*)$/gm, `$1\n\n${corpus}\n`)
    .replace(/^(### .*)$/m, `$1\n\n${hugePayload.text}\n`)
    .replace(/```json\n/, `\`\`\`json\n${payloads.find(({ name }) => name === 'protoJson')!.text}\n`);
}

describe('Exercise 06 answers full of payloads', () => {
  it('are shown as text on every requirement, in the editors and on the instructor page', { timeout: 180_000 }, async () => {
    const guarded = await openGuarded('#/exercise-06');
    const { page } = guarded;
    await page.getByRole('heading', { name: 'Exercise 06: CQRS and Event Sourcing' }).waitFor();
    const answers = payloadAnswers();
    await page.getByLabel('answers.md file to import').setInputFiles({ name: 'answers.md', mimeType: 'text/markdown', buffer: Buffer.from(answers) });
    const imported = page.getByRole('status').filter({ hasText: 'Imported' }).or(page.getByRole('alert')).first();
    await imported.waitFor();
    expect(await imported.innerText()).toContain('Imported "answers.md"');
    await expectNothingRan(guarded, 'exercise 06 overview after import');
    for (let requirement = 1; requirement <= 6; requirement += 1) {
      await visit(page, 'exercise-06', String(requirement));
      await page.getByRole('button', { name: `Check requirement ${requirement}` }).click();
      await page.getByRole('status').or(page.getByRole('alert')).filter({ hasText: `Requirement ${requirement}` }).first().waitFor();
      await expectNothingRan(guarded, `exercise 06 requirement ${requirement}`);
    }

    // Typed, not imported: a payload in each kind of editor.
    await visit(page, 'exercise-06', '2');
    await page.getByLabel('Diagram (ASCII)').fill(payloadsUpTo(120).map(({ text }) => `Client --${text.replace(/\n/g, ' ')}--> ${text.replace(/\n/g, ' ')}`).join('\n'));
    // The graph is drawn after a pause in typing; until the drawing of what was typed is in, the figure is busy.
    await page.getByRole('img', { name: 'How the grader reads your diagram' }).and(page.locator('[aria-busy="false"]')).waitFor();
    await expectNothingRan(guarded, 'exercise 06 diagram with payload boxes');
    await visit(page, 'exercise-06', '5');
    await page.getByLabel(/^Events \(JSON/).first().fill(`[${payloads.map(({ text }) => JSON.stringify({ type: text, data: { orderId: text } })).join(',')}]`);
    await page.getByLabel(/How is the current state of order #1001 derived/).fill(allPayloadsText());
    await shot(page, `${screenshotDir}/security-exercise06.png`, { fullPage: true });
    await expectNothingRan(guarded, 'exercise 06 events typed as payloads');

    await visit(page, 'instructor');
    await page.getByLabel('answers.md files').setInputFiles([
      { name: 'payloads.md', mimeType: 'text/markdown', buffer: Buffer.from(answers) },
      { name: `${payloads[1]!.text.replace(/\//g, '')}.md`, mimeType: 'text/markdown', buffer: Buffer.from(allPayloadsText()) },
    ]);
    await page.getByRole('status').filter({ hasText: 'Graded 2 submissions' }).waitFor();
    const table = page.getByRole('table', { name: /Exercise 06 results/ });
    for (const cell of (await table.getByText('✗ Fail').all()).slice(0, 4)) await cell.click();
    await shot(page, `${screenshotDir}/security-instructor.png`, { fullPage: true });
    await expectNothingRan(guarded, 'instructor with payload submissions');
  });
});

describe('coding exercise code that reaches for the page', () => {
  it('runs in a sandboxed worker: it cannot touch the document, the window or the grade', async () => {
    const guarded = await openGuarded('#/exercises/01-decide');
    const { page } = guarded;
    const attack = `
const scope = globalThis as any;
const attempts: string[] = [];
const attempt = (name: string, act: () => unknown) => { try { act(); attempts.push(name + ': ran'); } catch (error) { attempts.push(name + ': ' + String(error)); } };
attempt('document', () => { scope.document.body.innerHTML = '<img src=x onerror="window.${flagPrefix}document=1">'; });
attempt('parent', () => { scope.parent.${flagPrefix}parent = 1; });
attempt('opener', () => { scope.opener.${flagPrefix}opener = 1; });
attempt('top', () => { scope.top.location = 'javascript:window.${flagPrefix}top=1'; });
attempt('broadcast', () => { new scope.BroadcastChannel('workbook').postMessage({ type: '<img src=x onerror=alert(1)>' }); });
attempt('forged report', () => scope.postMessage({ kind: 'broken', reason: '<img src=x onerror="window.${flagPrefix}forged=1">' }));
export function decide(): never[] { return []; }
`;
    await page.getByRole('textbox', { name: /Your code/ }).fill(attack);
    await page.getByRole('button', { name: 'Run tests' }).click();
    // The runner's own report is drawn; the one the code posted itself is ignored.
    await page.getByRole('list', { name: 'Test results' }).waitFor();
    expect(await page.getByText(`${flagPrefix}forged`).count()).toBe(0);
    await shot(page, `${screenshotDir}/security-exercise-worker.png`, { fullPage: true });
    await expectNothingRan(guarded, 'exercise code that reaches for the page');
    await page.getByRole('heading', { name: 'Coding exercises', level: 2 }).waitFor();
  });

  it('a malformed report posted by the code is ignored: the page draws the runner’s own', async () => {
    const guarded = await openGuarded('#/exercises/01-decide');
    const { page } = guarded;
    await page
      .getByRole('textbox', { name: /Your code/ })
      .fill(`(globalThis as any).postMessage({ kind: 'ran', outcomes: '<img src=x onerror=alert(1)>', goal: null, passed: 1, total: 1 });\nexport function decide(): never[] { return []; }\n`);
    await page.getByRole('button', { name: 'Run tests' }).click();
    await page.getByRole('list', { name: 'Test results' }).waitFor();
    await expectNothingRan(guarded, 'a malformed worker message');
    expect(await page.getByText(/^All \d+ tests pass\.$/).count()).toBe(0);
  });
});
