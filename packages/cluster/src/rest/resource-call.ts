// One REST call on a resource, as the handlers see it, and the write options its query carries.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ResourceInfo } from '../registry/index.js';
import type { Negotiated } from '../server/content-negotiation.js';
import type { ResourceRequestInfo } from '../server/request-info.js';
import type { UpdateOptions } from './object-service.js';
import { parseDryRun, parseFieldManager, parseFieldValidation } from './request-options.js';
import type { WatchServerOptions } from './watch-stream.js';

export interface ResourceCall {
  readonly info: ResourceInfo;
  readonly request: ResourceRequestInfo;
  readonly query: URLSearchParams;
  /** The decoded body, or undefined when there was none. */
  readonly body: unknown;
  /** The request's Content-Type without parameters. */
  readonly mediaType: string;
  readonly userAgent: string | undefined;
  readonly negotiated: Negotiated;
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly watch: WatchServerOptions;
}

/** dryRun, fieldValidation and fieldManager from the query (the manager defaulted from the user agent). */
export function writeOptionsOf(call: ResourceCall): UpdateOptions {
  return {
    dryRun: parseDryRun(call.query.getAll('dryRun')),
    fieldValidation: parseFieldValidation(call.query.get('fieldValidation')),
    fieldManager: parseFieldManager(call.query.get('fieldManager'), call.userAgent),
  };
}
