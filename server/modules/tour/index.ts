/** The first-run tour (F6): each member's own tour state per network and the network's welcome text. */
export { tourRoutes } from './tour.routes.ts';
