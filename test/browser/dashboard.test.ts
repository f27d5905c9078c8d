import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { createTestDb, type TestDb } from '../support/test-db.js';
import { runDemo } from '../../src/pipeline/demo.js';
import { buildServer } from '../../src/server/app.js';
import { ensureDemoUsers, type DemoLogin } from '../../src/server/auth/demo-users.js';
import { tenantOwners } from '../../src/server/auth/accounts.js';
import { createOneTimeLogin } from '../../src/server/auth/one-time-login.js';

/**
 * The dashboard in a real browser (Debian's Chromium driven by playwright-core) against a real server on
 * the demo organization. MOTHERSHIP_SCREENSHOTS=1 rewrites docs/screenshots/*.png.
 */
const CHROMIUM = process.env.MOTHERSHIP_CHROMIUM ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set MOTHERSHIP_CHROMIUM)`);
const SHOTS = process.env.MOTHERSHIP_SCREENSHOTS === '1' ? join(import.meta.dirname, '..', '..', 'docs', 'screenshots') : null;

/** Imported text with markup: it must show as text, and never run. */
const MARKUP_TITLE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> openssl in <b>bold</b>';
const MARKUP_RULE = 'test.markup-in-title';

const dir = mkdtempSync(join(tmpdir(), 'ms-browser-'));
let t: TestDb;
let app: FastifyInstance;
let base: string;
let browser: Browser;
let logins: DemoLogin[];
let markupId: number;
let markupOwner: string;
/** Page-level errors and CSP violations seen by any page: the app must produce none. */
const problems: string[] = [];

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.waitForTimeout(400); // charts finish drawing
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) problems.push(`csp: ${m.text()}`);
  });
  return { context, page };
}

async function logIn(page: Page, login: DemoLogin): Promise<void> {
  await page.goto(`${base}/`);
  // Not logged in: the server sends the browser to the login form.
  await page.waitForURL(`${base}/login`);
  await page.fill('input[name=name]', login.name);
  await page.fill('input[name=password]', login.password);
  await Promise.all([page.waitForURL(`${base}/`), page.click('button[type=submit]')]);
  await page.getByTestId('who').waitFor();
}

describe.skipIf(!HAVE_CHROMIUM)('the dashboard in a browser', () => {
  let admin: { context: BrowserContext; page: Page };

  beforeAll(async () => {
    t = await createTestDb();
    await runDemo(t.db, { scale: 1, seed: 11, dataDir: join(dir, 'data') });
    logins = await ensureDemoUsers(t.db);
    // The markup finding belongs to the first team; the member test logs in as another one.
    markupOwner = logins[1]!.tenant!;
    const [asset] = await t.db.query<{ uid: string }>(`select uid from assets where owner = $1 and kind = 'aws.ec2.instance' order by uid limit 1`, [markupOwner]);
    const [row] = await t.db.query<{ id: number }>(
      `insert into findings (fingerprint, kind, rule_id, title, severity, risk_score, asset_uid, owner, evidence, source, content_hash, first_seen, last_seen)
       values ('browser-markup', 'config', $1, $2, 'low', 1, $3, $4, $5, 'test', 'h', now(), now()) returning id`,
      [MARKUP_RULE, MARKUP_TITLE, asset!.uid, markupOwner, { note: '<script>alert(1)</script>' }]);
    markupId = row!.id;
    app = await buildServer({ db: t.db });
    base = (await app.listen({ port: 0, host: '127.0.0.1' })).replace('[::1]', '127.0.0.1');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    admin = await newPage();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await t?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('logs in through the form; the page comes with a strict CSP and security headers', async () => {
    const { page } = admin;
    await logIn(page, logins[0]!);
    const res = await page.request.get(`${base}/`, { headers: { accept: 'text/html' } });
    expect(res.status()).toBe(200);
    const h = res.headers();
    expect(h['content-security-policy']).toContain("script-src 'self'");
    expect(h['content-security-policy']).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toBe('no-referrer');
    // No inline script in the page: everything comes from hashed, long-cached files.
    const html = await res.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const script = /src="(\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeTruthy();
    const asset = await page.request.get(`${base}${script}`);
    expect(asset.headers()['cache-control']).toContain('immutable');
    expect((await page.request.get(`${base}/static/..%2fpackage.json`)).status()).toBe(404);
  });

  it('the dashboard shows the posture and the top risks; a top risk drills down to its asset', async () => {
    const { page } = admin;
    await page.getByTestId('top-risks').waitFor();
    await page.locator('canvas').first().waitFor();
    await shot(page, 'dashboard');
    const risks = page.getByTestId('top-risks').locator('li');
    expect(await risks.count()).toBeGreaterThan(0);
    await risks.locator('.asset-link').first().click();
    await page.getByTestId('asset-name').waitFor();
    expect(page.url()).toContain('/assets/');
    await expect.poll(() => page.getByTestId('asset-owner').textContent()).not.toBe('');
    await shot(page, 'asset');
  });

  it('from the asset on to its attack path, drawn, each hop opening its evidence', async () => {
    const { page } = admin;
    // The demo plants attack paths: none found is a failure, not a reason to skip.
    const paths = await (await page.request.get(`${base}/api/v1/paths?limit=5`)).json() as { items: { id: number; title: string }[] };
    expect(paths.items.length).toBeGreaterThan(0);
    // The top risk's asset page lists the paths through it; the riskiest findings of the demo are paths.
    const onAsset = page.locator('main .path-link');
    await page.locator('main .path-link, main :text("on no known attack path")').first().waitFor();
    if (await onAsset.count() === 0) await page.goto(`${base}/paths`);
    await page.locator('main .path-link').first().click();
    await page.getByTestId('path-graph').locator('canvas').first().waitFor();
    await page.getByTestId('path-hops').locator('button').first().click();
    const id = Number(/\/paths\/(\d+)/.exec(page.url())![1]);
    const path = await (await page.request.get(`${base}/api/v1/paths/${id}`)).json() as { edges: { evidence?: { text?: string } }[] };
    await expect.poll(() => page.locator('.evidence p').first().textContent()).toBe(path.edges[0]!.evidence?.text ?? 'no explanation recorded');
    await shot(page, 'attack-path');
  });

  it('imported markup renders as text in the alert center and on the finding page, and never runs', async () => {
    const { page } = admin;
    await page.goto(`${base}/alerts?rule=${MARKUP_RULE}`);
    const title = page.getByTestId('findings-table').locator('.finding-title').first();
    await expect.poll(() => title.textContent()).toBe(MARKUP_TITLE);
    await page.goto(`${base}/findings/${markupId}`);
    await expect.poll(() => page.getByTestId('finding-title').textContent()).toBe(MARKUP_TITLE);
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('main img, main b').count()).toBe(0);
  });

  it('the alert center ranks findings with why-first reasons, and bulk triage changes them', async () => {
    const { page } = admin;
    await page.goto(`${base}/alerts`);
    const rows = page.getByTestId('findings-table').locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(10);
    // "Why first": the strongest factor of the riskiest finding is spelled out on its row.
    const firstId = Number(await rows.first().getAttribute('data-finding-id'));
    const [scored] = await t.db.query<{ risk_factors: { factors?: { reason?: string; contribution?: number }[] } | null }>('select risk_factors from findings where id = $1', [firstId]);
    const top = [...(scored?.risk_factors?.factors ?? [])].sort((a, b) => (b.contribution ?? 0) - (a.contribution ?? 0))[0];
    // Every finding is scored with its factors; the riskiest one's strongest reason is on its row.
    expect(top?.reason).toBeTruthy();
    await expect.poll(() => rows.first().locator('.why-cell').textContent()).toContain(top!.reason!);
    await shot(page, 'alert-center');
    const ids = [await rows.nth(0).getAttribute('data-finding-id'), await rows.nth(1).getAttribute('data-finding-id')].map(Number);
    await rows.nth(0).locator('input[type=checkbox]').check();
    await rows.nth(1).locator('input[type=checkbox]').check();
    await page.selectOption('select[aria-label="triage state"]', 'acknowledged');
    await page.click('form[aria-label="bulk triage"] button[type=submit]');
    await expect.poll(() => page.getByRole('status').textContent()).toContain('2 findings set to acknowledged');
    const stored = await t.db.query<{ id: number; triage: string }>('select id, triage from findings where id = any($1) order by id', [ids]);
    expect(stored.map((r) => r.triage)).toEqual(['acknowledged', 'acknowledged']);
    await expect.poll(() => page.locator(`tr[data-finding-id="${ids[0]}"] .triage-cell`).textContent()).toBe('acknowledged');
  });

  it('the SQL console runs a query with the schema at hand', async () => {
    const { page } = admin;
    await page.goto(`${base}/sql`);
    await page.getByText('v_findings', { exact: true }).waitFor();
    await page.fill('textarea', `select count(*)::int as open_findings from v_findings where status = 'open'`);
    await page.click('form[aria-label=sql] button[type=submit]');
    const cell = page.getByTestId('sql-result').locator('tbody td').first();
    const [want] = await t.db.query<{ n: number }>(`select count(*)::int as n from findings where status = 'open'`);
    await expect.poll(() => cell.textContent()).toBe(String(want!.n));
    await shot(page, 'sql-console');
  });

  it('a team member sees only its own team\'s findings', async () => {
    const member = logins.find((l) => l.role === 'member' && l.tenant !== markupOwner)!;
    const own = new Set(await tenantOwners(t.db, member.tenant!));
    const { context, page } = await newPage();
    try {
      await logIn(page, member);
      await expect.poll(() => page.getByTestId('who').textContent()).toContain(member.tenant!);
      await page.goto(`${base}/alerts?status=all`);
      const owners = page.getByTestId('findings-table').locator('.owner-cell');
      await owners.first().waitFor();
      const seen = new Set(await owners.allTextContents());
      expect([...seen].filter((o) => !own.has(o))).toEqual([]);
      await shot(page, 'team-view');
      // Another team's finding is absent from the list and refused by id.
      await page.goto(`${base}/alerts?rule=${MARKUP_RULE}&status=all`);
      await page.getByText('No findings match.').waitFor();
      await page.goto(`${base}/findings/${markupId}`);
      await page.getByText('is not yours to see').waitFor();
      expect(await page.content()).not.toContain('openssl in');
      await page.goto(`${base}/owners`);
      // The table fills in once the API answers: wait for its first row before reading them all.
      const cells = page.locator('main table tbody tr td:first-child');
      await cells.first().waitFor();
      const teams = await cells.allTextContents();
      expect(teams.length).toBeGreaterThan(0);
      expect(teams.some((n) => n.toLowerCase().includes(markupOwner.toLowerCase()))).toBe(false);
      // Logging out ends the session: back to the form, and the API refuses the old cookie.
      await Promise.all([page.waitForURL(`${base}/login`), page.getByRole('button', { name: 'Log out' }).click()]);
      expect((await page.request.get(`${base}/api/v1/me`)).status()).toBe(401);
    } finally {
      await context.close();
    }
  });

  it('a one-time login link lands on the dashboard logged in, once', async () => {
    const link = `${base}/auth/once?token=${await createOneTimeLogin(t.db, 'admin')}`;
    const { context, page } = await newPage();
    try {
      await page.goto(link);
      await page.getByTestId('who').waitFor();
      expect(page.url()).toBe(`${base}/`);
      const again = await (await browser.newContext()).request.get(link, { maxRedirects: 0 });
      expect(again.status()).toBe(401);
    } finally {
      await context.close();
    }
  });

  it('no page raised an error or a CSP violation', () => {
    expect(problems).toEqual([]);
  });
});
