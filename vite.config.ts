import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { exerciseSandbox } from './scripts/vite/exerciseSandbox.js';

/**
 * The app works offline after its first visit: the service worker precaches every file the build emits (the shell,
 * every lazily loaded screen, Mermaid's many chunks, the exercise runner's chunk), so a screen opened for the first time
 * offline still loads. `registerType: 'prompt'`: a new version waits until the person presses Reload in the
 * update banner, so a page never swaps its code mid-lesson (src/pwa/serviceWorkerUpdates.ts).
 */
export default defineConfig({
  base: './',
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  server: { port: 5173 },
  preview: { port: 4173 },
  plugins: [
    // The exercise runner's sandbox: its script as text for a blob worker, and its frame's hash in the page's policy.
    exerciseSandbox(import.meta.dirname),
    VitePWA({
      registerType: 'prompt',
      // src/pwa/serviceWorkerUpdates.ts registers it through `virtual:pwa-register`, to show the update banner.
      injectRegister: false,
      // The dev server serves modules one by one; a service worker there would cache stale code. Build + preview.
      devOptions: { enabled: false },
      includeAssets: ['icon.svg', 'apple-touch-icon-180x180.png'],
      manifest: {
        name: 'Event Workbook',
        short_name: 'Workbook',
        description: 'An interactive workbook and simulator for CQRS and event sourcing, running entirely in the browser.',
        lang: 'en',
        start_url: './',
        scope: './',
        display: 'standalone',
        // The header's colour (--wb-color-header-bg), so the window's title bar continues it.
        theme_color: '#1d2330',
        background_color: '#f5f6f8',
        icons: [
          { src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png' },
          { src: 'pwa-512x512.png', sizes: '512x512', type: 'image/png' },
          { src: 'maskable-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        // Everything the app can load, not only the entry: lazy screens, Mermaid diagram chunks, the exercise runner.
        // Source maps stay out (only devtools fetch them).
        globPatterns: ['**/*.{js,mjs,css,html,svg,png,ico,webmanifest,json,md,txt,woff,woff2,wasm}'],
        // Mermaid's largest chunk is ~0.7 MB; the default 2 MiB limit would silently drop a bigger one from the
        // precache. test/e2e/offline.test.ts checks that every emitted file is in the precache manifest.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        // Hash routes (#/lessons/…): every navigation is index.html.
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // The first visit's tab is controlled as soon as the worker is installed, so a screen first opened offline in
        // that same tab loads from the precache (the header already says "everything still works"). Updates still
        // wait for the person's Reload: claiming only takes pages that have no worker yet.
        clientsClaim: true,
      },
    }),
  ],
});
