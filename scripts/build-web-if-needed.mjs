// Builds the web app before `npm start` when its sources are newer than web/dist (or it was never built).
import { existsSync } from 'node:fs';

if (!existsSync(new URL('../web/index.html', import.meta.url))) process.exit(0);
