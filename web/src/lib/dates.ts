// Kept for the pages that import it from here; the formatting itself lives in format.ts.
export { formatMoment } from './format.ts';
