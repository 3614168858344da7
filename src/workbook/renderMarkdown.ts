import DOMPurify from 'dompurify';
import { Marked, type Tokens } from 'marked';
import type { HLJSApi } from 'highlight.js';

/**
 * Markdown → safe HTML for lessons and exercise text. Everything that reaches the page goes through DOMPurify,
 * because lesson files, imported answers and a student's diagram are all text we did not write at build time:
 * no `<script>`, no `on*` handlers, no `javascript:` URLs survive.
 *
 * Heavy parts load on first use: highlight.js (core + the three languages the lessons use) when a page has code,
 * Mermaid only when a page has a ```mermaid block.
 */

/** Marks a ```mermaid block in the HTML until `renderMermaidDiagrams` replaces it with the drawn SVG. */
export const mermaidSourceClass = 'mermaid-source';

let highlighter: Promise<HLJSApi> | undefined;

/** highlight.js core with typescript, json and bash only: the full build is ten times the size. */
function loadHighlighter(): Promise<HLJSApi> {
  highlighter ??= Promise.all([
    import('highlight.js/lib/core'),
    import('highlight.js/lib/languages/typescript'),
    import('highlight.js/lib/languages/json'),
    import('highlight.js/lib/languages/bash'),
  ]).then(([core, typescript, json, bash]) => {
    const hljs = core.default;
    hljs.registerLanguage('typescript', typescript.default);
    hljs.registerAliases(['ts'], { languageName: 'typescript' });
    hljs.registerLanguage('json', json.default);
    hljs.registerLanguage('bash', bash.default);
    hljs.registerAliases(['sh', 'shell'], { languageName: 'bash' });
    return hljs;
  });
  return highlighter;
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** How to render: `headingOffset` 1 turns a lesson's `#` into `<h2>`, under the page's own heading levels. */
export type RenderOptions = { readonly headingOffset?: number };

function markedWith(hljs: HLJSApi | undefined, { headingOffset = 0 }: RenderOptions): Marked {
  return new Marked({
    gfm: true,
    renderer: {
      heading({ tokens, depth }: Tokens.Heading): string {
        const level = Math.min(6, depth + headingOffset);
        return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
      },
      code({ text, lang }: Tokens.Code): string {
        const language = (lang ?? '').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
        if (language === 'mermaid') return `<pre class="${mermaidSourceClass}">${escapeHtml(text)}</pre>\n`;
        if (hljs !== undefined && language !== '' && hljs.getLanguage(language) !== undefined) {
          const highlighted = hljs.highlight(text, { language, ignoreIllegals: true }).value;
          return `<pre><code class="hljs language-${escapeHtml(language)}">${highlighted}</code></pre>\n`;
        }
        return `<pre><code>${escapeHtml(text)}</code></pre>\n`;
      },
    },
  });
}

function requireDomPurify(): void {
  // Without a DOM, DOMPurify cannot parse and would hand the input back unchanged: refuse instead.
  if (!DOMPurify.isSupported) throw new Error('Sanitizing needs a DOM (run this in a browser).');
}

/** Sanitizes HTML meant for a page: scripts, event handlers, `javascript:` URLs and `<style>` are removed. */
export function sanitizeHtml(html: string): string {
  requireDomPurify();
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'],
    FORBID_ATTR: ['style'],
  });
}

/** Sanitizes an SVG drawn by Mermaid: SVG elements only (its `<style>` is kept: Mermaid writes it, not the author). */
export function sanitizeSvg(svg: string): string {
  requireDomPurify();
  return DOMPurify.sanitize(svg, { USE_PROFILES: { svg: true, svgFilters: true }, ADD_TAGS: ['style'] });
}

