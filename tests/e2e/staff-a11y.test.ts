/**
 * The staff app is used all day by office staff, some with low vision or a keyboard only: axe
 * (in Debian chromium) finds no serious or critical violation on the login page, on each main
 * screen and on the detail screens (a plan and its editor, a report, a document, an article),
 * filled with the demo, in Vietnamese.
 */
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2e, type E2e } from './harness';

const SCREENS = [
  '/app/orgs', '/app/users', '/app/documents', '/app/documents/extract', '/app/plans', '/app/registrations', '/app/events',
  '/app/news', '/app/reports', '/app/reports/inbox', '/app/reports/consolidation', '/app/reports/dashboard', '/app/reports/forms',
  '/app/reports/schedules',
];

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const results = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(' | ')}`);
}

/** The screen has drawn its data: no spinner, no skeleton left. */
async function settled(page: Page): Promise<void> {
  await page.locator('main, [role="main"]').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning, .ant-skeleton-active').length === 0);
}

describe('staff app accessibility', () => {
  let e2e: E2e;
  beforeAll(async () => {
    e2e = await startE2e();
  });
  afterAll(async () => e2e?.close());

  it('has no serious or critical axe violations on the login page', async () => {
    const page = await e2e.newPage();
    await page.goto(e2e.url('/app/login'));
    await page.locator('form input').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('has no serious or critical axe violations on the main screens', { timeout: 180_000 }, async () => {
    const page = await e2e.newPage();
    await e2e.loginAs(page, 'admin');
    const db = e2e.handle.db;
    const first = async (table: 'plans' | 'reports' | 'documents' | 'news_articles') =>
      (await db.selectFrom(table).select('id').orderBy('id').executeTakeFirstOrThrow()).id;
    const details = [
      `/app/plans/${await first('plans')}`, `/app/plans/${await first('plans')}/edit`, `/app/reports/${await first('reports')}`,
      `/app/documents/${await first('documents')}`, `/app/news/${await first('news_articles')}`, '/app/account/password', '/app/account/tokens',
    ];
    const found: Record<string, string[]> = {};
    for (const screen of [...SCREENS, ...details]) {
      await page.goto(e2e.url(screen));
      await settled(page);
      const violations = await seriousViolations(page);
      if (violations.length > 0) found[screen] = violations;
    }
    expect(found).toEqual({});
  });
});
