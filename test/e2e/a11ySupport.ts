import { inject } from 'vitest';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import axe, { type AxeResults, type Result } from 'axe-core';
import type { ScreenEntry } from '../../src/ui/routes';

/**
 * What the accessibility suite needs beyond support.ts: one long-lived page per display setting (dark theme, large
 * text) that visits every screen by changing the hash, an axe scan that separates what fails the suite from what is
 * only reported, and in-page probes that follow focus through shadow roots.
 */

/** WCAG 2.1 A and AA; best-practice is scanned too, but only reported. */
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] as const;

export type Display = { readonly dark: boolean; readonly largeText: boolean };

export type ThemedSession = {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Uncaught page errors so far: a screen that throws is not accessible either. */
  readonly pageErrors: Error[];
  close(): Promise<void>;
};

let browser: Browser | undefined;

/**
 * A context of its own (not support.ts's openApp, whose contexts close after each test): the suite walks many
 * screens in one page, so the per-screen tests share the app's state, as a person clicking through would.
 */
export async function openThemedSession(display: Display): Promise<ThemedSession> {
  if (browser === undefined || !browser.isConnected()) browser = await chromium.connect(inject('browserWsEndpoint'));
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(60_000); // as support.ts: a busy machine may take that long
  const page = await context.newPage();
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  await page.goto(`${inject('appBaseUrl')}#/simulator`);
  await page.getByRole('banner').getByRole('heading', { name: 'Event Workbook' }).waitFor();
  // Through the header's own buttons, as a person would switch them.
  const header = page.getByRole('banner');
  const dark = header.getByRole('button', { name: 'Dark theme' });
  if (((await dark.getAttribute('aria-pressed')) === 'true') !== display.dark) await dark.click();
  const large = header.getByRole('button', { name: 'Large text' });
  if (((await large.getAttribute('aria-pressed')) === 'true') !== display.largeText) await large.click();
  return { page, context, pageErrors, close: () => context.close() };
}

export async function disconnectA11yBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}

