// Printing a debrief page to PDF is the host's job: the browser host and the CLI use the
// system Chromium (./node), Electron its own printToPDF. The session only sees this.
export type PdfPrinter = (html: string) => Promise<Uint8Array>;
