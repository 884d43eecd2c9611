import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { isLocale } from '../common/locales.ts';
import { runBackup, runRestore, runStorage } from './cli-storage.ts';
import { loadConfig } from './config.ts';
import { type AppContext, createContext } from './context.ts';
import { migrateToLatest } from './db/migrate.ts';
import { generateData } from './dev/generate-data.ts';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from './dev/seed-demo.ts';
import { AppError } from './errors.ts';
import { createLogger } from './logger.ts';
import { rollUpDay, rollUpDue } from './modules/network-health/index.ts';
import { createOrPromoteAdmin } from './modules/setup/index.ts';
import { countUsers } from './modules/users/index.ts';
import { dropJob, jobsNeedingAttention, retryJob } from './platform/jobs/index.ts';
import { recipientRef } from './platform/mail/index.ts';

interface Io {
  env: NodeJS.ProcessEnv;
  out: (line: string) => void;
  err: (line: string) => void;
  /** Asks a question on a terminal; undefined when there is none (CI, pipes). */
  ask?: (question: string) => Promise<string>;
}

interface Command {
  summary: string;
  usage: string;
  options?: Record<string, { type: 'string' | 'boolean'; short?: string }>;
  run(
    ctx: AppContext,
    args: { values: Record<string, string | boolean | undefined>; positionals: string[] },
    io: Io,
  ): Promise<number>;
  /** Runs instead of `run`, before any database is opened (restore must find DATA_DIR empty). */
  runWithoutContext?(
    config: ReturnType<typeof loadConfig>,
    args: { values: Record<string, string | boolean | undefined>; positionals: string[] },
    io: Io,
  ): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  jobs: {
    summary: 'List failed or stuck background jobs (mail first), retry or drop one',
    usage: [
      'npm run cli -- jobs list [--state failed|stuck]',
      'npm run cli -- jobs retry <job id>',
      'npm run cli -- jobs drop <job id>',
    ].join('\n'),
    options: { state: { type: 'string' } },
    async run(ctx, { values, positionals }, io) {
      const [action, id] = positionals;
      if (action === 'list') {
        const state = String(values.state ?? 'failed');
        if (state !== 'failed' && state !== 'stuck') {
          io.err('--state must be failed or stuck.');
          return 2;
        }
        const jobs = await jobsNeedingAttention(ctx, state);
        if (jobs.length === 0) io.out(`No ${state} jobs.`);
        for (const job of jobs) {
          io.out(
            `${job.id}  ${job.kind}  ${job.status}  attempts ${job.attempts}/${job.maxAttempts}  due ${job.runAt}  ${job.lastError ?? ''}`.trimEnd(),
          );
        }
        return 0;
      }
      if ((action === 'retry' || action === 'drop') && id) {
        const done = action === 'retry' ? await retryJob(ctx, id) : await dropJob(ctx, id);
        if (!done) {
          io.err(`No job ${id} that is not done.`);
          return 1;
        }
        io.out(action === 'retry' ? `Job ${id} queued again.` : `Job ${id} dropped.`);
        return 0;
      }
      io.err(this.usage);
      return 2;
    },
  },
  'mail-ref': {
    summary: 'Show how the log names the recipient of a mail (the log never holds addresses)',
    usage: 'npm run cli -- mail-ref <e-mail address>',
    async run(_ctx, { positionals }, io) {
      const address = positionals[0];
      if (!address) {
        io.err('Please give the e-mail address.');
        return 2;
      }
      io.out(recipientRef(address));
      return 0;
    },
  },
  'create-admin': {
    summary: 'Create a platform admin (or make an existing account one)',
    usage: [
      'npm run cli -- create-admin --email <address> --name <display name> [--password <pw>] [--locale en]',
      '',
      'Without --password (or ADMIN_PASSWORD) you are asked on a terminal; elsewhere a strong',
      'password is generated and printed once.',
    ].join('\n'),
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      locale: { type: 'string' },
    },
    async run(ctx, { values }, io) {
      const email = String(values.email ?? '')
        .trim()
        .toLowerCase();
      const displayName = String(values.name ?? '').trim() || email.split('@')[0] || '';
      const locale = String(values.locale ?? 'en');
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
        io.err('Please give a valid --email address.');
        return 2;
      }
      if (!isLocale(locale)) {
        io.err(`Unknown --locale ${locale}.`);
        return 2;
      }
      let password = (values.password as string | undefined) ?? io.env.ADMIN_PASSWORD;
      let generated = false;
      if (!password && io.ask) password = await io.ask('Password (at least 10 characters): ');
      if (!password) {
        password = randomBytes(12).toString('base64url');
        generated = true;
      }
      try {
        const { user, created } = await createOrPromoteAdmin(ctx, { email, password, displayName, locale });
        io.out(
          created
            ? `Created platform admin ${user.email}.`
            : `${user.email} already had an account; it is now a platform admin (password unchanged).`,
        );
        if (created && generated) io.out(`Generated password (shown once): ${password}`);
        io.out(`Sign in at ${ctx.config.publicUrl}/login`);
        return 0;
      } catch (err) {
        if (err instanceof AppError && err.code === 'WEAK_PASSWORD') {
          io.err('That password is too weak: use at least 10 characters and not a common password.');
          return 2;
        }
        throw err;
      }
    },
  },
  migrate: {
    summary: 'Apply pending database migrations (npm start does this too)',
    usage: 'npm run cli -- migrate',
    async run(ctx, _args, io) {
      const result = await migrateToLatest(ctx.database.db);
      const applied = result.results?.filter((r) => r.status === 'Success') ?? [];
      io.out(
        applied.length
          ? applied.map((r) => `applied ${r.migrationName}`).join('\n')
          : 'Database is up to date.',
      );
      return 0;
    },
  },
  backup: {
    summary: 'Write one .tar.gz with the database (SQLite, online), every stored file and a manifest',
    usage: [
      'npm run cli -- backup <file.tar.gz> [--files-only]',
      '',
      'On PostgreSQL, back up the database with pg_dump and the files with --files-only (see README).',
    ].join('\n'),
    options: { 'files-only': { type: 'boolean' } },
    run: (ctx, { values, positionals }, io) =>
      runBackup(ctx, positionals[0], values['files-only'] === true, io),
  },
  restore: {
    summary: 'Restore a backup archive into an empty DATA_DIR (checks every checksum first)',
    usage:
      'npm run cli -- restore <file.tar.gz>\n\nOn PostgreSQL: pg_restore the database first, then restore the files with DATABASE_URL set.',
    // Never reached: runWithoutContext answers first.
    run: () => Promise.reject(new Error('restore runs without a database')),
    runWithoutContext: (config, { positionals }, io) => runRestore(config, positionals[0], io),
  },
  storage: {
    summary: 'storage migrate: copy files from DATA_DIR to the configured S3 bucket (safe to repeat)',
    usage: 'npm run cli -- storage migrate',
    run: (ctx, { positionals }, io) => runStorage(ctx, positionals[0], io),
  },
  generate: {
    summary: 'Fill an EMPTY database with generated, fictional data for benchmarks (small or large)',
    usage:
      'npm run cli -- generate --scale small|large\n\nsmall: 5 networks, 300 users, 5,000 posts, 20,000 messages.\nlarge: 100 networks, 10,000 users, 200,000 topics and replies, 1,000,000 messages.\nWrites bench-fixture.json into the data dir.',
    options: { scale: { type: 'string' } },
    async run(ctx, { values }, io) {
      const scale = String(values.scale ?? 'small');
      if (scale !== 'small' && scale !== 'large') {
        io.err('Please give --scale small or --scale large.');
        return 2;
      }
      if ((await countUsers(ctx)) > 0) {
        io.err('The database is not empty; generate into a fresh DATA_DIR (or database).');
        return 2;
      }
      const started = performance.now();
      const fixture = await generateData(ctx, scale, (line) => io.out(`  ${line}`));
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      io.out(`Generated ${scale} data in ${seconds} s: ${JSON.stringify(fixture.counts)}`);
      io.out(`Sign in as ${fixture.email} / ${fixture.password}`);
      return 0;
    },
  },
  'health-rollup': {
    summary: 'Roll up network health now: one day (--day), or every day the job has not done yet',
    usage: [
      'npm run cli -- health-rollup [--day YYYY-MM-DD]',
      '',
      'Without --day: the days of the last 120 not rolled up yet, and always yesterday and today (what',
      'the hourly job does). Prints how long each day took.',
    ].join('\n'),
    options: { day: { type: 'string' } },
    async run(ctx, { values }, io) {
      const day = values.day === undefined ? undefined : String(values.day);
      if (day !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(day)) {
        io.err('--day must be a date like 2026-12-01.');
        return 2;
      }
      const started = performance.now();
      if (day) {
        await rollUpDay(ctx, day);
        io.out(`Rolled up ${day} in ${((performance.now() - started) / 1000).toFixed(2)} s`);
        return 0;
      }
      const days = await rollUpDue(ctx);
      const seconds = (performance.now() - started) / 1000;
      io.out(`Rolled up ${days.length} day(s) in ${seconds.toFixed(1)} s`);
      return 0;
    },
  },
  'seed-demo': {
    summary: 'Add clearly fictional demo accounts (and later demo networks) for trying things out',
    usage: 'npm run cli -- seed-demo',
    async run(ctx, _args, io) {
      await migrateToLatest(ctx.database.db);
      const { created, total } = await seedDemo(ctx);
      io.out(
        `Demo data ready: ${created} new of ${total} demo accounts. All fictional; password for each: ${DEMO_PASSWORD}`,
      );
      io.out(
        'Demo networks: /networks/demo-mentors-musterstadt (public) and /networks/demo-rete-mentori (private), with members in every role.',
      );
      for (const u of DEMO_USERS)
        io.out(`  ${u.email.padEnd(40)} ${u.displayName}${u.admin ? ' (platform admin)' : ''}`);
      return 0;
    },
  },
};

