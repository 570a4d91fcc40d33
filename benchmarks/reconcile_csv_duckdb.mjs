#!/usr/bin/env node
// The DuckDB baseline for `toll reconcile` on a large claims CSV (benchmarks/run_csv.sh), beside
// the pandas one: the reduction of benchmarks/reconcile_csv_pandas.py (its reference) as one SQL
// query, read_csv + GROUP BY + COPY ... TO CSV, on every core (DuckDB's default thread count).
//
//     node benchmarks/reconcile_csv_duckdb.mjs [--file-order] CLAIMS.csv OUT.csv
//     node benchmarks/reconcile_csv_duckdb.mjs --install     (only installs @duckdb/node-api)
//
// Like pandas, DuckDB cannot read figures as people write them, so it reads the generator's
// pre-parsed `low`, `high` and `caps` columns (benchmarks/make_claims_csv.py) and reduces every row
// as it is: no admissibility rules, relays, revisions or duplicate ids. Out, one row per key
// (event, category, group, about_party): the hull (low, high: the lowest and highest figure, high
// empty when one is unbounded), the intersection (lower: the strongest lower bound; upper: the
// tightest cap, empty when nothing caps), the status (unknown, conflicting, consistent), the count
// and the claim setting each bound.
//
// Two forms. The default is the query a data engineer would write, and DuckDB at its fastest: the
// claim behind a bound is any one of those reaching it, the keys come in DuckDB's order. With
// --file-order it names the first claim in the file among ties and writes the keys in order of
// first appearance, as the pandas script does (byte for byte its output; toll too writes keys in
// that order, and names the smallest id among ties), at the price of numbering the rows, which
// DuckDB does on one thread. run_csv.sh times the default; benchmarks/check_csv_baselines.py checks
// both against toll and pandas.
//
// @duckdb/node-api is installed with npm into a cache folder (TOLL_BENCH_NODE, default
// build/bench-node beside this checkout's benchmarks/), never into the source tree. When it cannot
// be installed or loaded, the script says why and exits 0 with a line starting "skipped", so that
// run_csv.sh goes on without DuckDB. Prints the version, the thread count, `seconds=...` (the query,
// COPY included) and `peak_rss_MiB=...` lines.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const cache = resolve(process.env.TOLL_BENCH_NODE ?? join(here, '..', 'build', 'bench-node'));
const packageName = '@duckdb/node-api';

// Loads @duckdb/node-api from the cache folder, installing it there first when it is missing.
// Returns the module, or a string saying why it cannot be had.
async function loadDuckdb() {
    const manifest = join(cache, 'package.json');
    const require = createRequire(manifest);
    const find = () => {
        try {
            return require.resolve(packageName);
        } catch {
            return null;
        }
    };
    let entry = find();
    if (!entry) {
        try {
            mkdirSync(cache, { recursive: true });
            if (!existsSync(manifest)) writeFileSync(manifest, '{ "private": true }\n');
            console.error(`installing ${packageName} into ${cache} (once) ...`);
            execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', packageName],
                         { cwd: cache, stdio: ['ignore', 'ignore', 'pipe'] });
        } catch (e) {
            const why = e.stderr?.toString().trim().split('\n').slice(-3).join(' / ') || e.message;
            return `npm install ${packageName} failed: ${why}`;
        }
        entry = find();
        if (!entry) return `${packageName} is not in ${cache} after npm install`;
    }
    try {
        return await import(pathToFileURL(entry).href);
    } catch (e) {
        return `${packageName} does not load: ${e.message}`;
    }
}

// A string as an SQL literal.
const literal = (text) => `'${text.replaceAll("'", "''")}'`;

