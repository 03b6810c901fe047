// KubeTransport: how a KubeClient's REST calls reach an API server — HTTPS for a kubeconfig, or in-process.
import type { Readable } from 'node:stream';

export interface TransportRequest {
  method: string;
  /** Path and query, e.g. `/api/v1/namespaces/default/pods?limit=5`. */
  path: string;
  body?: string;
  contentType?: string;
}

export interface TransportResponse {
  statusCode: number;
  body: string;
}

/** The request side of an open stream: destroying it ends the stream from the client's end. */
export interface StreamRequest {
  destroy(error?: Error): unknown;
  on(event: 'error', listener: (err: unknown) => void): unknown;
}

/** The response side of an open stream (an `http.IncomingMessage` fits). */
export interface StreamResponse extends Readable {
  readonly statusCode?: number | undefined;
  /** True once the server ended the body (false when the connection broke first). */
  readonly complete: boolean;
}

export interface OpenedStream {
  request: StreamRequest;
  response: StreamResponse;
}

export interface KubeTransport {
  /** Sends a request and collects the whole response; rejects only when no response could be had. */
  request(request: TransportRequest): Promise<TransportResponse>;
  /** Opens a long-lived GET (a watch); resolves once the response headers are there. */
  openStream(path: string): Promise<OpenedStream>;
  /** Releases what the transport holds open (idle connections, open streams). */
  close(): void;
}
