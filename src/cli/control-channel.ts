import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';

/**
 * The local channel over which the CLI asks the server that holds an embedded data directory to
 * run a command for it (docs/decisions/0009): a Unix domain socket in DATA_DIR/run, a directory
 * only its owner may enter (0700; the socket itself 0600). Whoever can connect can already read
 * and write the database files: the trust boundary is the operating-system user owning DATA_DIR.
 * Never a TCP port.
 */
export interface ControlRequest {
  argv: string[];
  stdin: string;
}

/** What the server sends back, one JSON object per line. */
type Reply = { out: string } | { err: string } | { exit: number };

export const controlSocketPath = (dataDir: string) => path.join(dataDir, 'run', 'control.sock');
/** Unix socket paths are limited to about 104–108 bytes depending on the system. */
const MAX_SOCKET_PATH = 100;
const MAX_REQUEST_BYTES = 1_000_000;

export type ControlHandler = (request: ControlRequest, out: (line: string) => void, err: (line: string) => void) => Promise<number>;

/** Listens for CLI requests; returns a function that stops listening. */
export async function serveControlChannel(dataDir: string, handle: ControlHandler): Promise<() => Promise<void>> {
  const socketPath = controlSocketPath(dataDir);
  if (socketPath.length > MAX_SOCKET_PATH) throw new Error(`DATA_DIR is too long a path for the command channel (${socketPath}): choose a shorter DATA_DIR.`);
  const dir = path.dirname(socketPath);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  fs.rmSync(socketPath, { force: true }); // left by a killed server: we hold the directory's lock
  const server = net.createServer((socket) => {
    const send = (reply: Reply) => socket.write(`${JSON.stringify(reply)}\n`);
    let received = '';
    socket.setEncoding('utf8');
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk: string) => {
      received += chunk;
      if (received.length > MAX_REQUEST_BYTES) {
        send({ err: 'Request too large.' });
        send({ exit: 1 });
        socket.end();
        return;
      }
      const newline = received.indexOf('\n');
      if (newline === -1) return;
      socket.removeAllListeners('data');
      let request: ControlRequest;
      try {
        request = JSON.parse(received.slice(0, newline)) as ControlRequest;
        if (!Array.isArray(request.argv) || typeof request.stdin !== 'string') throw new Error('bad request');
      } catch {
        send({ exit: 1 });
        socket.end();
        return;
      }
      handle(request, (out) => send({ out }), (err) => send({ err }))
        .catch((error: Error) => (send({ err: error.message }), 1))
        .then((exit) => {
          send({ exit });
          socket.end();
        });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  fs.chmodSync(socketPath, 0o600);
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      fs.rmSync(socketPath, { force: true });
    });
}

export class NoControlChannelError extends Error {}

/**
 * Sends a command to the server holding the data directory and relays what it prints; resolves
 * to its exit code. Retries for a while if the server is still starting (lock taken, not yet listening).
 */
export async function forwardToServer(dataDir: string, request: ControlRequest, io: { out: (line: string) => void; err: (line: string) => void }, waitMs = 30_000): Promise<number> {
  const socketPath = controlSocketPath(dataDir);
  const until = Date.now() + waitMs;
  let socket: net.Socket;
  for (;;) {
    try {
      socket = await new Promise<net.Socket>((resolve, reject) => {
        const s = net.connect(socketPath, () => resolve(s));
        s.once('error', reject);
      });
      break;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if ((code !== 'ENOENT' && code !== 'ECONNREFUSED') || Date.now() > until) throw new NoControlChannelError(`cannot reach it at ${socketPath} (${code})`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  socket.write(`${JSON.stringify(request)}\n`);
  let exit: number | undefined;
  for await (const line of readline.createInterface({ input: socket })) {
    if (!line) continue;
    const reply = JSON.parse(line) as Reply;
    if ('out' in reply) io.out(reply.out);
    else if ('err' in reply) io.err(reply.err);
    else exit = reply.exit;
  }
  if (exit === undefined) throw new Error('The server closed the command channel before the command finished (did it stop?).');
  return exit;
}
