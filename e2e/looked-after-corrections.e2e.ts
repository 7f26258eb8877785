import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../src/domain/calendar/date-arithmetic.js';
import { todayInEngland } from '../src/platform/today.js';
import { formatDate } from '../src/platform/view-filters.js';
import { accessibilityViolations } from './support/accessibility.js';
import { button, clickThrough, expectHeading, firstAllocatedChild, pathOf, signIn, textOf } from './support/actions.js';
import { usePage } from './support/browser.js';
import { chromiumInstalled } from './support/chromium.js';
import { fillDate } from './support/forms.js';
import { saveScreenshot } from './support/screenshots.js';

const today = todayInEngland();
const startedOn = addCalendarDays(today, -20);
const movedOn = addCalendarDays(today, -10);
const reallyMovedOn = addCalendarDays(today, -8);

/** Makes the child looked after (if they are not) and moves them, as their social worker would. */
async function lookedAfterAndMoved(page: Page, personId: string): Promise<void> {
  await page.goto(`/children/${personId}/looked-after`);
  if (await page.getByRole('link', { name: 'Start a period of care' }).isVisible()) {
    await clickThrough(page.getByRole('link', { name: 'Start a period of care' }));
    await fillDate(page, 'startedOn', startedOn);
    await page.getByLabel('Legal status').selectOption('V2');
    await page.getByLabel('Category of need').selectOption('N1');
    await page.getByLabel('Placement type').selectOption('U6');
    await page.getByLabel('Placement provider').selectOption('PR1');
    await page.getByLabel('Carer or home').fill('The Fosters');
    await clickThrough(button(page, 'Save'));
  }
  await clickThrough(page.getByRole('link', { name: 'Move to a new placement' }));
  await fillDate(page, 'changedOn', movedOn);
  const reason = page.getByLabel('Why is the current placement ending?');
  if (await reason.isVisible()) await reason.selectOption('CREQB');
  await page.getByLabel('Placement type').selectOption('U4');
  await page.getByLabel('Placement provider').selectOption('PR4');
  await page.getByLabel('Carer or home').fill('The Greens');
  await clickThrough(button(page, 'Save'));
  expect(pathOf(page)).toBe(`/children/${personId}/looked-after`);
}

describe.skipIf(!chromiumInstalled)('correcting a placement recorded wrongly', () => {
  const page = usePage();

  it('the social worker changes the move date from the care page; the episodes follow and the chronology says who and why', async () => {
    await signIn(page(), 'social.worker');
    const child = await firstAllocatedChild(page());
    await clickThrough(child.link);
    const personId = pathOf(page()).split('/')[2] ?? '';
    await lookedAfterAndMoved(page(), personId);

    await clickThrough(page().getByRole('link', { name: 'Change the current placement, if recorded wrongly' }));
    await expectHeading(page(), 'Change a placement');
    expect(await page().getByLabel('Carer or home').inputValue()).toBe('The Greens');
    await clickThrough(button(page(), 'Save the correction'));
    const summary = page()
      .getByRole('alert')
      .filter({ has: page().getByRole('heading', { name: 'There is a problem' }) });
    expect(await textOf(summary)).toContain('Enter why you are correcting this');
    expect(await accessibilityViolations(page())).toEqual([]);

    await fillDate(page(), 'startedOn', reallyMovedOn);
    await page().getByLabel('Why are you correcting this?').fill('The move was two days later than typed');
    await saveScreenshot(page(), 'looked-after-correct-placement');
    await clickThrough(button(page(), 'Save the correction'));
    expect(pathOf(page())).toBe(`/children/${personId}/looked-after`);
    const episodes = await textOf(page().getByRole('table', { name: 'SSDA903 episodes' }));
    expect(episodes).toContain(formatDate(reallyMovedOn));

    await clickThrough(page().getByRole('link', { name: /^Remove placement U4/ }));
    await expectHeading(page(), /^Remove the placement from/);
    expect(await accessibilityViolations(page())).toEqual([]);
    await saveScreenshot(page(), 'looked-after-remove-placement');

    await page().goto(`/children/${personId}/chronology?kind=correction`);
    expect(await textOf(page().locator('main'))).toContain('The move was two days later than typed');
  });
});
