// relayConnection: joins an accepted client socket to one backend, both ways, with half-close and error handling.
import net from 'node:net';
import type { Backend } from './backend-picker.js';

export interface RelayOptions {
  client: net.Socket;
  backend: Backend;
  /** Every open socket of the proxy; both ends are added here and removed when they close, so stop() can end them. */
  sockets: Set<net.Socket>;
}

/**
 * Pipes `client` ↔ backend. Each direction ends on its own (a client that sends its request and shuts
 * its write side still gets the reply); an error or a full close on either side destroys the other.
 * A backend that refuses the connection resets the client, as a connection to a dead pod IP would.
 */
export function relayConnection(options: RelayOptions): void {
  const { client, backend, sockets } = options;
  const upstream = net.connect({ host: backend.ip, port: backend.port, allowHalfOpen: true });
  track(sockets, client);
  track(sockets, upstream);
  client.setNoDelay(true);
  upstream.setNoDelay(true);
  let connected = false;
  upstream.once('connect', () => {
    connected = true;
  });
  upstream.on('error', () => {
    if (!connected) resetClient(client);
    else client.destroy();
  });
  client.on('error', () => upstream.destroy());
  upstream.on('close', () => {
    if (!connected) resetClient(client);
    else if (!client.destroyed && !client.writableFinished) client.destroySoon();
  });
  client.on('close', () => {
    if (!upstream.destroyed) upstream.destroy();
  });
  client.pipe(upstream);
  upstream.pipe(client);
}

/** Closes a connection nobody can serve at once with a reset, like kube-proxy's REJECT for a Service without endpoints. */
export function rejectConnection(client: net.Socket): void {
  client.on('error', () => undefined);
  resetClient(client);
}

function resetClient(client: net.Socket): void {
  if (!client.destroyed) client.resetAndDestroy();
}

function track(sockets: Set<net.Socket>, socket: net.Socket): void {
  sockets.add(socket);
  socket.once('close', () => sockets.delete(socket));
}
