// The sample network's featured dealer's HTML statement, with its four charts rendered to SVG by
// Vega, opened in a real headless Chromium (Debian's, driven by playwright-core): the page loads
// with no console error and no request (it is self-contained), every figure of the statement is in
// the rendered text, nothing is wider than an A4 page, it prints to A4, and its screenshot matches
// the saved one within a tolerance. DEALERKIT_UPDATE_SCREENSHOTS=1 rewrites the saved screenshot.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDealerStatements, formatDealerStatement, type DealerStatement } from 'dealerkit/statements';
import { FEATURED_DEALER, statementChartSpecs, statementConfig, statementInputs } from '../../examples/demo/statements.js';
import { render } from '../charts/render.js';
import { decodeScreenshot, differingShare } from './png.js';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** A4 at 96 CSS pixels an inch: 210 mm = 793.7 px. */
const A4_WIDTH = 794;
const SAVED = 'test/statements/__screenshots__/D02-2025-Q4.png';
/** Pixels that may differ (anti-aliasing, font hinting) before the page counts as changed. */
const TOLERANCE = 0.01;

let context: BrowserContext;
let profile: string;
let statement: DealerStatement;
let html: string;
const consoleErrors: string[] = [];
const requests: string[] = [];
let text = '';
let screenshot: Buffer;
let pdf: Buffer;
let widest = 0;
let svgs = 0;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does`);
  const run = buildDealerStatements(statementConfig, statementInputs());
  statement = run.rows.find((r) => r.id === FEATURED_DEALER)!.result!;
  const charts: Record<string, string> = {};
  for (const [key, spec] of Object.entries(statementChartSpecs(statement))) charts[key] = (await render(spec)).svg;
  html = formatDealerStatement(statement, { format: 'html', charts });
  profile = mkdtempSync(join(tmpdir(), 'dealerkit-chromium-'));
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: A4_WIDTH, height: 1123 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  await page.setContent(html, { waitUntil: 'load' });
  text = await page.innerText('body');
  svgs = await page.locator('figure.chart svg').count();
  // The right edge of the page and of every element in it, in CSS pixels.
  widest = await page.evaluate<number>(`Math.max(document.documentElement.scrollWidth, ...Array.from(document.querySelectorAll('body *'), (el) => el.getBoundingClientRect().right))`);
  screenshot = await page.screenshot({ fullPage: true, animations: 'disabled' });
  await page.emulateMedia({ media: 'print' });
  pdf = await page.pdf({ format: 'A4', printBackground: true });
}, 120_000);

afterAll(async () => {
  await context?.close();
  if (profile !== undefined) rmSync(profile, { recursive: true, force: true });
});

describe(`the HTML statement of ${FEATURED_DEALER} in Chromium`, () => {
  it('loads with no console error and fetches nothing (one self-contained page)', () => {
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
    expect(html).not.toMatch(/<script|<link|@import|url\(|src=/i);
  });

  it('shows every figure of the statement in its rendered text', () => {
    expect(statement.figures.length).toBeGreaterThan(40);
    // A KPI line's figures are cells of the indicators table, under the KPI's label.
    const label = (f: (typeof statement.figures)[number]) => (f.key.startsWith('scorecard.kpi.') ? f.label.split(':')[0]! : f.label);
    const missing = statement.figures.filter((f) => !text.includes(label(f)) || !text.includes(f.text)).map((f) => `${f.key}: ${f.label} ${f.text}`);
    expect(missing).toEqual([]);
  });

  it('places the four charts in their sections', () => {
    expect(svgs).toBe(4);
    for (const caption of ['Cumulative sales against the plan', 'KPI points against target (100)', 'The rebate curve and where the dealer stands', 'Stock position against safety stock, reorder point and maximum']) {
      expect(text).toContain(caption);
    }
  });

  it('is no wider than an A4 page and prints on A4', () => {
    expect(widest).toBeLessThanOrEqual(A4_WIDTH);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)!.length).toBeGreaterThanOrEqual(2);
  });

  it('looks as it did: the screenshot matches the saved one within 1 % of its pixels', () => {
    const now = decodeScreenshot(screenshot);
    expect(now.width).toBe(A4_WIDTH);
    if (process.env.DEALERKIT_UPDATE_SCREENSHOTS === '1') writeFileSync(SAVED, screenshot);
    if (!existsSync(SAVED)) throw new Error(`${SAVED} is missing: run with DEALERKIT_UPDATE_SCREENSHOTS=1 to save the current one`);
    const saved = decodeScreenshot(readFileSync(SAVED));
    const share = differingShare(now, saved);
    if (share > TOLERANCE) writeFileSync(join(tmpdir(), 'dealerkit-D02-2025-Q4.now.png'), screenshot);
    // The comparison itself notices a change: the same page with a band of it painted over differs.
    const painted = { ...now, rgba: now.rgba.slice() };
    painted.rgba.fill(0, 0, Math.ceil(now.rgba.length * 0.02));
    expect(differingShare(painted, now)).toBeGreaterThan(TOLERANCE);
    expect(differingShare(now, now)).toBe(0);
    expect(share, `differs from ${SAVED} in ${(share * 100).toFixed(2)} % of its pixels (now at ${join(tmpdir(), 'dealerkit-D02-2025-Q4.now.png')})`).toBeLessThanOrEqual(TOLERANCE);
  });
});
