/**
 * The built site served for the measuring scripts (bench-ui, size): reuses a server already
 * answering at BASE_URL, or starts `vite preview` there and stops it afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

export const BASE_URL = process.env.BASE_URL ?? 'http://localhost:4173';

async function serverIsUp(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

function stopPreview(server: ChildProcess): void {
  // npx starts vite as a child: end the whole process group we started, nothing else.
  if (server.pid !== undefined) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

async function startPreview(): Promise<ChildProcess> {
  if (!existsSync('build/explore.html')) {
    throw new Error('No built site in build/: run `npm run build` first.');
  }
  const port = new URL(BASE_URL).port || '4173';
  const server = spawn('npx', ['vite', 'preview', '--port', port, '--strictPort'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true
  });
  let stderr = '';
  server.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  for (let i = 0; i < 120; i++) {
    if (await serverIsUp(BASE_URL)) return server;
    if (server.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  stopPreview(server);
  throw new Error(`vite preview did not answer at ${BASE_URL} within 60 s.\n${stderr}`);
}

/** Runs `use` with the site up at BASE_URL; a server this started is stopped afterwards. */
export async function withPreview<T>(use: () => Promise<T>): Promise<T> {
  const server = (await serverIsUp(BASE_URL)) ? undefined : await startPreview();
  try {
    return await use();
  } finally {
    if (server) stopPreview(server);
  }
}

export function quantile(sorted: number[], q: number): number {
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (i - lo);
}