/** Moves to a screen by its hash and waits until its element has rendered and the page is quiet. */
export async function showScreen(page: Page, screen: ScreenEntry, params = ''): Promise<void> {
  await page.evaluate((hash) => {
    location.hash = hash;
  }, `#/${screen.name}${params}`);
  const element = page.locator(screen.tag);
  await element.waitFor();
  await element.evaluate(async (node) => {
    await (node as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  });
  await settle(page);
}

/**
 * Until the page is still: its fonts loaded, every transition and finite animation finished (a theme switch fades
 * colours), and two frames painted, so a scan or a screenshot sees what a person sees once it has settled.
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    const finite = document.getAnimations().filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.all(finite.map((animation) => animation.finished.catch(() => undefined)));
    await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
  });
}

/** The rules that depend on colour alone: what changes between the light and the dark theme. */
export const contrastRules: readonly string[] = ['color-contrast', 'link-in-text-block'];

export type AxeFindings = {
  /** Serious or critical WCAG violations: these fail the suite. */
  readonly failing: readonly Result[];
  /** Everything else axe found (moderate/minor WCAG, best-practice of any impact). */
  readonly reported: readonly Result[];
  /** Text whose contrast axe could not decide (SVG labels over shapes, overlapped boxes): counted, not judged. */
  readonly contrastUndecided: number;
};

/**
 * Runs axe on the whole page; axe follows open shadow roots on its own (the suite's first test proves it on a Lit
 * screen). axe runs in the page itself (axe.run, as @axe-core/playwright's legacy mode does): the app's only frame is
 * the exercise runner's sandboxed one, opaque to the page, and the default mode's extra blank page per scan costs
 * seconds on a busy machine. axe's source (half a megabyte) is put in a document once and reused by every later scan
 * of it; @axe-core/playwright put it in twice per scan, which was two thirds of a scan's time.
 */
export async function scanWithAxe(page: Page, rules?: readonly string[]): Promise<AxeFindings> {
  await injectAxeOnce(page);
  const runOnly = rules === undefined ? { type: 'tag', values: [...axeTags] } : { type: 'rule', values: [...rules] };
  const results = await page.evaluate(
    (runOnly) => (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(document, { runOnly }),
    runOnly,
  );
  const isWcag = (violation: Result): boolean => violation.tags.some((tag) => tag.startsWith('wcag'));
  const isSerious = (violation: Result): boolean => violation.impact === 'serious' || violation.impact === 'critical';
  const failing = results.violations.filter((violation) => isWcag(violation) && isSerious(violation));
  const contrastUndecided = results.incomplete.filter((result) => result.id === 'color-contrast').reduce((sum, result) => sum + result.nodes.length, 0);
  return { failing, reported: results.violations.filter((violation) => !failing.includes(violation)), contrastUndecided };
}

/** Puts this axe-core in the page's document unless it is already there (a reload or a navigation drops it). */
async function injectAxeOnce(page: Page): Promise<void> {
  const present = await page.evaluate((version) => (window as unknown as { axe?: { version?: string } }).axe?.version === version, axe.version);
  if (present) return;
  await page.evaluate(axe.source);
  await page.evaluate(() =>
    (window as unknown as { axe: { configure(spec: object): void } }).axe.configure({ allowedOrigins: ['<same_origin>'], branding: { application: 'event-workbook-tests' } }),
  );
}

/** One line per offending node: rule, impact, where (shadow path joined by ' >> '), and axe's advice. */
export function describeViolations(violations: readonly Result[]): string {
  return violations
    .flatMap((violation) =>
      violation.nodes.map((node) => {
        const target = node.target.map((part) => (Array.isArray(part) ? part.join(' >> ') : String(part))).join(' | ');
        const summary = (node.failureSummary ?? violation.help).replace(/\s+/g, ' ').trim();
        return `  [${violation.id}, ${violation.impact ?? 'n/a'}] ${target}\n      ${summary}`;
      }),
    )
    .join('\n');
}

/* ---------- keyboard: following focus through shadow roots ---------- */

/** What one Tab press did, as read in the page. */
export type FocusStep =
  | { readonly kind: 'left' }
  | { readonly kind: 'cycled' }
  | { readonly kind: 'stayed'; readonly element: string }
  | { readonly kind: 'moved'; readonly element: string; readonly indicator: boolean };

type FocusWalkState = { seen: Set<Element>; first: Element | null; last: Element | null };

/** Forgets what the previous walk saw; the next `probeFocus` starts a new walk. */
export async function startFocusWalk(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { a11yWalk: FocusWalkState }).a11yWalk = { seen: new Set(), first: null, last: null };
  });
}

/**
 * Reads where focus is after a key press: the deep active element (through every shadowRoot.activeElement), whether
 * it shows a focus indicator (an outline that is drawn, or a box-shadow), and whether focus left the page or came
 * back round to where the walk started.
 */
export function probeFocus(page: Page): Promise<FocusStep> {
  return page.evaluate((): FocusStep => {
    const walk = (window as unknown as { a11yWalk: FocusWalkState }).a11yWalk;
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (active === null || active === document.body || active === document.documentElement || !document.hasFocus()) return { kind: 'left' };
    const describe = (element: Element): string => {
      const hosts: string[] = [];
      for (let root = element.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) hosts.unshift(root.host.localName);
      const labelled = element.getAttribute('aria-label') ?? (element as HTMLInputElement).labels?.[0]?.textContent ?? element.textContent ?? '';
      const name = labelled.replace(/\s+/g, ' ').trim().slice(0, 60);
      const role = element.getAttribute('role');
      return `${hosts.join(' > ')} > ${element.localName}${role === null ? '' : `[role=${role}]`} "${name}"`;
    };
    if (active === walk.last) return { kind: 'stayed', element: describe(active) };
    if (active === walk.first) return { kind: 'cycled' };
    walk.first ??= active;
    walk.last = active;
    walk.seen.add(active);
    const style = getComputedStyle(active);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    return { kind: 'moved', element: describe(active), indicator: outline || shadow };
  });
}

