import path from 'node:path';
import { useTempDir } from '../../../test/support/temp-dir';
import { migrate, openDatabase, type Migration } from './database.js';

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
