import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';

interface Viewport {
  width: number;
  height: number;
}

export const desktop: Viewport = { width: 1280, height: 800 };
/** A small phone: the narrowest screen Hearth must work on without scrolling sideways. */
export const narrowScreen: Viewport = { width: 360, height: 740 };

/**
 * Connects the test file to the run's Chromium and gives every test a new context (no cookies,
 * so nobody is signed in) with one page on Hearth, 1280 px wide. Call inside a describe block.
 */
export function usePage(): () => Page {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;

  beforeAll(async () => {
    browser = await chromium.connect(inject('browserEndpoint'));
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    if (!browser) throw new Error('The browser is not connected');
    context = await browser.newContext({ baseURL: inject('hearthUrl'), viewport: desktop });
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
  });

  return () => {
    if (!page) throw new Error('usePage() gives a page only while a test runs');
    return page;
  };
}
