import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../src/domain/calendar/date-arithmetic.js';
import { handoverDayOf } from '../src/features/out-of-hours/handover/service.js';
import { instantInEngland } from '../src/platform/england-time.js';
import { todayInEngland } from '../src/platform/today.js';
import { formatDate, formatDateTime } from '../src/platform/view-filters.js';
import { button, clickThrough, expectHeading, signIn, signOut, textOf } from './support/actions.js';
import { usePage } from './support/browser.js';
import { chromiumInstalled } from './support/chromium.js';
import { chooseChild, fillDate } from './support/forms.js';

/** The "Calls" total on the figures page, for the 14 nights up to last night. */
async function callsInFigures(page: Page): Promise<number> {
  await page.goto('/out-of-hours/figures');
  await expectHeading(page, 'Out-of-hours figures');
  const row = page.locator('.govuk-summary-list__row').filter({ has: page.getByText('Calls', { exact: true }) });
  return Number(await textOf(row.locator('.govuk-summary-list__value')));
}

describe.skipIf(!chromiumInstalled)('out of hours', () => {
  const page = usePage();

  it('out-of-hours call → handover accepted next morning: answered and abandoned calls logged, handed over, accepted, counted', async () => {
    const p = page();
    const lastNight = addCalendarDays(todayInEngland(), -1);
    const answeredCallAt = instantInEngland(lastNight, '23:17');
    const abandonedCallAt = instantInEngland(lastNight, '23:41');

    await signIn(p, 'out.of.hours');
    const callsBefore = await callsInFigures(p);

    // An answered call last night about a child allocated to Assessment Team North.
    await clickThrough(p.getByRole('link', { name: 'Out of hours', exact: true }));
    await expectHeading(p, 'Out-of-hours call log');
    await clickThrough(button(p, 'Record a call'));
    await expectHeading(p, 'Which children is the call about?');
    const child = await chooseChild(p, 'DEMO00001');
    await clickThrough(button(p, 'Continue'));
    await expectHeading(p, 'Call details');
    await fillDate(p, 'receivedDate', lastNight);
    await p.getByLabel('Time', { exact: true }).fill('23:17');
    await p.getByLabel('Answered', { exact: true }).check();
    await fillDate(p, 'answeredDate', lastNight);
    await p.getByLabel('Time answered').fill('23:19');
    await p.getByLabel('Caller', { exact: true }).selectOption({ label: 'Police' });
    await p.getByLabel('Name (optional)').fill('PC Harding');
    await p.getByLabel('What was the call about?').fill('Police called to a domestic incident; the child was at home and frightened.');
    await p.getByLabel('Visit', { exact: true }).check();
    await p.getByRole('group', { name: 'Was a visit needed?' }).getByLabel('Yes').check();
    await p
      .getByLabel('Outcome')
      .fill('Visited with police; the child stayed with an aunt overnight under a safety plan. Day team to visit.');
    await clickThrough(button(p, 'Save call'));
    await expectHeading(p, `Call at ${formatDateTime(answeredCallAt)}`);
    const handoverDay = handoverDayOf(answeredCallAt);
    const handedOver = await textOf(p.getByRole('list').filter({ hasText: 'Assessment Team North' }));
    expect(handedOver).toContain(`Assessment Team North, about ${child}, for ${formatDate(handoverDay)}`);
    expect(handedOver).toContain('Waiting');

    // An abandoned call, not lost: recorded with a call-back attempt.
    await p.goto('/out-of-hours/calls/new');
    await clickThrough(button(p, 'Continue without a known child'));
    await fillDate(p, 'receivedDate', lastNight);
    await p.getByLabel('Time', { exact: true }).fill('23:41');
    await p.getByLabel('Abandoned (caller rang off before it was answered)').check();
    await p.getByLabel('Caller', { exact: true }).selectOption({ label: 'Not known (call not answered)' });
    await p.getByLabel('Number to call back (optional)').fill('07700 900123');
    await p.getByRole('group', { name: 'Was a visit needed?' }).getByLabel('No').check();
    await clickThrough(button(p, 'Save call'));
    await expectHeading(p, `Call at ${formatDateTime(abandonedCallAt)}`);
    expect(await textOf(p.locator('main'))).toContain('No call-backs yet.');
    await fillDate(p, 'attemptedDate', lastNight);
    await p.getByLabel('Time', { exact: true }).fill('23:55');
    await p.getByLabel('Left a message').check();
    await clickThrough(button(p, 'Record call-back'));
    expect(await textOf(p.locator('main'))).toContain(
      `${formatDateTime(instantInEngland(lastNight, '23:55'))}: Left a message (Grace Mensah)`,
    );

    // Both are in the call log.
    await p.goto('/out-of-hours/calls');
    const log = p.getByRole('table', { name: /^Calls in the last/ });
    expect(await textOf(log.getByRole('row').filter({ hasText: formatDateTime(answeredCallAt) }))).toContain(child);
    expect(await textOf(log.getByRole('row').filter({ hasText: formatDateTime(abandonedCallAt) }))).toContain('1 call-back attempt');
    await signOut(p);

    // Next morning, the child's team accepts the handover and it leaves the waiting list.
    await signIn(p, 'team.manager');
    await clickThrough(p.getByRole('link', { name: 'Handover', exact: true }));
    await expectHeading(p, 'Out-of-hours handover: Assessment Team North');
    const waitingBefore = Number(await textOf(p.locator('main .hearth-count').first()));
    const card = p.locator('.govuk-summary-card').filter({
      has: p.getByRole('heading', { name: `${child}: call at ${formatDateTime(answeredCallAt)}` }),
    });
    expect(await textOf(card)).toContain('Answered; caller: Police; worker: Grace Mensah');
    const today = todayInEngland();
    expect(await textOf(card.locator('.govuk-tag'))).toBe(
      handoverDay === today
        ? 'Waiting: for today'
        : handoverDay < today
          ? `Waiting since ${formatDate(handoverDay)}`
          : `Waiting: for ${formatDate(handoverDay)}`,
    );
    await clickThrough(card.getByRole('button', { name: `Accept the handover of the call at ${formatDateTime(answeredCallAt)}` }));
    expect(await textOf(card.locator('.govuk-tag'))).toMatch(/^Accepted by James Whitfield, /);
    expect(await card.getByRole('button').count()).toBe(0);
    expect(Number(await textOf(p.locator('main .hearth-count').first()))).toBe(waitingBefore - 1);
    await signOut(p);

    // The head of service's figures count both calls.
    await signIn(p, 'service.manager');
    expect(await callsInFigures(p)).toBe(callsBefore + 2);
  });
});