function mainHelp(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(14)} ${c.summary}`);
  return [
    'mentorNET admin commands',
    '',
    'Usage: npm run cli -- <command> [options]',
    '',
    ...lines,
    '',
    'Add --help after a command for its options. Configuration comes from the same environment as npm start (DATA_DIR, DATABASE_URL, …).',
  ].join('\n');
}

/** Runs one CLI command and returns the exit code. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(mainHelp());
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`Unknown command "${name}".\n\n${mainHelp()}`);
    return 2;
  }
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    io.err(`${(err as Error).message}\n\nUsage: ${command.usage}`);
    return 2;
  }
  if (args.values.help) {
    io.out(`${command.summary}\n\nUsage: ${command.usage}`);
    return 0;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(io.env);
  } catch (err) {
    io.err((err as Error).message);
    return 2;
  }
  if (command.runWithoutContext) {
    return command.runWithoutContext(config, args as Parameters<Command['run']>[1], io);
  }
  const ctx = createContext(
    config,
    createLogger({ logLevel: io.env.LOG_LEVEL === undefined ? 'warn' : config.logLevel }),
  );
  try {
    if (name !== 'migrate') await migrateToLatest(ctx.database.db);
    return await command.run(ctx, args as Parameters<Command['run']>[1], io);
  } finally {
    await ctx.close();
  }
}

const isMain =
  process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const terminal = process.stdin.isTTY
    ? createInterface({ input: process.stdin, output: process.stdout })
    : undefined;
  runCli(process.argv.slice(2), {
    env: process.env,
    out: (l) => console.log(l),
    err: (l) => console.error(l),
    ask: terminal ? (q) => terminal.question(q) : undefined,
  })
    .then((code) => {
      terminal?.close();
      process.exit(code);
    })
    .catch((err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
