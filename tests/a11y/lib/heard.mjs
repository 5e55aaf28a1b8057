// Starts the real `heard serve` on a free loopback port in a fresh working directory,
// and reads its SQLite database. No sleeping: the port comes from heard's own log line.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const TARGET = process.env.CARGO_TARGET_DIR
  ? resolve(REPO, process.env.CARGO_TARGET_DIR)
  : join(REPO, 'target');
export const HEARD_BIN = process.env.HEARD_BIN || join(TARGET, 'debug', 'heard');

const ANSI = /\x1b\[[0-9;]*m/g;

/** Starts heard; `env` adds to or overrides its settings (e.g. a low post limit). */
export async function startHeard({ env: extra = {} } = {}) {
  if (!existsSync(HEARD_BIN)) {
    throw new Error(`${HEARD_BIN} is missing: run \`cargo build\` first`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'heard-a11y-'));
  const env = {
    PATH: process.env.PATH,
    HEARD_BIND: '127.0.0.1:0',
    // 40 characters, new for every run.
    HEARD_SECRET: randomBytes(20).toString('hex'),
    HEARD_FORM_POSTS_PER_MINUTE: '100000',
    HEARD_LOG_FORMAT: 'plain',
    HEARD_LOG: 'info',
    NO_COLOR: '1',
    ...extra,
  };
  const child = spawn(HEARD_BIN, ['serve'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  // Never leave heard behind: not on an error, not when this process is stopped.
  const killNow = () => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL'); };
  process.once('exit', killNow);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => { killNow(); process.exit(130); });
  }
  const logs = [];
  const exited = new Promise((res) => child.once('exit', (code, signal) => res({ code, signal })));
  const address = await new Promise((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`heard did not say where it listens in 30 s:\n${logs.join('\n')}`)), 30_000);
    let buffered = '';
    const onData = (chunk) => {
      buffered += chunk.toString();
      let nl;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl).replace(ANSI, '');
        buffered = buffered.slice(nl + 1);
        logs.push(line);
        const m = line.includes('listening') && line.match(/address=(127\.0\.0\.1:\d+)/);
        if (m) { clearTimeout(timer); res(m[1]); }
      }
    };
    child.stderr.on('data', onData);
    child.stdout.on('data', onData);
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      rej(new Error(`heard exited (${code ?? signal}) before listening:\n${logs.join('\n')}`));
    });
  });
  return {
    dir,
    /** The settings heard runs with: the CLI needs the same to reach the same database. */
    env,
    base: `http://${address}`,
    logs,
    /** Runs `heard ARGS…` on this instance's database (same folder and settings), with
     *  `input` on stdin; returns its stdout, throws with its stderr if it fails. */
    run(args, { input = '' } = {}) {
      return execFileSync(HEARD_BIN, args, { cwd: dir, env, input, encoding: 'utf8', timeout: 60_000, stdio: ['pipe', 'pipe', 'pipe'] });
    },
    dbPath: join(dir, 'heard.db'),
    /** Rows in `submissions`, read with Python's sqlite3 straight from the file. */
    submissions() {
      const out = execFileSync('python3', ['-c',
        'import sqlite3, sys\n' +
        'db = sqlite3.connect(sys.argv[1])\n' +
        'print(db.execute("SELECT count(*) FROM submissions").fetchone()[0])\n' +
        'db.close()', join(dir, 'heard.db')], { encoding: 'utf8', timeout: 30_000 });
      return Number(out.trim());
    },
    /** Breaks the database under the running service, as a real fault would: drops
     *  `table` straight from the SQLite file, so pages that read it fail with a 500. */
    dropTable(table) {
      execFileSync('python3', ['-c',
        'import sqlite3, sys\n' +
        'db = sqlite3.connect(sys.argv[1])\n' +
        'db.execute("DROP TABLE " + sys.argv[2])\n' +
        'db.commit()\n' +
        'db.close()', join(dir, 'heard.db'), table], { encoding: 'utf8', timeout: 30_000 });
    },
    /** Takes the database away the way another process can: holds SQLite's write lock
     *  (past heard's busy time-out) until `release()`, so saving an answer gets a 503. */
    async holdWriteLock() {
      const locker = spawn('python3', ['-c',
        'import sqlite3, sys\n' +
        'db = sqlite3.connect(sys.argv[1], isolation_level=None)\n' +
        'db.execute("BEGIN EXCLUSIVE")\n' +
        'print("locked", flush=True)\n' +
        'sys.stdin.read()\n' +
        'db.execute("ROLLBACK")', join(dir, 'heard.db')], { stdio: ['pipe', 'pipe', 'inherit'] });
      const gone = new Promise((res) => locker.once('exit', res));
      await new Promise((res, rej) => {
        const timer = setTimeout(() => rej(new Error('the write lock was not taken in 30 s')), 30_000);
        locker.stdout.on('data', (chunk) => {
          if (chunk.toString().includes('locked')) { clearTimeout(timer); res(); }
        });
        gone.then(() => { clearTimeout(timer); rej(new Error('the lock holder exited')); });
      });
      return { release: async () => { locker.stdin.end(); await gone; } };
    },
    /** SIGTERM, wait for the exit (SIGKILL after 15 s), remove the working directory. */
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(killer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
