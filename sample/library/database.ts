import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TypeOrmModuleOptions } from '@nestjs/typeorm';
import { dataDir } from '../paths.js';
import { Book } from './book.entity.js';

/**
 * The library's database: a SQLite file read and written by sql.js (WebAssembly, so
 * nothing to compile). `DATABASE` names another file; `DATABASE=memory` keeps it in
 * memory only, as the tests do; a `postgres://` URL uses that PostgreSQL database, which
 * several processes can share. Read when the app starts, not when this file loads.
 */
export function databaseOptions(database = process.env.DATABASE): TypeOrmModuleOptions {
  if (database && /^postgres(ql)?:\/\//.test(database)) {
    // A server that does not answer fails a query after 5 s (a 503) instead of holding it.
    return {
      type: 'postgres',
      url: database,
      entities: [Book],
      synchronize: true,
      extra: { connectionTimeoutMillis: 5000 },
    };
  }
  const common: TypeOrmModuleOptions = { type: 'sqljs', entities: [Book], synchronize: true };
  if (database === 'memory' || database === ':memory:') return common;
  const location = database || join(dataDir, 'library.sqlite');
  mkdirSync(dirname(location), { recursive: true });
  return { ...common, type: 'sqljs', location, autoSave: true };
}
