/**
 * Browser-test harness: the real server (`buildApp`) on a temporary SQLite database holding the
 * Hai Phong demo, on a free port, and Debian's chromium driven by playwright-core.
 *
 *   const e2e = await startE2e();             // in beforeAll: server + one browser for the file
 *   const page = await e2e.newPage();          // a fresh browser context per test (own cookies)
 *   await e2e.loginAs(page, 'admin');          // session through the API, then open a page
 *   await page.goto(e2e.url('/app/orgs'));
 *   ...
 *   await e2e.close();                         // in afterAll
 *
 * Wait for UI state (locator.waitFor, expect.poll), never for fixed times. The web app must be
 * built first (`npm test` does it; alone: `npm run build:web`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { openDatabase, type DbHandle } from '../../src/db/connection';
import { migrateToLatest } from '../../src/db/migrate';
import { loadDemo } from '../../src/demo';
import { DEMO_PASSWORD } from '../../src/modules/auth/passwords';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
export { DEMO_PASSWORD };

const WEB_DIST = path.resolve('dist/web');

export interface E2e {
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  app: FastifyInstance;
  /** The test's own database (assert on what the UI wrote, look up ids by code). */
  handle: DbHandle;
  browser: Browser;
  url(pathname: string): string;
  /** A page in a new browser context; page errors are collected in `pageErrors(page)`. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** Sign in through the API in the page's context (cookie set); then `page.goto` any app page. */
  loginAs(page: Page, username: string, password?: string): Promise<void>;
  /** Id of a unit by its code (e.g. 'DU-305'). */
  unitId(code: string): Promise<number>;
  close(): Promise<void>;
}

const errorsByPage = new WeakMap<Page, string[]>();

/** Uncaught exceptions and console errors the page produced (should stay empty). */
export function pageErrors(page: Page): string[] {
  return errorsByPage.get(page) ?? [];
}

/** A SQLite file with the demo, built once per test run and copied for each test file. */
async function demoTemplate(): Promise<string> {
  const dir = path.join(os.tmpdir(), 'lamtheo-e2e');
  fs.mkdirSync(dir, { recursive: true });
  // Workers of one vitest run share its process as parent: one template per run.
  const file = path.join(dir, `demo-${process.ppid}.db`);
  if (fs.existsSync(file)) return file;
  let lock: number | null = null;
  try {
    lock = fs.openSync(`${file}.lock`, 'wx');
  } catch {
    // Another test file is building it: wait for the finished file to appear.
    const deadline = Date.now() + 120_000;
    while (!fs.existsSync(file)) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for the demo database ${file}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return file;
  }
  try {
    removeOldTemplates(dir);
    const building = `${file}.building`;
    fs.rmSync(building, { force: true });
    const handle = await openDatabase({ dialect: 'sqlite', file: building });
    await migrateToLatest(handle.db);
    await loadDemo(handle.db, { log: () => undefined });
    await handle.close();
    fs.renameSync(building, file);
    return file;
  } finally {
    fs.closeSync(lock);
    fs.rmSync(`${file}.lock`, { force: true });
  }
}

function removeOldTemplates(dir: string) {
  const dayAgo = Date.now() - 24 * 3600_000;
  for (const name of fs.readdirSync(dir)) {
    const full = path.join(dir, name);
    if (fs.statSync(full).mtimeMs < dayAgo) fs.rmSync(full, { force: true, recursive: true });
  }
}

export async function startE2e(): Promise<E2e> {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    throw new Error('The web app is not built: run `npm run build:web` (npm test does it first).');
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lamtheo-e2e-run-'));
  const dbFile = path.join(dataDir, 'lamtheo.db');
  fs.copyFileSync(await demoTemplate(), dbFile);
  const handle = await openDatabase({ dialect: 'sqlite', file: dbFile });
  await migrateToLatest(handle.db);
  const config = loadConfig({ WEB_DIST, DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '1' });
  const app = await buildApp({ handle, config });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server did not report its port');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  } catch (error) {
    await app.close();
    await handle.close();
    throw error;
  }

  return {
    baseUrl, app, handle, browser,
    url: (pathname) => `${baseUrl}${pathname}`,
    async newPage(options = {}) {
      const context = await browser.newContext({ baseURL: baseUrl, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1366, height: 900 }, ...options });
      const page = await context.newPage();
      const errors: string[] = [];
      errorsByPage.set(page, errors);
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        // The browser logs every 4xx API answer (401 from the session probe, 409/400 shown on a
        // form); those are the app working. Anything else (a missing asset, a crash) is not.
        const apiRefusal = /status of 4\d\d/.test(message.text()) && message.location().url.includes('/api/');
        if (!apiRefusal) errors.push(`console: ${message.text()} (${message.location().url})`);
      });
      return page;
    },
    async loginAs(page, username, password = DEMO_PASSWORD) {
      const response = await page.context().request.post(`${baseUrl}/api/v1/auth/login`, { data: { username, password } });
      if (!response.ok()) throw new Error(`login ${username} failed: ${response.status()} ${await response.text()}`);
    },
    async unitId(code) {
      const row = await handle.db.selectFrom('org_units').select('id').where('code', '=', code).executeTakeFirst();
      if (!row) throw new Error(`no unit ${code}`);
      return row.id;
    },
    async close() {
      await browser.close().catch(() => undefined);
      await app.close();
      await handle.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Choose a unit in a UnitPicker (antd TreeSelect): open it, type the query (diacritics
 * optional), click the option whose title is exactly `name`.
 */
export async function chooseUnit(page: Page, picker: Locator, query: string, name: string): Promise<void> {
  await picker.click();
  await picker.locator('input').fill(query);
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-title')
    .filter({ hasText: new RegExp(`^${escapeRegExp(name)}$`) });
  await option.first().click();
}

/** Choose an option of an antd Select by its visible label. */
export async function chooseOption(page: Page, select: Locator, label: string): Promise<void> {
  await select.click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: label }).first().click();
}

/** True when the page scrolls sideways (what must never happen, at any width). */
export async function hasHorizontalOverflow(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
