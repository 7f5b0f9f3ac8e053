// The Node-only printer: Debian's Chromium through playwright-core (src/replay/pdf.ts).
// Only hosts import this; Electron's bundle must not (it prints with printToPDF).
export { renderPdf, CHROMIUM } from '../replay/pdf';
