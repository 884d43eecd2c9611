export {
  closePdfBrowser,
  embeddedFontCss,
  PDF_FONT_FAMILY,
  PdfUnavailableError,
  renderPdf,
} from './render-pdf.ts';
