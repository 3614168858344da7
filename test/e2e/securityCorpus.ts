/**
 * Script-injection payloads: text a student, an imported file or an order form could bring into the page. Each one,
 * if it ever ran, would set its own global flag (`window.__pwned_<name>`) and open an alert, so a test can tell not
 * only that something ran but which payload it was. Shared by the e2e sweep (test/e2e/security.test.ts) and the
 * renderer's browser test (test/browser/securityMarkdown.test.ts).
 */

export type Payload = {
  /** Short and distinct: the flag is `window.__pwned_<name>`. */
  readonly name: string;
  readonly text: string;
};

/** The global every payload sets when it runs, and the prefix a test looks for. */
export const flagPrefix = '__pwned_';

const run = (name: string): string => `window.${flagPrefix}${name}=1;alert('${name}')`;

export const payloads: readonly Payload[] = [
  { name: 'script', text: `<script>${run('script')}</script>` },
  { name: 'imgOnerror', text: `<img src=x onerror="${run('imgOnerror')}">` },
  { name: 'svgOnload', text: `<svg onload="${run('svgOnload')}"></svg>` },
  { name: 'svgAnimate', text: `<svg><animate onbegin="${run('svgAnimate')}" attributeName=x dur=1s></svg>` },
  { name: 'aHref', text: `<a href="javascript:${run('aHref')}">click me</a>` },
  { name: 'aHrefEntities', text: `<a href="jav&#x09;ascript:${run('aHrefEntities')}">tab in the scheme</a>` },
  { name: 'mdLink', text: `[a markdown link](javascript:${run('mdLink')})` },
  { name: 'mdImage', text: `![a markdown image](javascript:${run('mdImage')})` },
  { name: 'mdRefLink', text: `[ref link][r]\n\n[r]: javascript:${run('mdRefLink')}` },
  { name: 'iframeSrcdoc', text: `<iframe srcdoc="<script>parent.${flagPrefix}iframeSrcdoc=1;parent.alert(1)</script>"></iframe>` },
  { name: 'iframeJs', text: `<iframe src="javascript:parent.${flagPrefix}iframeJs=1"></iframe>` },
  { name: 'bodyOnload', text: `<body onload="${run('bodyOnload')}">` },
  { name: 'detailsToggle', text: `<details open ontoggle="${run('detailsToggle')}"><summary>s</summary></details>` },
  { name: 'inputAutofocus', text: `<input autofocus onfocus="${run('inputAutofocus')}">` },
  { name: 'mathXlink', text: `<math><mi xlink:href="javascript:${run('mathXlink')}">math link</mi></math>` },
  {
    name: 'noscriptMxss',
    text: `<noscript><p title="</noscript><img src=x onerror=${run('noscriptMxss')}>"></noscript>`,
  },
  {
    name: 'svgStyleMxss',
    text: `<svg></p><style><a id="</style><img src=x onerror=${run('svgStyleMxss')}>">`,
  },
  { name: 'formAction', text: `<form><button formaction="javascript:${run('formAction')}">send</button></form>` },
  { name: 'objectData', text: `<object data="javascript:${run('objectData')}"></object>` },
  { name: 'embedSrc', text: `<embed src="data:text/html,<script>parent.${flagPrefix}embedSrc=1</script>">` },
  { name: 'metaRefresh', text: `<meta http-equiv="refresh" content="0;url=javascript:${run('metaRefresh')}">` },
  { name: 'baseHref', text: `<base href="javascript:${run('baseHref')}//">` },
  { name: 'templateDollar', text: `\${${run('templateDollar')}}` },
  { name: 'templateMustache', text: `{{constructor.constructor('${run('templateMustache')}')()}}` },
  { name: 'litMarker', text: `<!--?lit$123$--><img src=x onerror="${run('litMarker')}">` },
  { name: 'cssExpression', text: `<div style="width: expression(${run('cssExpression')})">css expression</div>` },
  { name: 'cssUrlJs', text: `<div style="background:url(javascript:${run('cssUrlJs')})">css url</div>` },
  { name: 'styleTagImport', text: `<style>@import 'javascript:${run('styleTagImport')}';</style>` },
  { name: 'textareaBreakout', text: `</textarea><img src=x onerror="${run('textareaBreakout')}">` },
  { name: 'titleBreakout', text: `</title></style></script><script>${run('titleBreakout')}</script>` },
  { name: 'attrBreakout', text: `" autofocus onfocus="${run('attrBreakout')}" x="` },
  { name: 'rtlOverride', text: `\u202Egpj.exe\u202C <img src=x onerror="${run('rtlOverride')}">` },
  { name: 'dataUrl', text: `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data url</a>` },
  { name: 'protoJson', text: `{"__proto__": {"${flagPrefix}protoJson": 1, "isAdmin": true}, "constructor": {"prototype": {"polluted": 1}}}` },
];

/** Mermaid-specific payloads, each a whole diagram: click callbacks, an init directive that asks for `loose`, HTML labels. */
export const mermaidPayloads: readonly Payload[] = [
  {
    name: 'mermaidClick',
    text: `flowchart LR\n  A --> B\n  click A call alert('mermaidClick')\n  click B href "javascript:${run('mermaidClick')}"`,
  },
  {
    name: 'mermaidLoose',
    text: `%%{init: {"securityLevel": "loose", "flowchart": {"htmlLabels": true}}}%%\nflowchart LR\n  A["<img src=x onerror=${run('mermaidLoose')}>"] --> B\n  click A callback`,
  },
  { name: 'mermaidLabel', text: `flowchart LR\n  A["<img src=x onerror=${run('mermaidLabel')}>"] --> B["<script>${run('mermaidLabel')}</script>"]` },
  {
    name: 'mermaidSequence',
    text: `sequenceDiagram\n  Alice->>Bob: <img src=x onerror=${run('mermaidSequence')}>\n  Note right of Bob: <svg onload=${run('mermaidSequence')}>`,
  },
  { name: 'mermaidStyle', text: `flowchart LR\n  A --> B\n  style A fill:url(javascript:${run('mermaidStyle')})` },
];

/** One very long string (half an answers.md's 200,000-character limit): a view must neither hang nor break on it. */
export const hugePayload: Payload = {
  name: 'huge',
  text: `${'A'.repeat(100_000)}<img src=x onerror="${run('huge')}">`,
};

/** The payloads that fit a field of at most `maxLength` characters (a tracking number takes 100). */
export const payloadsUpTo = (maxLength: number): Payload[] => payloads.filter(({ text }) => text.length <= maxLength);

/** Every payload, for a text field without a length limit: the list, joined so each one is on its own line. */
export const allPayloadsText = (): string => payloads.map(({ text }) => text).join('\n\n');
