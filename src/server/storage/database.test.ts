import path from 'node:path';
import { useTempDir } from '../../../test/support/temp-dir';
import Database from 'better-sqlite3';
import { migrate, openDatabase, reclaimFreePages, type Migration } from './database.js';

describe('database', () => {
  const tempDir = useTempDir();

  const migrations: Migration[] = [
    {
      version: 1,
      name: 'create things',
      up: (db) => db.exec('CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT)'),
    },
    { version: 2, name: 'add colour', up: (db) => db.exec('ALTER TABLE things ADD COLUMN colour TEXT') },
  ];

  it('applies each migration once, across reopenings of the same file', () => {
    const file = path.join(tempDir(), 'nested', 'ledgermail.sqlite');
    const first = openDatabase(file);
    migrate(first, 'things', migrations);
    first.prepare("INSERT INTO things (name, colour) VALUES ('a', 'red')").run();
    first.close();

    const second = openDatabase(file);
    migrate(second, 'things', migrations);
    expect(second.prepare('SELECT name, colour FROM things').all()).toEqual([{ name: 'a', colour: 'red' }]);
    expect(second.prepare("SELECT version FROM schema_migrations WHERE module = 'things'").pluck().all()).toEqual([
      1, 2,
    ]);
    expect(second.pragma('journal_mode', { simple: true })).toBe('wal');
    second.close();
  });

  it('gives back the space of deleted data: incremental auto-vacuum, also for a file made without it', () => {
    const fresh = openDatabase(path.join(tempDir(), 'fresh.sqlite'));
    expect(fresh.pragma('auto_vacuum', { simple: true })).toBe(2);
    fresh.close();

    // A file an earlier bridge created, with SQLite's default (no auto-vacuum) and data in it.
    const file = path.join(tempDir(), 'older.sqlite');
    const older = new Database(file);
    older.exec('CREATE TABLE kept (id INTEGER PRIMARY KEY, data BLOB)');
    older.prepare('INSERT INTO kept (data) VALUES (?)').run(Buffer.alloc(1000, 1));
    older.close();
    const db = openDatabase(file);
    expect(db.pragma('auto_vacuum', { simple: true })).toBe(2);
    expect(db.prepare('SELECT count(*) FROM kept').pluck().get()).toBe(1);

    db.exec('CREATE TABLE chunks (id INTEGER PRIMARY KEY, data BLOB)');
    const insert = db.prepare('INSERT INTO chunks (data) VALUES (?)');
    for (let i = 0; i < 8; i++) insert.run(Buffer.alloc(512 * 1024, i));
    const pagesWithChunks = db.pragma('page_count', { simple: true }) as number;
    db.exec('DELETE FROM chunks');
    expect(db.pragma('freelist_count', { simple: true })).toBeGreaterThan(900);
    reclaimFreePages(db);
    expect(db.pragma('freelist_count', { simple: true })).toBe(0);
    expect(db.pragma('page_count', { simple: true })).toBeLessThan(pagesWithChunks / 10);
    db.close();
  });

  it('rolls a failing migration back entirely', () => {
    const db = openDatabase(path.join(tempDir(), 'db.sqlite'));
    const broken: Migration[] = [
      {
        version: 1,
        name: 'half done',
        up: (d) => {
          d.exec('CREATE TABLE half (id INTEGER)');
          d.exec('THIS IS NOT SQL');
        },
      },
    ];
    expect(() => migrate(db, 'broken', broken)).toThrow();
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM schema_migrations WHERE module = 'broken'").pluck().get()).toBe(0);
    db.close();
  });
});
