import { afterEach, describe, expect, it } from 'vitest';
import {
  renderMarkdown,
  renderMermaidDiagrams,
  renderMermaidSvg,
  sanitizeSvg,
} from '../../src/workbook/renderMarkdown';
import { mountsHtml, testDiagramColours as colours } from './mountHtml';

/**
 * The lesson renderer in a real browser (DOMPurify needs a DOM): nothing a lesson, an imported answers.md or a
 * student's diagram contains can run script once it is on the page.
 */

declare global {
  interface Window {
    pwned?: boolean;
  }
}

const mount = mountsHtml();
afterEach(() => {
  delete window.pwned;
});

describe('renderMarkdown', () => {
  it('renders headings, lists, tables and links', async () => {
    const host = await mount(
      await renderMarkdown('# Title\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[Try it](#/time-travel)'),
    );
    expect(host.querySelector('h1')?.textContent).toBe('Title');
    expect(host.querySelectorAll('li')).toHaveLength(2);
    expect(host.querySelector('td')?.textContent).toBe('1');
    expect(host.querySelector('a')?.getAttribute('href')).toBe('#/time-travel');
  });

  it('drops script tags, so their code never runs', async () => {
    const html = await renderMarkdown('Hello\n\n<script>window.pwned = true</script>\n\nafter');
    const host = await mount(html);
    expect(html).not.toMatch(/<script/i);
    expect(host.textContent).toContain('after');
    expect(window.pwned).toBeUndefined();
  });

  it('keeps an injected image but strips its onerror handler', async () => {
    const html = await renderMarkdown('An image: <img src=x onerror="window.pwned = true">');
    const host = await mount(html);
    expect(host.querySelector('img')?.hasAttribute('onerror')).toBe(false);
    expect(html).not.toContain('onerror');
    expect(window.pwned).toBeUndefined();
  });

  it('removes javascript: URLs from markdown and HTML links', async () => {
    const html = await renderMarkdown('[click](javascript:window.pwned=true) <a href="JaVaScRiPt:alert(1)">raw</a>');
    const host = await mount(html);
    for (const link of host.querySelectorAll('a')) {
      expect(link.getAttribute('href') ?? '').not.toMatch(/javascript:/i);
    }
    expect(window.pwned).toBeUndefined();
  });

  it('removes iframes, forms and inline styles', async () => {
    const html = await renderMarkdown('<iframe src="https://example.invalid"></iframe><form><input></form><p style="color:red">x</p>');
    expect(html).not.toMatch(/<iframe|<form|<input|style=/i);
  });

  it('highlights typescript, json and bash code blocks', async () => {
    const host = await mount(
      await renderMarkdown('```typescript\nconst state = fold(events);\n```\n\n```json\n{ "type": "OrderShipped" }\n```\n\n```bash\nnpm run grade\n```'),
    );
    expect(host.querySelector('code.language-typescript .hljs-keyword')?.textContent).toBe('const');
    expect(host.querySelector('code.language-json .hljs-attr')?.textContent).toBe('"type"');
    expect(host.querySelector('code.language-bash')?.textContent).toBe('npm run grade');
  });

  it('escapes code in an unknown language instead of interpreting it', async () => {
    const host = await mount(await renderMarkdown('```\n<img src=x onerror="window.pwned = true">\n```'));
    expect(host.querySelector('img')).toBeNull();
    expect(host.querySelector('code')?.textContent).toContain('<img src=x');
  });
});

describe('Mermaid diagrams', () => {
  it('draws a mermaid block as an SVG figure', async () => {
    const host = await mount(await renderMarkdown('```mermaid\nflowchart LR\n  Client --> Handler\n```'));
    expect(await renderMermaidDiagrams(host, colours)).toBe(1);
    const figure = host.querySelector('figure.diagram');
    expect(figure?.getAttribute('aria-label')).toBe('Diagram: Flowchart');
    expect(figure?.querySelector('svg')).not.toBeNull();
    expect(figure?.textContent).toContain('Handler');
  });

  it('does not let a label inject markup into the drawn SVG', async () => {
    const svg = await renderMermaidSvg('flowchart LR\n  A["<img src=x onerror=window.pwned=true>"] --> B', colours);
    const host = await mount(svg);
    expect(host.querySelector('img')).toBeNull();
    expect(svg).not.toContain('onerror=');
    expect(window.pwned).toBeUndefined();
  });

  it('keeps a diagram that does not parse as source, with the reason', async () => {
    const host = await mount(await renderMarkdown('```mermaid\nflowchart LR\n  A -->\n```'));
    expect(await renderMermaidDiagrams(host, colours)).toBe(0);
    expect(host.querySelector('pre')?.textContent).toContain('A -->');
    expect(host.querySelector('.diagram-error')?.textContent).toMatch(/could not be drawn/);
  });

  it('strips scripts and handlers from an SVG', () => {
    const svg = sanitizeSvg('<svg xmlns="http://www.w3.org/2000/svg" onload="window.pwned=true"><script>window.pwned=true</script><a href="javascript:alert(1)"><text>x</text></a><style>.a{fill:red}</style></svg>');
    expect(svg).not.toMatch(/onload|<script|javascript:/i);
    expect(svg).toContain('<style>');
  });
});

describe('heading levels', () => {
  it('moves headings down so a lesson sits under the page heading', async () => {
    const html = await renderMarkdown('# Lesson\n\n## Part\n\n###### Deep', { headingOffset: 1 });
    const host = await mount(html);
    expect(host.querySelector('h2')?.textContent).toBe('Lesson');
    expect(host.querySelector('h3')?.textContent).toBe('Part');
    expect(host.querySelector('h6')?.textContent).toBe('Deep');
    expect(host.querySelector('h1')).toBeNull();
  });
});
