import { startE2e, pageErrors } from './harness';
const main = async () => {
  const t0 = Date.now();
  const e2e = await startE2e();
  console.log('started', Date.now() - t0, e2e.baseUrl);
  const shot = async (name: string, width: number, path: string, user: string | null, act?: (p: any) => Promise<void>) => {
    const page = await e2e.newPage({ viewport: { width, height: width < 500 ? 844 : 900 } });
    if (user) await e2e.loginAs(page, user);
    await page.goto(e2e.url(path));
    await page.waitForLoadState('networkidle');
    if (act) await act(page);
    await page.waitForTimeout(400);
    await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: false });
    const sw = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    console.log(name, 'scroll', sw, pageErrors(page));
    await page.context().close();
  };
  const which = process.argv[2] ?? 'all';
  const shots: Record<string, () => Promise<void>> = {
    login: () => shot('login-desktop', 1366, '/app/', null),
    loginm: () => shot('login-390', 390, '/app/', null),
    orgs: () => shot('orgs-desktop', 1366, '/app/orgs', 'admin'),
    orgs2021: () => shot('orgs-2021', 1366, '/app/orgs?d=2021-06-30&u=1', 'admin'),
    orgsm: () => shot('orgs-390', 390, '/app/orgs', 'admin'),
    orgsm2: () => shot('orgs-390-detail', 390, '/app/orgs?d=2021-06-30&u=1', 'admin'),
    users: () => shot('users-desktop', 1366, '/app/users', 'admin'),
    usersm: () => shot('users-390', 390, '/app/users', 'admin'),
    tokens: () => shot('tokens', 1366, '/app/account/tokens', 'admin'),
  };
  for (const [k, f] of Object.entries(shots)) if (which === 'all' || which.split(',').includes(k)) await f();
  await e2e.close();
};
main();
