// `npm run dev`: the API with --watch on :3000 and Vite with hot reload on :5173 (proxying /api to the API).
import { spawn } from 'node:child_process';

const apiPort = process.env.PORT ?? '3000';
const webOrigin = 'http://localhost:5173';
const children = [
  spawn(process.execPath, ['--watch', '--import', 'tsx', 'server/main.ts'], {
    stdio: 'inherit',
    // The browser talks to Vite's origin, so the API must accept it (Origin check) and put it in mail links.
    env: { PUBLIC_URL: webOrigin, ...process.env, PORT: apiPort },
  }),
  spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--config', 'web/vite.config.ts'], {
    stdio: 'inherit',
    env: { ...process.env, API_URL: `http://localhost:${apiPort}` },
  }),
];

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}
for (const child of children) child.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
