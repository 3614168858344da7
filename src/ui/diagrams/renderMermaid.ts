import DOMPurify from 'dompurify';
import type { Mermaid } from 'mermaid';

/**
 * Mermaid is large (over a megabyte): it is imported here, on first use, so only the architecture screen (or a
 * screen that embeds `<pipeline-diagram>`) pays for it, and the initial bundle does not.
 */
let loading: Promise<Mermaid> | undefined;

function loadMermaid(): Promise<Mermaid> {
  loading ??= import('mermaid').then(({ default: mermaid }) => {
    mermaid.initialize({
      startOnLoad: false,
      // `strict`: no click handlers or script in labels, text is encoded; the sources are ours, but stay safe.
      securityLevel: 'strict',
      theme: 'neutral',
      // The theme's --wb-font stack: labels are measured in the font they are drawn in.
      fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
      themeVariables: { fontSize: '16px' },
      // SVG <text> labels instead of HTML in <foreignObject>: the sanitizer's SVG profile keeps them, and the
      // component's CSS can colour them with the theme tokens.
      flowchart: { htmlLabels: false, useMaxWidth: true, curve: 'basis', nodeSpacing: 30, rankSpacing: 40 },
      htmlLabels: false,
    });
    return mermaid;
  });
  return loading;
}

let renders = 0;

/**
 * Renders Mermaid source to SVG markup, sanitized with DOMPurify's SVG profile. Mermaid's own <style> is dropped:
 * the diagram takes its colours from the page's theme (light or dark) through the host component's CSS.
 */
export async function renderMermaidSvg(source: string): Promise<string> {
  const mermaid = await loadMermaid();
  renders += 1;
  const { svg } = await mermaid.render(`wb-diagram-${renders}`, source);
  return DOMPurify.sanitize(svg, {
    USE_PROFILES: { svg: true, svgFilters: true },
    FORBID_TAGS: ['style', 'foreignObject'],
  });
}
