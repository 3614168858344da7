import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../server/classroom/support/testServer';

/**
 * What the classroom journeys share: a real classroom server (Emmett on SQLite in a temp dir) serving the built
 * app, and joining its class from the header as a person does.
 */

/** The classroom server for one journey, serving the same build as the rest of the suite. */
export function startClassServer(): Promise<TestServer> {
  const appDir = resolve(import.meta.dirname, '../..', process.env['E2E_DIST'] ?? 'dist');
  return startTestServer({ appDir });
}

/** The header's line while in a class ("Joined as Ada in class … connected"). */
export const classStatus = (page: Page) => page.getByRole('banner').getByRole('status').filter({ hasText: /^Joined as / });

export async function joinClass(page: Page, code: string, name: string): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Join a class' }).click();
  const dialog = page.getByRole('dialog', { name: 'Join a class' });
  await dialog.getByLabel('Class code').fill(code);
  await dialog.getByLabel('Your name').fill(name);
  await dialog.getByRole('button', { name: 'Join', exact: true }).click();
  await classStatus(page).filter({ hasText: `Joined as ${name} in class ${code}: connected` }).waitFor();
}
