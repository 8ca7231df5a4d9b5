/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Drawing the preview with pdf.js (served from node_modules, loaded in the browser only): a
// canvas and a text layer per page, drawn off-screen and swapped in, so the view never flickers.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type PdfJs = any;
let lib: Promise<PdfJs> | undefined;

function pdfjs(): Promise<PdfJs> {
  // A variable, not a literal: the bundler must leave this import to the browser.
  const url = '/pdfjs/pdf.min.mjs';
  lib ??= import(/* webpackIgnore: true */ url).then((m: PdfJs) => {
    m.GlobalWorkerOptions.workerSrc = '/pdfjs/pdf.worker.min.mjs';
    return m;
  });
  return lib;
}

export async function drawPdf(bytes: Uint8Array, into: HTMLElement): Promise<void> {
  const m = await pdfjs();
  const task = m.getDocument({ data: bytes, isEvalSupported: false });
  const doc = await task.promise;
  const pages = document.createElement('div');
  const scroll = into.scrollTop;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 1.2 });
    const box = document.createElement('div');
    box.className = 'page';
    box.dataset.page = String(n);
    box.style.width = `${viewport.width}px`;
    box.style.height = `${viewport.height}px`;
    box.style.setProperty('--scale-factor', String(viewport.scale));
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    box.append(canvas);
    await page.render({ canvas, canvasContext: canvas.getContext('2d')!, viewport }).promise;
    const text = document.createElement('div');
    text.className = 'textLayer';
    box.append(text);
    await new m.TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport }).render();
    pages.append(box);
  }
  await task.destroy();
  into.replaceChildren(...pages.children);
  into.scrollTop = scroll;
}
