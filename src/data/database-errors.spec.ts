import { describe, expect, it } from '@jest/globals';
import { QueryFailedError, TypeORMError } from 'typeorm';
import { DatabaseUnavailable } from '../exceptions/database-unavailable.exception.js';
import { assertConnected, isDatabaseUnavailable, rethrowDatabaseError } from './database-errors.js';

/** An error as node-postgres raises it: a message and a `code`. */
const driverError = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', driverError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a reset connection', driverError('read ECONNRESET', 'ECONNRESET')],
    ['a server shutting down (57P01)', driverError('terminating connection due to administrator command', '57P01')],
    ['a server starting up (57P03)', driverError('the database system is starting up', '57P03')],
    ['a connection failure (08006)', driverError('connection failure', '08006')],
    ['too many connections (53300)', driverError('sorry, too many clients already', '53300')],
    ['a connection that died', driverError('Connection terminated unexpectedly')],
    ['a pool that timed out', driverError('timeout exceeded when trying to connect')],
    ['a destroyed PostgreSQL DataSource', new TypeORMError('Driver not Connected')],
    ['MySQL’s lost connection', driverError('Connection lost: The server closed the connection.', 'PROTOCOL_CONNECTION_LOST')],
    ['a QueryFailedError around a shutdown', new QueryFailedError('SELECT 1', [], driverError('terminating connection', '57P01'))],
  ])('recognises %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a syntax error (42601)', driverError('syntax error at or near "SELEC"', '42601')],
    ['a unique violation (23505)', driverError('duplicate key value violates unique constraint', '23505')],
    ['a missing table', new QueryFailedError('SELECT * FROM nope', [], driverError('relation "nope" does not exist', '42P01'))],
    ['a plain error', new Error('boom')],
    ['a string', 'ECONNREFUSED'],
    ['null', null],
  ])('leaves %s alone', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('rethrowDatabaseError', () => {
  it('throws DatabaseUnavailable (503) with the driver’s error as its cause, and a message without it', () => {
    const cause = driverError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED');
    let thrown: unknown;
    try {
      rethrowDatabaseError(cause);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DatabaseUnavailable);
    const unavailable = thrown as DatabaseUnavailable;
    expect(unavailable.getStatus()).toBe(503);
    expect(unavailable.cause).toBe(cause);
    expect(unavailable.getResponse()).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'The database is unavailable. Please try again shortly.',
    });
  });

  it('throws any other error unchanged', () => {
    const error = driverError('syntax error', '42601');
    expect(() => rethrowDatabaseError(error)).toThrow(error);
  });
});

describe('assertConnected', () => {
  it('throws DatabaseUnavailable for a data source that is not initialised, and nothing otherwise', () => {
    expect(() => assertConnected({ isInitialized: false })).toThrow(DatabaseUnavailable);
    expect(() => assertConnected({ isInitialized: true })).not.toThrow();
    expect(() => assertConnected(undefined)).not.toThrow();
  });
});