/** Renders markdown to sanitized HTML, code highlighted; ```mermaid blocks stay as source until drawn. */
export async function renderMarkdown(markdown: string, options: RenderOptions = {}): Promise<string> {
  const hasCode = /^\s*(```|~~~)/m.test(markdown);
  const hljs = hasCode ? await loadHighlighter() : undefined;
  const html = await markedWith(hljs, options).parse(markdown, { async: true });
  return sanitizeHtml(html);
}

/** Colours for a diagram, taken from the page's `--wb-*` tokens so diagrams follow the light and dark themes. */
export type DiagramColours = {
  readonly background: string;
  readonly surface: string;
  readonly text: string;
  readonly border: string;
  readonly accent: string;
  readonly accentBackground: string;
};

/** Reads the theme tokens that apply to `element` (custom properties inherit into shadow roots). */
export function diagramColoursOf(element: Element): DiagramColours {
  const style = getComputedStyle(element);
  const token = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  return {
    background: token('--wb-color-bg', '#ffffff'),
    surface: token('--wb-color-surface-2', '#eef1f6'),
    text: token('--wb-color-text', '#1d2330'),
    border: token('--wb-color-border', '#d5d9e2'),
    accent: token('--wb-color-accent', '#2f5bd3'),
    accentBackground: token('--wb-color-accent-bg', '#e8eefc'),
  };
}

type MermaidApi = (typeof import('mermaid'))['default'];
let mermaidModule: Promise<MermaidApi> | undefined;
/** Mermaid keeps one global configuration: renders are chained so two diagrams never interleave their settings. */
let renderQueue: Promise<unknown> = Promise.resolve();
let diagramCounter = 0;

function loadMermaid(): Promise<MermaidApi> {
  mermaidModule ??= import('mermaid').then((module) => module.default);
  return mermaidModule;
}

/**
 * Draws one Mermaid diagram and returns its sanitized SVG. `securityLevel: 'strict'` encodes labels and disables
 * click handlers; SVG text labels (no `htmlLabels`) keep the diagram inside the SVG profile that DOMPurify allows.
 * Rejects with Mermaid's message when the source does not parse.
 */
export function renderMermaidSvg(source: string, colours: DiagramColours): Promise<string> {
  const run = async (): Promise<string> => {
    const mermaid = await loadMermaid();
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      suppressErrorRendering: true,
      htmlLabels: false,
      flowchart: { htmlLabels: false },
      theme: 'base',
      fontFamily: 'system-ui, sans-serif',
      themeVariables: {
        background: colours.background,
        primaryColor: colours.accentBackground,
        primaryTextColor: colours.text,
        primaryBorderColor: colours.accent,
        secondaryColor: colours.surface,
        tertiaryColor: colours.surface,
        lineColor: colours.text,
        textColor: colours.text,
        mainBkg: colours.accentBackground,
        nodeBorder: colours.accent,
        actorBkg: colours.accentBackground,
        actorBorder: colours.accent,
        actorTextColor: colours.text,
        signalColor: colours.text,
        signalTextColor: colours.text,
        labelBoxBkgColor: colours.surface,
        labelTextColor: colours.text,
        noteBkgColor: colours.surface,
        noteTextColor: colours.text,
      },
    });
    diagramCounter += 1;
    const { svg } = await mermaid.render(`wb-diagram-${diagramCounter}`, source);
    return sanitizeSvg(svg);
  };
  const result = renderQueue.then(run, run);
  renderQueue = result.catch(() => undefined);
  return result;
}

/**
 * Replaces every ```mermaid placeholder under `root` with its drawn diagram. A diagram that fails to parse stays as
 * its source, followed by the error, so a lesson never loses content. Returns how many diagrams were drawn.
 */
export async function renderMermaidDiagrams(root: ParentNode, colours: DiagramColours): Promise<number> {
  const placeholders = [...root.querySelectorAll<HTMLElement>(`pre.${mermaidSourceClass}`)];
  let drawn = 0;
  for (const placeholder of placeholders) {
    const source = placeholder.textContent ?? '';
    try {
      const svg = await renderMermaidSvg(source, colours);
      const figure = document.createElement('figure');
      figure.className = 'diagram';
      figure.setAttribute('role', 'img');
      figure.setAttribute('aria-label', diagramDescription(source));
      figure.innerHTML = svg; // sanitized by renderMermaidSvg
      figure.dataset['source'] = source;
      placeholder.replaceWith(figure);
      drawn += 1;
    } catch (error) {
      const message = document.createElement('p');
      message.className = 'diagram-error';
      message.textContent = `This diagram could not be drawn: ${error instanceof Error ? error.message : String(error)}`;
      placeholder.after(message);
    }
  }
  return drawn;
}

/** A short accessible name: the diagram kind, from its first line ("Diagram: sequenceDiagram"). */
function diagramDescription(source: string): string {
  const kind = source.trim().split(/\s+/)[0] ?? 'diagram';
  const names: Record<string, string> = {
    flowchart: 'Flowchart',
    graph: 'Flowchart',
    sequenceDiagram: 'Sequence diagram',
    'stateDiagram-v2': 'State diagram',
    stateDiagram: 'State diagram',
  };
  return `Diagram: ${names[kind] ?? kind}`;
}
