import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { type Browser, chromium, type Page } from 'playwright-core';

/** The page's globals, for the functions run in the browser (the tests compile without the DOM library). */
declare const document: {
  querySelector(selector: string): { textContent: string | null } | null;
  querySelectorAll(selector: string): Iterable<{ textContent: string | null }>;
};
import { BROWSER_SKIP_REASON, CHROMIUM } from '../utils/global-setup.js';
import { PLATFORMS } from '../utils/platforms.js';
import { createSampleApp } from '../utils/sample-app.js';

/** The sample in a real browser: htmx swaps the book list's results block and pushes the URL. */
const describeInBrowser = BROWSER_SKIP_REASON ? describe.skip : describe;

describeInBrowser(`the sample's book list in Chromium${BROWSER_SKIP_REASON ? ` (${BROWSER_SKIP_REASON})` : ''}`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 60_000);
  afterAll(() => browser?.close());

  describe.each(PLATFORMS)('on %s', (platform) => {
    let app: INestApplication;
    let base: string;
    let page: Page;
    const htmxRequests: string[] = [];

    beforeAll(async () => {
      app = await createSampleApp(platform);
      await app.listen(0, '127.0.0.1');
      base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
      page = await browser.newPage();
      page.on('request', (request) => {
        if (request.headers()['hx-request'] === 'true') htmxRequests.push(new URL(request.url()).search);
      });
    }, 60_000);
    afterAll(async () => {
      await page?.close();
      await app?.close();
    });

    const firstTitle = () => page.locator('#results tbody tr').first().locator('td').first().innerText();

    it('clicks "next": htmx swaps only the results and pushes ?page=2', async () => {
      await page.goto(`${base}/books/`);
      await page.waitForFunction('"htmx" in window');
      // A mark on the page and on the heading: a full load would lose both.
      await page.evaluate('window.mark = 1; document.querySelector("h1").dataset.mark = "kept"');
      const before = await firstTitle();
      await page.click('#results a[rel="next"]');
      await page.waitForURL(/\/books\/\?page=2$/);
      await page.waitForFunction((title) => document.querySelector('#results tbody td')?.textContent !== title, before);
      expect(await page.evaluate('window.mark')).toBe(1);
      expect(await page.getAttribute('h1', 'data-mark')).toBe('kept');
      // Only the results came: no second layout inside them.
      expect(await page.locator('h1').count()).toBe(1);
      expect(await page.locator('#results nav a', { hasText: 'Home' }).count()).toBe(0);
      expect(await page.locator('#results [aria-current="page"]').innerText()).toBe('2');
      expect(await page.locator('#results tbody tr').count()).toBe(20);
      expect(htmxRequests).toContain('?page=2');
    }, 30_000);

    it('searches by title as the user types, with the search in the URL', async () => {
      await page.goto(`${base}/books/`);
      await page.waitForFunction('"htmx" in window');
      const word = (await firstTitle()).split(' ').at(-1)!;
      await page.fill('input[name="q"]', word);
      await page.waitForURL((url) => url.searchParams.get('q') === word);
      await page.waitForFunction(
        (term) =>
          [...document.querySelectorAll('#results tbody tr td:first-child')].every((cell) =>
            cell.textContent!.toLowerCase().includes(term),
          ),
        word.toLowerCase(),
      );
      const titles = await page.locator('#results tbody tr td:first-child').allInnerTexts();
      expect(titles.length).toBeGreaterThan(0);
      for (const title of titles) expect(title.toLowerCase()).toContain(word.toLowerCase());
      expect(await page.inputValue('input[name="q"]')).toBe(word);
    }, 30_000);
  });
});
