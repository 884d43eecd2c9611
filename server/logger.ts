import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';

/** JSON logs (pino); request logs carry the request id. */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({ level: config.logLevel, redact: ['req.headers.cookie', 'res.headers["set-cookie"]'] });
}
