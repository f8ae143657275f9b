/** The closed set of errors clients see, each with an `extensions.code`, and the formatter that hides the rest. */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';

export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'SERVICE_UNAVAILABLE' | 'INTERNAL_SERVER_ERROR';

export class BadUserInput extends GraphQLError {
  constructor(message: string, argument?: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) } });
  }
}

export class NotFound extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'NOT_FOUND' } });
  }
}

export class ServiceUnavailable extends GraphQLError {
  constructor(message = 'the graph store is unavailable; try again shortly') {
    super(message, { extensions: { code: 'SERVICE_UNAVAILABLE' } });
  }
}

/** Thrown by a store when its database cannot answer (down, unreachable, refusing our credentials, too slow). */
export class StoreUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailable';
  }
}

/** Codes Apollo and graphql-js assign to request errors (parse, validation, bad variables); passed through. */
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT', 'NOT_FOUND', 'SERVICE_UNAVAILABLE', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * Apollo's formatError hook: known client errors keep their message and code (no stack trace);
 * anything else is logged in full and reaches the client only as a generic INTERNAL_SERVER_ERROR.
 */
export function makeFormatError(log: (error: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      // GraphQL Armor prefixes its limit errors with "Syntax Error: " although the query parsed fine.
      const message = code === 'GRAPHQL_VALIDATION_FAILED' ? formatted.message.replace(/^Syntax Error: /, '') : formatted.message;
      return { ...formatted, message, extensions };
    }
    const original = unwrapResolverError(error);
    if (original instanceof StoreUnavailable) {
      return { message: new ServiceUnavailable().message, locations: formatted.locations, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE' } };
    }
    log(original);
    return { message: 'internal error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
