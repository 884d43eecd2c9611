// The baseline of every figure: a bare Fastify route returning a constant JSON, on this machine, now.
// With BASELINE_ANSWER=<file> it answers that JSON instead (parsed once, serialised per request as
// any route does): the platform's own answer from memory, without session, database or checks, a
// reference for what the size of an answer alone costs.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const answer: unknown = process.env.BASELINE_ANSWER
  ? JSON.parse(readFileSync(process.env.BASELINE_ANSWER, 'utf8'))
  : { hello: 'world' };
const app = Fastify({ logger: false });
app.get('/', async () => answer);
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
const address = app.server.address();
console.log(`baseline ready on ${typeof address === 'object' && address ? address.port : ''}`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
