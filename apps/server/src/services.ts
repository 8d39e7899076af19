// The Services packages/api needs, built from the configuration and the database. This body is
// a placeholder that rejects every access token until the auth module provides the real one;
// the signature stays as it is.
import { createHmac } from 'node:crypto';
import { AppError, type Services } from '@repo/api';
import type { Database } from '@repo/db';
import type { Logger } from 'pino';
import type { Config } from './env';

export interface ServicesOptions {
  config: Config;
  db: Database;
  logger: Logger;
}

export function createServices({ config }: ServicesOptions): Services {
  return {
    authenticate(authorization) {
      return Promise.reject(
        authorization
          ? new AppError('INVALID_TOKEN', 'Access token is invalid')
          : new AppError('MISSING_TOKEN', 'Access token is missing'),
      );
    },
    now: () => new Date(),
    // Derived, not the JWT secret itself: a key is used for one purpose only.
    cursorKey: createHmac('sha256', config.jwtSecret).update('pagination-cursor').digest(),
  };
}