// The whole reduction. Every column is read as VARCHAR but low and high (BIGINT) and caps; the
// unbounded high of a known figure is +infinity while reducing, as in the pandas script, so max()
// sees it. With `fileOrder`, each row is numbered (row_number() OVER () over the scan), a bound's
// claim is arg_min over (value, row) and the keys are sorted by their first row: the pandas
// script's output exactly, but DuckDB numbers the rows on one thread. Without it, a bound's claim
// is any of those that reach it and the keys come in DuckDB's order: all cores throughout.
function reductionQuery(claims, out, fileOrder) {
    const columns = {
        id: 'VARCHAR', event: 'VARCHAR', category: 'VARCHAR', group: 'VARCHAR', figure: 'VARCHAR',
        source: 'VARCHAR', source_kind: 'VARCHAR', party: 'VARCHAR', about_party: 'VARCHAR', via: 'VARCHAR',
        reported: 'VARCHAR', text: 'VARCHAR', low: 'BIGINT', high: 'BIGINT', caps: 'TINYINT',
    };
    const columnList = Object.entries(columns).map(([name, type]) => `${literal(name)}: ${literal(type)}`).join(', ');
    // The claim with the least `value` among the rows `where` admits (first in the file with fileOrder).
    const claimWithLeast = (value, where) =>
        fileOrder ? `arg_min(id, {'v': ${value}, 'r': row}) FILTER (WHERE ${where})` : `arg_min(id, ${value}) FILTER (WHERE ${where})`;
    return `
COPY (
    WITH claims AS (
        SELECT ${fileOrder ? 'row_number() OVER () AS row, ' : ''}id, event, category, "group", about_party,
               low::DOUBLE AS low,
               CASE WHEN low IS NULL THEN NULL WHEN high IS NULL THEN 'infinity'::DOUBLE ELSE high::DOUBLE END AS high,
               caps = 1 AS caps
        FROM read_csv(${literal(claims)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
                      nullstr = '', columns = {${columnList}})
    ),
    reduced AS (
        SELECT event, category, "group", about_party, ${fileOrder ? 'min(row) AS first_row, ' : ''}
               min(low) AS low, max(high) AS high, max(low) AS lower,
               min(high) FILTER (WHERE caps) AS upper, bool_or(caps) AS capped, count(*) AS claims,
               ${claimWithLeast('low', 'low IS NOT NULL')} AS low_claim,
               ${claimWithLeast('-high', 'high IS NOT NULL')} AS high_claim,
               ${claimWithLeast('-low', 'low IS NOT NULL')} AS lower_claim,
               ${claimWithLeast('high', 'caps AND high IS NOT NULL')} AS upper_claim
        FROM claims
        GROUP BY event, category, "group", about_party
    )
    SELECT event, category, "group", about_party,
           low::BIGINT AS low, CASE WHEN isinf(high) THEN NULL ELSE high::BIGINT END AS high,
           lower::BIGINT AS lower, upper::BIGINT AS upper,
           CASE WHEN low IS NULL THEN 'unknown' WHEN capped AND lower > upper THEN 'conflicting' ELSE 'consistent' END AS status,
           claims, low_claim, high_claim, lower_claim, upper_claim
    FROM reduced${fileOrder ? '\n    ORDER BY first_row' : ''}
) TO ${literal(out)} (FORMAT csv, HEADER true)`;
}

// The peak resident set of this process in MiB (Linux: VmHWM), or NaN where it cannot be read.
async function peakRssMib() {
    try {
        const { readFileSync } = await import('node:fs');
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
        return hwm ? Number(hwm[1]) / 1024 : NaN;
    } catch {
        return NaN;
    }
}

async function main(args) {
    const install = args.length === 1 && args[0] === '--install';
    const fileOrder = args[0] === '--file-order';
    if (fileOrder) args = args.slice(1);
    if (!install && args.length !== 2) {
        console.log('usage: reconcile_csv_duckdb.mjs [--file-order] CLAIMS.csv OUT.csv | --install');
        return 2;
    }
    const duckdb = await loadDuckdb();
    if (typeof duckdb === 'string') {
        console.log(`reconcile_csv_duckdb.mjs: skipped: ${duckdb}`);
        return 0;
    }
    if (install) return 0;
    const [claims, out] = args.map((a) => resolve(a));
    const instance = await duckdb.DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const setting = async (sql) => (await connection.runAndReadAll(sql)).getRows()[0][0];
    const version = await setting('SELECT version()');
    const threads = await setting("SELECT current_setting('threads')");
    const started = process.hrtime.bigint();
    await connection.run(reductionQuery(claims, out, fileOrder));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const keys = await setting(`SELECT count(*) FROM read_csv(${literal(out)}, header = true)`);
    console.log(`duckdb ${version} (${packageName} ${duckdb.version?.() ?? ''}), ${threads} threads${fileOrder ? ', file order' : ''}: ${keys} keys`);
    console.log(`seconds=${seconds.toFixed(2)}`);
    console.log(`peak_rss_MiB=${(await peakRssMib()).toFixed(0)}`);
    connection.closeSync?.();
    instance.closeSync?.();
    return 0;
}

process.exitCode = await main(process.argv.slice(2));
