import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { calendar } from '../src/features/clocks/service.js';
import { todayInEngland } from '../src/platform/today.js';
import { accessibilityViolations } from './support/accessibility.js';
import { button, clickThrough, expectHeading, pathOf, signIn, signOut, textOf } from './support/actions.js';
import { usePage } from './support/browser.js';
import { chromiumInstalled } from './support/chromium.js';
import { fillDate } from './support/forms.js';

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "14 July 2026" as 2026-07-14. */
function isoFrom(spoken: string): string {
  const [day, month, year] = spoken.split(' ');
  return `${year}-${String(months.indexOf(month ?? '') + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A child of the social worker whose referral, received on or before `receivedBy`, is waiting
 * for its assessment (the demo leaves one), with the referral date.
 */
async function childAwaitingAssessment(page: Page, receivedBy: string): Promise<{ path: string; referredOn: string }> {
  const links = page.getByRole('table', { name: /^Children allocated to you/ }).getByRole('link');
  const paths = (await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).filter((h) =>
    /^\/children\/[0-9a-f-]{36}$/.test(h),
  );
  for (const path of paths) {
    await page.goto(`${path}/casework`);
    const assessment = await textOf(page.locator('.govuk-task-list__item').filter({ hasText: 'Child and family assessment' }));
    const received = /Received (\d+ \w+ \d{4})/.exec(await textOf(page.locator('.govuk-task-list__item').first()))?.[1];
    if (assessment.includes('Not yet started') && received && isoFrom(received) <= receivedBy)
      return { path, referredOn: isoFrom(received) };
  }
  throw new Error('The demo has no child of the social worker with a referral waiting for its assessment');
}

describe.skipIf(!chromiumInstalled)('assessment and child protection', () => {
  const page = usePage();
  let childPath = '';
  const checked = new Set<string>();
  /** axe on each new kind of page, once. */
  const accessible = async (p: Page, name: string) => {
    if (checked.has(name)) return;
    checked.add(name);
    expect(await accessibilityViolations(p), name).toEqual([]);
  };

  it('referral → assessment → strategy discussion → S47 → conference → plan → first review, with the clocks running', async () => {
    const p = page();
    const today = todayInEngland();
    await signIn(p, 'social.worker');
    const { path: child, referredOn } = await childAwaitingAssessment(p, calendar.addWorkingDays(today, -9));
    const day = (n: number) => calendar.addWorkingDays(referredOn, n);
    childPath = child;

    // From the child's record to where the child is.
    await p.goto(child);
    await clickThrough(p.getByRole('link', { name: 'Where the child is', exact: true }));
    await expectHeading(p, 'Where the child is');
    await accessible(p, 'where the child is');

    // The worker starts the assessment; a start date before the referral is refused.
    await clickThrough(p.getByRole('link', { name: 'Assessments', exact: true }));
    await expectHeading(p, 'Assessments');
    await accessible(p, 'assessments');
    expect(await textOf(p.locator('main'))).toMatch(/must be authorised by \d+ \w+ \d{4} \(45 working days\)/);
    await clickThrough(button(p, 'Start an assessment'));
    await expectHeading(p, 'Start an assessment');
    await accessible(p, 'start an assessment');
    await fillDate(p, 'startedOn', calendar.addWorkingDays(referredOn, -1));
    await clickThrough(button(p, 'Start assessment'));
    expect(await textOf(p.locator('.govuk-error-summary'))).toContain('cannot be before the referral');
    await accessible(p, 'start an assessment with errors');
    await fillDate(p, 'startedOn', day(1));
    await clickThrough(button(p, 'Start assessment'));
    await expectHeading(p, 'Child and family assessment');
    await accessible(p, 'assessment');
    const assessmentPath = pathOf(p);

    // Findings: factors identified and the outcome, sent to the manager.
    await clickThrough(button(p, 'Record the findings and send for authorisation'));
    await expectHeading(p, 'Send the assessment for authorisation');
    await accessible(p, 'send for authorisation');
    await p.getByLabel('3B: Domestic violence/abuse - parent/carer is subject').check();
    await p.getByLabel('18C: Physical abuse - adult on child').check();
    await p.getByLabel('Strategy discussion (significant harm suspected)').check();
    await clickThrough(button(p, 'Send for authorisation'));
    expect(await textOf(p.locator('main'))).toContain('With the manager for authorisation');
    await signOut(p);

    // The team manager authorises it: the 45-working-day clock stops.
    await signIn(p, 'team.manager');
    await p.goto(assessmentPath);
    await clickThrough(button(p, 'Authorise'));
    await expectHeading(p, 'Authorise the assessment');
    await accessible(p, 'authorise');
    await fillDate(p, 'authorisedOn', day(2));
    await p.getByLabel('Why you are authorising it').fill('Clear evidence of domestic abuse and an injury: strategy discussion needed.');
    await clickThrough(button(p, 'Authorise'));
    expect(await textOf(p.locator('main'))).toContain('by James Whitfield');
    await signOut(p);

    // Strategy discussion with police and health starts the section 47 enquiry and the conference clock.
    await signIn(p, 'social.worker');
    await p.goto(`${child}/casework/child-protection`);
    await expectHeading(p, 'Child protection');
    await accessible(p, 'child protection');
    await clickThrough(button(p, 'Record a strategy discussion'));
    await expectHeading(p, 'Record a strategy discussion');
    await accessible(p, 'strategy discussion');
    await fillDate(p, 'heldOn', day(2));
    await p.getByLabel('Start a section 47 enquiry').check();
    await p.getByLabel('Why', { exact: true }).fill('Bruising on the arm; father’s account does not fit the injury.');
    await clickThrough(button(p, 'Save strategy discussion'));
    await expectHeading(p, 'Child protection');
    expect(await textOf(p.locator('main'))).toMatch(/Initial child protection conference: due by/);

    // The enquiry's outcome: a conference is needed.
    await clickThrough(p.getByRole('link', { name: 'Record the outcome' }));
    await expectHeading(p, 'Record the outcome of the section 47 enquiry');
    await accessible(p, 'section 47 outcome');
    await fillDate(p, 'completedOn', day(3));
    await p.getByLabel(/Concerns substantiated: child likely to suffer significant harm/).check();
    await clickThrough(button(p, 'Save outcome'));

    // The initial conference decides on a plan under physical abuse.
    await clickThrough(button(p, 'Record the initial conference'));
    await expectHeading(p, 'Record the initial child protection conference');
    await accessible(p, 'initial conference');
    await fillDate(p, 'heldOn', day(4));
    await p.getByLabel('The child needs a child protection plan').check();
    await p.getByLabel('Category of abuse').selectOption('PHY');
    await clickThrough(button(p, 'Save conference'));
    const main = await textOf(p.locator('main'));
    expect(main).toContain('First core group meeting: due by');
    expect(main).toContain('Physical abuse');

    // The first review conference.
    await clickThrough(button(p, 'Record a review conference'));
    await expectHeading(p, 'Record a review child protection conference');
    await accessible(p, 'review conference');
    await fillDate(p, 'heldOn', day(4));
    await p.getByLabel('The plan continues').check();
    await clickThrough(button(p, 'Save review'));
    expect(await textOf(p.locator('.govuk-error-summary'))).toContain('The review must be after the plan started');
    await fillDate(p, 'heldOn', day(8));
    await clickThrough(button(p, 'Save review'));
    await expectHeading(p, 'Child protection');
    expect(await textOf(p.locator('main'))).toContain('Subsequent review CP conferences: due by');

    // Where the child is now: on a plan, reviewed.
    await clickThrough(p.getByRole('link', { name: 'Where the child is', exact: true }));
    expect(await textOf(p.locator('main'))).toContain('Now at: Review conferences');
  });

  it('the other casework pages pass the accessibility checks', async () => {
    const p = page();
    await signIn(p, 'team.manager');
    const pages: [string, string][] = [
      ['', 'Where the child is'],
      ['/visits', 'Statutory visits'],
      ['/visits/new', 'Record a statutory visit'],
      ['/child-in-need', 'Child in need'],
      ['/closure', 'Close the case'],
      ['/supervision', 'Case supervision'],
      ['/supervision/new', 'Record case supervision'],
      ['/decisions', 'Manager decisions'],
      ['/decisions/new', 'Record a manager’s decision'],
      ['/decisions/step-down', 'Authorise a step-down or closure'],
      ['/protection-plan/core-groups/new', 'Record a core group meeting'],
      ['/protection-plan/end', 'End the child protection plan'],
    ];
    for (const [path, heading] of pages) {
      await p.goto(`${childPath}/casework${path}`);
      await expectHeading(p, heading);
      expect(await accessibilityViolations(p), heading).toEqual([]);
    }
    await p.goto('/supervision');
    await expectHeading(p, 'Supervision of my team');
    expect(await accessibilityViolations(p), 'team supervision').toEqual([]);
  });
});
