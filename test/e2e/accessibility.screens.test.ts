import { mkdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { screenFor, screens, type RouteName } from '../../src/ui/routes';
import { disconnectA11yBrowser, scanWithAxe, showScreen, contrastRules } from './a11ySupport';
import { dark, expectNoSeriousViolations, largeText, light, sessionFor } from './a11ySuite';
import { screenshotDir } from './support';

/**
 * Issue 9: every screen passes axe (WCAG 2.1 A/AA, no serious or critical violation) in the light theme, the dark
 * theme and large text.
 */

mkdirSync(screenshotDir, { recursive: true });
afterAll(disconnectA11yBrowser);

describe('axe, light theme: every screen', () => {
  const session = sessionFor(light);

  it('sees inside Lit’s shadow roots (a nameless button and grey-on-grey text planted in a screen are found)', async () => {
    const { page } = session();
    await showScreen(page, screenFor('simulator'));
    await page.locator('simulator-page').evaluate((host) => {
      const probe = document.createElement('div');
      probe.id = 'a11y-probe';
      probe.innerHTML = '<button type="button"></button><p style="color:#999;background:#aaa">faint</p>';
      host.shadowRoot?.append(probe);
    });
    const { failing } = await scanWithAxe(page);
    await page.locator('simulator-page').evaluate((host) => host.shadowRoot?.getElementById('a11y-probe')?.remove());
    const found = failing.flatMap((violation) => violation.nodes.map((node) => `${violation.id} ${JSON.stringify(node.target)}`));
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^button-name \[\["workbook-app","simulator-page",/),
        expect.stringMatching(/^color-contrast \[\["workbook-app","simulator-page","#a11y-probe > p"\]\]/),
      ]),
    );
  });

  for (const screen of screens) {
    it(`${screen.label} (#/${screen.name})`, async () => {
      await showScreen(session().page, screen);
      await expectNoSeriousViolations(session().page, `light ${screen.name}`);
    });
  }
});

describe('axe, dark theme: every screen’s colours', () => {
  // The dark theme swaps the --wb-* colour tokens and nothing else, so its scan is the colour rules.
  const session = sessionFor(dark);
  for (const screen of screens) {
    it(`${screen.label} (#/${screen.name})`, async () => {
      await showScreen(session().page, screen);
      await expectNoSeriousViolations(session().page, `dark ${screen.name}`, contrastRules);
    });
  }
});

describe('axe, large text: the busiest screens', () => {
  const session = sessionFor(largeText);
  const busiest: readonly RouteName[] = ['simulator', 'console', 'saga', 'metrics', 'exercise-06', 'versioning', 'trace'];
  for (const name of busiest) {
    it(`${screenFor(name).label} (#/${name})`, async () => {
      await showScreen(session().page, screenFor(name));
      await expectNoSeriousViolations(session().page, `large text ${name}`);
    });
  }
});
