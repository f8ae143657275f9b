/** The closed set of errors clients see, each with an `extensions.code`, and the formatter that hides the rest. */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { StoreUnavailable } from './graph/types.js';

export { StoreUnavailable };

/** Longest piece of client input quoted back in a message. */
const QUOTE_LIMIT = 60;

/** Client input as it may appear in a message: cut to a readable length. */
export function clip(text: string, limit = QUOTE_LIMIT): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}… (${text.length} characters)`;
}

/** An error with a code and, for a request the client must change, the HTTP status Apollo answers with (also when a resolver throws it). */
class CodedError extends GraphQLError {
  constructor(message: string, code: string, status?: number, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions, ...(status ? { http: { status } } : {}) } });
  }
}

/** An argument or variable out of its range, a cursor the API did not issue, or a query over the cost limit: a 400. */
export class BadUserInput extends CodedError {
  constructor(message: string, argument?: string, extensions: Record<string, unknown> = {}) {
    super(message, 'BAD_USER_INPUT', 400, { ...(argument ? { argument } : {}), ...extensions });
  }
}

/** A request this API does not serve (not a query, not JSON). */
export class BadRequest extends CodedError {
  constructor(message: string) {
    // Stryker disable next-line StringLiteral: equivalent, a 400 without a known code is answered as BAD_REQUEST all the same (README: Mutation testing)
    super(message, 'BAD_REQUEST', 400);
  }
}

export class NotFound extends CodedError {
  constructor(message: string) {
    super(message, 'NOT_FOUND');
  }
}

export class ServiceUnavailable extends CodedError {
  constructor(message = 'the graph store is unavailable; try again shortly', status?: number) {
    super(message, 'SERVICE_UNAVAILABLE', status);
  }
}

/** The query ran past its deadline: the rest of it was not resolved. */
export class QueryTimeout extends CodedError {
  constructor(deadlineMs: number) {
    super(`the query ran past its deadline of ${deadlineMs} ms and was stopped; ask for less (smaller pages, fewer nested lists)`, 'QUERY_TIMEOUT');
  }
}

/** The response was already decided (the client left, or a failure nulled the whole result): work stops quietly. */
export class RequestAborted extends CodedError {
  constructor() {
    super('the request was abandoned before this field was resolved', 'REQUEST_ABORTED');
  }
}

/** Codes Apollo and graphql-js assign to request errors (parse, validation, bad variables), and ours; passed through. */
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT', 'BAD_REQUEST', 'NOT_FOUND', 'SERVICE_UNAVAILABLE', 'QUERY_TIMEOUT', 'REQUEST_ABORTED',
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** graphql-js's hints name what the client may have meant: in production they only help an attacker map the schema. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * Apollo's formatError hook: known client errors keep their message and code (no stack trace, long input cut, no
 * suggestions in production); anything else is logged in full and reaches the client as a generic INTERNAL_SERVER_ERROR.
 */
export function makeFormatError(log: (error: unknown) => void, production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      const { stacktrace: _stacktrace, http: _http, ...extensions } = formatted.extensions ?? {};
      // GraphQL Armor prefixes its limit errors with "Syntax Error: " although the query parsed fine.
      let message = code === 'GRAPHQL_VALIDATION_FAILED' ? formatted.message.replace(/^Syntax Error: /, '') : formatted.message;
      if (production) message = message.replace(SUGGESTION, '');
      // Messages quote client input (an id, a value): keep them short whatever was sent.
      return { ...formatted, message: clip(message, 500), extensions };
    }
    // Apollo's own refusals without a code (a persisted query whose hash does not match its text) carry a 4xx.
    const status = (error as { extensions?: { http?: { status?: unknown } } } | undefined)?.extensions?.http?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return { message: clip(formatted.message, 500), locations: formatted.locations, path: formatted.path, extensions: { code: 'BAD_REQUEST' } };
    }
    const original = unwrapResolverError(error);
    if (original instanceof StoreUnavailable) {
      return { message: new ServiceUnavailable().message, locations: formatted.locations, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE' } };
    }
    log(original);
    return { message: 'internal error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