/**
 * Every control a person can see and use on the page (inside every open shadow root) that the walk never focused:
 * what only a mouse could reach. A radio group counts as reached when one of its radios was (arrows move within it);
 * controls inside a composite widget with a roving tabindex count likewise.
 */
export function unreachedControls(page: Page): Promise<string[]> {
  return page.evaluate((): string[] => {
    const walk = (window as unknown as { a11yWalk: FocusWalkState }).a11yWalk;
    const selector =
      'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex], [contenteditable=""], [contenteditable="true"]';
    const native = 'a[href], button, input, select, textarea, summary';
    const composite = '[role=radiogroup], [role=toolbar], [role=tablist], [role=listbox], [role=grid], [role=menu], [role=tree]';
    const all: Element[] = [];
    const collect = (root: Document | ShadowRoot): void => {
      for (const element of root.querySelectorAll('*')) {
        if (element.matches(selector)) all.push(element);
        if (element.shadowRoot) collect(element.shadowRoot);
      }
    };
    collect(document);
    const describe = (element: Element): string => {
      const hosts: string[] = [];
      for (let root = element.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) hosts.unshift(root.host.localName);
      const labelled = element.getAttribute('aria-label') ?? (element as HTMLInputElement).labels?.[0]?.textContent ?? element.textContent ?? '';
      return `${hosts.join(' > ')} > ${element.localName} "${labelled.replace(/\s+/g, ' ').trim().slice(0, 60)}"`;
    };
    const reachedGroups = new Set<string>();
    const groupOf = (element: Element): string | undefined => {
      if (element instanceof HTMLInputElement && element.type === 'radio' && element.name !== '') {
        return `${describe(element.getRootNode() instanceof ShadowRoot ? (element.getRootNode() as ShadowRoot).host : document.body)}#${element.name}`;
      }
      const widget = element.closest(composite);
      return widget === null ? undefined : describe(widget);
    };
    for (const element of walk.seen) {
      const group = groupOf(element);
      if (group !== undefined) reachedGroups.add(group);
    }
    const usable = (element: Element): boolean => {
      if (element.matches(':disabled') || element.closest('[inert]') !== null) return false;
      if (!element.checkVisibility({ checkVisibilityCSS: true } as CheckVisibilityOptions)) return false;
      // A non-control given tabindex=-1 is a target for focus() (a slide, a heading), not something to operate.
      if ((element as HTMLElement).tabIndex < 0 && !element.matches(native)) return false;
      return true;
    };
    return all
      .filter(usable)
      .filter((element) => !walk.seen.has(element))
      .filter((element) => {
        const group = groupOf(element);
        return group === undefined || !reachedGroups.has(group);
      })
      .map(describe);
  });
}

export type FocusWalk = {
  /** How many elements took focus, in order. */
  readonly stops: number;
  /** How the walk ended: focus left the page or came round to its first stop; 'bound' means it never did. */
  readonly ended: 'left' | 'cycled' | 'trapped' | 'bound';
  readonly withoutIndicator: readonly string[];
  /** Elements that kept Tab for themselves (a code editor) and let go after Esc. */
  readonly capturedTab: readonly string[];
};

/** Presses Tab from the top of the page until focus leaves it or comes round, at most `bound` times. */
export async function tabThroughPage(page: Page, bound: number): Promise<FocusWalk> {
  await startFocusWalk(page);
  // A click on the header's corner puts the start of sequential focus at the top of the page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.click(2, 2);
  const withoutIndicator: string[] = [];
  const capturedTab: string[] = [];
  let stops = 0;
  for (let press = 0; press < bound; press += 1) {
    await page.keyboard.press('Tab');
    let step = await probeFocus(page);
    // A date-time field takes one Tab per part (month, day, year, hours, minutes, seconds, milliseconds, AM/PM).
    for (let part = 0; step.kind === 'stayed' && part < 10; part += 1) {
      await page.keyboard.press('Tab');
      step = await probeFocus(page);
    }
    if (step.kind === 'stayed') {
      // A code editor may keep Tab for indenting; it must let go after Esc (and say so next to it).
      capturedTab.push(step.element);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Tab');
      step = await probeFocus(page);
      if (step.kind === 'stayed') return { stops, ended: 'trapped', withoutIndicator, capturedTab };
    }
    if (step.kind === 'left' || step.kind === 'cycled') return { stops, ended: step.kind, withoutIndicator, capturedTab };
    stops += 1;
    if (!step.indicator) withoutIndicator.push(step.element);
  }
  return { stops, ended: 'bound', withoutIndicator, capturedTab };
}

