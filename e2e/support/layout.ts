import type { Page } from 'playwright-core';

export interface PageWidth {
  /** The width of the whole page: more than the window's means scrolling sideways. */
  scrollWidth: number;
  /** The first few elements that stick out past the window's right edge, to say what to fix. */
  widerThanWindow: string[];
}

export function measureWidth(page: Page): Promise<PageWidth> {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    widerThanWindow: [...document.body.querySelectorAll('*')]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth)
      .slice(0, 5)
      .map(
        (element) =>
          `${[element.tagName.toLowerCase(), ...element.classList].join('.')} (${Math.round(element.getBoundingClientRect().right)} px)`,
      ),
  }));
}
