/** Made by scripts/vite/exerciseSandbox.ts. */
declare module 'virtual:exercise-sandbox' {
  /** The exercise runner and every exercise's checks, one classic script that defines `exerciseRunner`. */
  export const runnerScript: string;
  /** The sandbox frame's srcdoc: its own policy and its one inline script. */
  export const frameDocument: string;
}
