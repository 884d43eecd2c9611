/** Prometheus metrics: the registry, what feeds it, and how it is served (`/metrics`, METRICS_PORT). */

export { hasBearer, serveMetricsPort } from './metrics.port.ts';
export { type JobQueueStats, Metrics } from './metrics.ts';
