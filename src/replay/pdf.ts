// Printing the debrief to PDF with the system Chromium (found by ./chromium.ts, driven by
// playwright-core), offline: no network, no extensions, nothing the page could fetch.
import { existsSync } from 'node:fs';
import { findChromium } from './chromium';

/** Debian's Chromium: the default of the tests and CI machines. */
export const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function renderPdf(html: string, executablePath = findChromium()): Promise<Buffer> {
  if (!existsSync(executablePath)) throw new Error(`cannot make a PDF: ${executablePath} not found (install Chromium or Chrome, or set CHROMIUM_PATH)`);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: FLAGS });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort()); // the report is self-contained; anything else is a bug
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '14mm', bottom: '14mm', left: '12mm', right: '12mm' } });
  } finally {
    await browser.close();
  }
}