/* ---------- non-text contrast (WCAG 1.4.11), which axe does not check ---------- */

/**
 * Text fields, selects and text areas whose edge a person cannot make out: neither a border side nor the field's
 * own background reaches 3:1 against what surrounds it. Checkboxes, radios, sliders and file pickers are drawn by
 * the browser and left out.
 */
export function faintControlBoundaries(page: Page): Promise<string[]> {
  return page.evaluate((): string[] => {
    type Rgba = [number, number, number, number];
    const parse = (colour: string): Rgba => {
      const [r = 0, g = 0, b = 0, a = 1] = (colour.match(/[\d.]+/g) ?? []).map(Number);
      return [r, g, b, colour.startsWith('rgba') || colour.includes('/') ? a : 1];
    };
    const over = ([r, g, b, a]: Rgba, [br, bg, bb]: Rgba): Rgba => [r * a + br * (1 - a), g * a + bg * (1 - a), b * a + bb * (1 - a), 1];
    const luminance = ([r, g, b]: Rgba): number => {
      const channel = (c: number): number => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const ratio = (a: Rgba, b: Rgba): number => {
      const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
      return (light + 0.05) / (dark + 0.05);
    };
    const parentOf = (element: Element): Element | null =>
      element.parentElement ?? (element.getRootNode() instanceof ShadowRoot ? (element.getRootNode() as ShadowRoot).host : null);
    /** The colour behind an element: its ancestors' backgrounds blended from the page up. */
    const backdrop = (element: Element): Rgba => {
      const layers: Rgba[] = [];
      for (let node = parentOf(element); node !== null; node = parentOf(node)) {
        const colour = parse(getComputedStyle(node).backgroundColor);
        if (colour[3] > 0) layers.push(colour);
        if (colour[3] >= 1) break;
      }
      return layers.reduceRight<Rgba>((below, layer) => over(layer, below), [255, 255, 255, 1]);
    };
    const fields: Element[] = [];
    const collect = (root: Document | ShadowRoot): void => {
      for (const element of root.querySelectorAll('*')) {
        if (element.matches('input:not([type=checkbox], [type=radio], [type=range], [type=file], [type=color], [type=hidden]), select, textarea')) {
          fields.push(element);
        }
        if (element.shadowRoot) collect(element.shadowRoot);
      }
    };
    collect(document);
    const faint: string[] = [];
    for (const field of fields) {
      if (!field.checkVisibility() || field.getBoundingClientRect().width < 8) continue;
      const style = getComputedStyle(field);
      const outside = backdrop(field);
      const fill = over(parse(style.backgroundColor), outside);
      const sides = (['Top', 'Right', 'Bottom', 'Left'] as const).filter((side) => parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`)) > 0);
      const edges = sides.map((side) => ratio(over(parse(style.getPropertyValue(`border-${side.toLowerCase()}-color`)), outside), outside));
      const best = Math.max(ratio(fill, outside), ...edges);
      if (best < 3) {
        const hosts: string[] = [];
        for (let root = field.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) hosts.push(root.host.localName);
        const name = field.getAttribute('aria-label') ?? (field as HTMLInputElement).labels?.[0]?.textContent ?? field.id;
        faint.push(`${hosts.reverse().join(' > ')} > ${field.localName} "${name.replace(/\s+/g, ' ').trim().slice(0, 40)}" edge ${best.toFixed(2)}:1`);
      }
    }
    return faint;
  });
}
