import { describe, expect, it } from 'vitest';
import { accessibilityViolations } from './support/accessibility.js';
import { narrowScreen, usePage } from './support/browser.js';
import { chromiumInstalled } from './support/chromium.js';
import { measureWidth } from './support/layout.js';
import { hearthPages } from './support/pages.js';
import { saveScreenshot } from './support/screenshots.js';

/**
 * Each page is opened once, then checked twice: axe-core's WCAG 2.2 AA rules on a desktop screen,
 * and no sideways scrolling on a small phone. A screenshot of each width goes to e2e/screenshots/.
 */
describe.skipIf(!chromiumInstalled)('every page', () => {
  const page = usePage();

  for (const hearthPage of hearthPages) {
    it(`${hearthPage.name}: no axe-core violations, fits a ${narrowScreen.width} px screen`, async () => {
      await hearthPage.open(page());
      await saveScreenshot(page(), hearthPage.name);
      expect.soft(await accessibilityViolations(page()), 'axe-core violations (rule, help, where)').toEqual([]);

      await page().setViewportSize(narrowScreen);
      await saveScreenshot(page(), hearthPage.name);
      const width = await measureWidth(page());
      expect
        .soft(width.scrollWidth, `scrolls sideways; too wide: ${width.widerThanWindow.join(', ')}`)
        .toBeLessThanOrEqual(narrowScreen.width);
    });
  }
});
