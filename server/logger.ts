import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.ts';

/** JSON logs (pino) to stdout, or to a destination (tests); request logs carry the request id. */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  const options = { level: config.logLevel, redact: ['req.headers.cookie', 'res.headers["set-cookie"]'] };
  return destination ? pino(options, destination) : pino(options);
}
