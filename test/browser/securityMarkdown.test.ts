import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseDiagram } from '../../src/grading/index';
import { diagramToMermaid } from '../../src/workbook/exercise06Diagram';
import { renderMarkdown, renderMermaidDiagrams, renderMermaidSvg } from '../../src/workbook/renderMarkdown';
import { renderMermaidSvg as renderArchitectureSvg } from '../../src/ui/diagrams/renderMermaid';
import { flagPrefix, hugePayload, mermaidPayloads, payloads } from '../e2e/securityCorpus';
import { mountsHtml, settled, testDiagramColours as colours } from './mountHtml';

/**
 * The markdown and diagram renderers against the whole injection corpus, in a real Chromium DOM (DOMPurify needs
 * one) and with no Content-Security-Policy in front: what the sanitizer lets through would really run here, so a
 * payload that survives sets its flag. Lessons, exercise READMEs and a student's diagram all go through these.
 */

const alerts: string[] = [];
const originalAlert = window.alert;
beforeAll(() => {
  window.alert = (message?: unknown) => void alerts.push(String(message));
});
afterAll(() => {
  window.alert = originalAlert;
});

const mount = mountsHtml();
afterEach(() => {
  // A payload that ran fails its own test only, not every test after it.
  for (const flag of raisedFlags()) delete (window as unknown as Record<string, unknown>)[flag];
  alerts.length = 0;
});

const raisedFlags = (): string[] => Object.keys(window).filter((key) => key.startsWith(flagPrefix));

/** Attributes that would run script or load a page: handlers, and URLs with a script or HTML scheme. */
function dangerousAttributes(root: Element): string[] {
  const found: string[] = [];
  for (const element of [root, ...root.querySelectorAll('*')]) {
    for (const attribute of element.attributes) {
      const value = attribute.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
      if (attribute.name.toLowerCase().startsWith('on')) found.push(`${element.localName}[${attribute.name}]`);
      else if (/^(javascript|vbscript|data:text\/html)/.test(value.replace(/^data:/, 'data:'))) found.push(`${element.localName}[${attribute.name}=${attribute.value}]`);
    }
  }
  return found;
}

const forbiddenElements = 'script, iframe, object, embed, meta, base, form, style, noscript, foreignObject';

describe('the harness', () => {
  // A control: markup that is not sanitized runs its handlers before mount() returns, so a payload that slipped
  // through the renderer would be seen by the tests below, not missed because they looked too early.
  it.each([
    ['a broken image', `<img src="x-broken" onerror="window.${flagPrefix}controlImage = 1">`, 'controlImage'],
    ['an open <details>', `<details open ontoggle="window.${flagPrefix}controlToggle = 1"><summary>s</summary></details>`, 'controlToggle'],
    ['an autofocused input', `<input autofocus onfocus="window.${flagPrefix}controlFocus = 1">`, 'controlFocus'],
  ])('sees %s run its handler by the time mount returns', async (_what, html, flag) => {
    await mount(html);
    expect(raisedFlags()).toEqual([`${flagPrefix}${flag}`]);
  });
});

describe('lesson markdown with injected script', () => {
  it.each(payloads.map((payload) => [payload.name, payload] as const))('%s renders as inert markup', async (_name, payload) => {
    const html = await renderMarkdown(`# A lesson\n\nBefore the payload.\n\n${payload.text}\n\nAfter the payload.`, { headingOffset: 1 });
    const host = await mount(html);
    expect(host.textContent).toContain('After the payload.');
    expect(dangerousAttributes(host)).toEqual([]);
    expect([...host.querySelectorAll(forbiddenElements)].map((element) => element.localName)).toEqual([]);
    expect(raisedFlags()).toEqual([]);
    expect(alerts).toEqual([]);
  });

  it('renders every payload at once, in a table cell, a list, a heading and a quote, with nothing run', async () => {
    const inline = payloads.map(({ text }) => text.replace(/\n/g, ' '));
    const markdown = [
      `## ${inline[1]}`,
      `| column | ${inline[4]} |\n|---|---|\n${inline.map((text) => `| ${text.replace(/\|/g, '\\|')} | x |`).join('\n')}`,
      inline.map((text) => `- ${text}`).join('\n'),
      inline.map((text) => `> ${text}`).join('\n'),
      `\`\`\`typescript\n${inline.join('\n')}\n\`\`\``,
    ].join('\n\n');
    const host = await mount(await renderMarkdown(markdown));
    expect(host.querySelectorAll('li')).toHaveLength(payloads.length);
    expect(dangerousAttributes(host)).toEqual([]);
    expect(host.querySelectorAll(forbiddenElements)).toHaveLength(0);
    expect(raisedFlags()).toEqual([]);
    expect(alerts).toEqual([]);
  });

  it('keeps a 100,000-character line as text without running the image at its end', async () => {
    const host = await mount(await renderMarkdown(hugePayload.text));
    expect(host.textContent?.length).toBeGreaterThanOrEqual(100_000);
    expect(dangerousAttributes(host)).toEqual([]);
    expect(raisedFlags()).toEqual([]);
  });

  it('keeps JSON with __proto__ as text and pollutes no prototype', async () => {
    const payload = payloads.find(({ name }) => name === 'protoJson')!;
    const host = await mount(await renderMarkdown(`\`\`\`json\n${payload.text}\n\`\`\`\n\n${payload.text}`));
    expect(host.querySelector('code')?.textContent).toBe(payload.text);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
  });
});

describe('Mermaid diagrams with injected script', () => {
  it.each(mermaidPayloads.map((payload) => [payload.name, payload] as const))(
    '%s in a lesson draws (or is refused) without running anything',
    async (_name, payload) => {
      const host = await mount(await renderMarkdown(`Before.\n\n\`\`\`mermaid\n${payload.text}\n\`\`\`\n\nAfter.`));
      await renderMermaidDiagrams(host, colours);
      await settled(host);
      // Either drawn as a figure or kept as source with the reason: the lesson loses nothing and runs nothing.
      expect(host.querySelectorAll('figure.diagram').length + host.querySelectorAll('.diagram-error').length).toBe(1);
      expect(dangerousAttributes(host)).toEqual([]);
      expect(host.querySelectorAll('script, iframe, foreignObject, img')).toHaveLength(0);
      expect(raisedFlags()).toEqual([]);
      expect(alerts).toEqual([]);
    },
  );

  it.each(mermaidPayloads.map((payload) => [payload.name, payload] as const))(
    '%s through the architecture renderer runs nothing',
    async (_name, payload) => {
      const svg = await renderArchitectureSvg(payload.text).catch(() => '');
      const host = await mount(svg);
      expect(dangerousAttributes(host)).toEqual([]);
      expect(host.querySelectorAll('script, iframe, foreignObject, img, style')).toHaveLength(0);
      expect(raisedFlags()).toEqual([]);
      expect(alerts).toEqual([]);
    },
  );

  it("draws a student's diagram whose boxes and arrow labels are payloads as plain text", async () => {
    const ascii = payloads
      .filter(({ text }) => !text.includes('\n'))
      .map(({ text }, index) => `Client --${text}--> Box ${index} ${text}`)
      .join('\n');
    const source = diagramToMermaid(parseDiagram(ascii));
    const host = await mount(await renderMermaidSvg(source, colours));
    expect(host.querySelector('svg')).not.toBeNull();
    expect(host.textContent).toContain('Client');
    expect(dangerousAttributes(host)).toEqual([]);
    expect(host.querySelectorAll('script, iframe, foreignObject, img')).toHaveLength(0);
    expect(raisedFlags()).toEqual([]);
    expect(alerts).toEqual([]);
  });
});
