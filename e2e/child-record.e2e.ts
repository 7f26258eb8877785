import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { todayInEngland } from '../src/platform/today.js';
import { accessibilityViolations } from './support/accessibility.js';
import {
  button,
  clickThrough,
  expectHeading,
  firstAllocatedChild,
  pathOf,
  signedInAs,
  signIn,
  signOut,
  textOf,
} from './support/actions.js';
import { narrowScreen, usePage } from './support/browser.js';
import { chromiumInstalled } from './support/chromium.js';
import { fillDate } from './support/forms.js';
import { measureWidth } from './support/layout.js';
import { saveScreenshot } from './support/screenshots.js';

const searchLabel = 'Name, date of birth, LA child ID, UPN or postcode';

/** A known child of the demo authority, as the front door would hear of them: name and LA child ID. */
interface KnownChild {
  givenName: string;
  familyName: string;
  laChildId: string;
}

async function readKnownChild(page: Page, personId: string): Promise<KnownChild> {
  await page.goto(`/children/${personId}`);
  const name = await textOf(page.getByRole('heading', { level: 1 }));
  const identity = await textOf(page.getByRole('region', { name: 'Child' }));
  const [givenName = '', ...rest] = name.split(' ');
  return { givenName, familyName: rest.join(' '), laChildId: /LA child ID (\S+)/.exec(identity)?.[1] ?? '' };
}

/** The name as a caller might spell it: one letter of the family name changed, and family name first. */
function misspelt(child: KnownChild): string {
  const name = child.familyName;
  const at = Math.min(3, name.length - 1);
  const swapped = name[at] === 'e' ? 'a' : 'e';
  return `${name.slice(0, at)}${swapped}${name.slice(at + 1)} ${child.givenName}`;
}

async function expectErrorSummary(page: Page): Promise<string> {
  const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) });
  await summary.waitFor();
  return textOf(summary);
}

function personIdIn(path: string): string {
  return path.split('/')[2] ?? '';
}

/**
 * The child's record from the way in to a merge: the front door finds a child from a misspelt
 * name and adds a new one without making a duplicate, a manager allocates, the social worker
 * records what the child said and who the family are, and a manager merges two records of the
 * same child and undoes it. The tests run in order and share the new child.
 */
describe.skipIf(!chromiumInstalled)("the child's record, in the browser", () => {
  const page = usePage();
  const today = todayInEngland();
  let known: KnownChild;
  let newChild = { id: '', laChildId: '', givenName: '', familyName: '' };

  it('a front door officer finds a child from a misspelt name, in either order', async () => {
    await signIn(page(), 'front.door');
    known = await readKnownChild(page(), inject('demoChildId'));
    await page().goto('/');
    await clickThrough(page().getByRole('link', { name: 'Children', exact: true }));
    await expectHeading(page(), 'Find a child');
    await page().getByLabel(searchLabel).fill(misspelt(known));
    await clickThrough(button(page(), 'Search'));

    const row = page()
      .getByRole('table', { name: /found, best match first$/ })
      .getByRole('row')
      .filter({ hasText: known.laChildId });
    await clickThrough(row.getByRole('link', { name: `${known.givenName} ${known.familyName}` }));
    await expectHeading(page(), `${known.givenName} ${known.familyName}`);
  });

  it('a front door officer adds a new child: sees the likely matches, puts a wrong date of birth right, and lands on the new record', async () => {
    await signedInAs(page(), 'front.door');
    await page().goto(`/children?q=${encodeURIComponent(`${known.givenName} ${known.familyName}`)}`);
    await clickThrough(page().getByRole('link', { name: 'Add a child' }));
    await expectHeading(page(), 'Add a child');
    expect(await page().getByLabel('First name').inputValue()).toBe(known.givenName);
    expect(await page().getByLabel('Last name').inputValue()).toBe(known.familyName);
    const nextYear = String(Number(today.slice(0, 4)) + 1);
    await fillDate(page(), 'dateOfBirth', `${nextYear}-03-14`);
    await page().getByLabel('Female').check();
    await page().getByLabel('Address line 1').fill('4 Orchard Close');
    await page().getByLabel('Town or city').fill('Demo Town');
    await page().getByLabel('Postcode').fill('cr0 2aa');
    await clickThrough(button(page(), 'Continue'));

    expect(await expectErrorSummary(page())).toMatch(/Date of birth must be today or in the past/);
    expect(await page().locator('#dateOfBirth-year').inputValue()).toBe(nextYear);
    await fillDate(page(), 'dateOfBirth', '2019-03-14');
    await clickThrough(button(page(), 'Continue'));

    await expectHeading(page(), `Is ${known.givenName} ${known.familyName} already known?`);
    const matches = page().getByRole('table', { name: /^Possible matches/ });
    expect(await textOf(matches)).toContain(known.laChildId);
    await clickThrough(button(page(), 'None of these: add a new record'));

    await expectHeading(page(), `${known.givenName} ${known.familyName}`);
    await page().getByText('The child’s record has been added.').waitFor();
    const identity = await textOf(page().getByRole('region', { name: 'Child' }));
    expect(identity).toContain('Born 14 March 2019');
    const laChildId = /LA child ID (\S+)/.exec(identity)?.[1] ?? '';
    expect(laChildId).not.toBe(known.laChildId);
    newChild = { id: personIdIn(pathOf(page())), laChildId, givenName: known.givenName, familyName: known.familyName };
  });

  it('a team manager allocates the child to a team, then to a social worker, and the history shows both', async () => {
    await signIn(page(), 'team.manager');
    await page().goto(`/children/${newChild.id}`);
    await page().getByText('Not allocated to a team yet.').waitFor();
    await clickThrough(page().getByRole('link', { name: 'Allocate a team and social worker' }));
    await expectHeading(page(), 'Allocate a team and social worker');
    await page().getByLabel('Team', { exact: true }).selectOption({ label: 'Assessment Team North' });
    await clickThrough(button(page(), 'Allocate'));
    await expectHeading(page(), `${newChild.givenName} ${newChild.familyName}`);

    await clickThrough(page().getByRole('link', { name: 'Change allocation' }));
    await page().getByLabel('Social worker', { exact: true }).selectOption({ label: 'Amara Okafor (Assessment Team North)' });
    await page().getByLabel('Managing caseloads').check();
    await clickThrough(button(page(), 'Allocate'));

    const allocated = page().locator('.govuk-summary-list').first();
    expect(await textOf(allocated)).toContain('Amara Okafor, Assessment Team North');
    const history = page().getByRole('table', { name: 'Allocation history, newest first' });
    const rows = history.getByRole('row');
    expect(await rows.count()).toBe(3);
    expect(await textOf(rows.nth(1))).toMatch(/Amara Okafor\s*Assessment Team North.*Now$/);
    expect(await textOf(rows.nth(2))).toMatch(/Team \(no worker\)\s*Assessment Team North/);
  });

  it('the social worker records a case note with the child’s own words, and finds it at the top of the chronology and by filtering', async () => {
    await signIn(page(), 'social.worker');
    await page().goto(`/children/${newChild.id}`);
    await clickThrough(page().getByRole('link', { name: 'Case notes', exact: true }));
    await clickThrough(page().getByRole('link', { name: 'Add a case note' }));
    await page().getByLabel('Home visit').check();
    await fillDate(page(), 'occurredOn', today);
    await page()
      .getByLabel('Case note', { exact: true })
      .fill('First visit at home. Saw her alone in her room; she showed me her drawings.');
    await page().getByLabel('The child’s own words (optional)').fill('I like it when Nan picks me up from school.');
    await clickThrough(button(page(), 'Save case note'));

    await page()
      .getByRole('heading', { name: `In ${newChild.givenName}’s words` })
      .waitFor();
    expect(await textOf(page().locator('blockquote'))).toBe('“I like it when Nan picks me up from school.”');

    await clickThrough(page().getByRole('link', { name: 'Chronology', exact: true }));
    await expectHeading(page(), 'Chronology');
    const entries = page().locator('.moj-timeline__item');
    expect(await textOf(entries.first())).toContain('Home visit: First visit at home.');
    expect(await textOf(entries.first())).toContain('Amara Okafor');
    const everything = await entries.count();
    expect(everything).toBeGreaterThan(1);

    await page().getByLabel('Case notes').check();
    await clickThrough(button(page(), 'Apply filter'));
    expect(await entries.count()).toBe(1);
    expect(await textOf(entries.first())).toContain('Case note');
    await page().getByText('1 entry, newest first (filtered).').waitFor();
    await clickThrough(page().getByRole('link', { name: 'Show everything' }));
    expect(await entries.count()).toBe(everything);
  });

  it('the social worker records a half-sibling and sees the relationship from both children’s records', async () => {
    await signIn(page(), 'social.worker');
    const sibling = await firstAllocatedChild(page());
    await page().goto(`/children/${newChild.id}/family`);
    await clickThrough(page().getByRole('link', { name: 'Add a relative, carer or professional' }));
    await page().getByLabel('Their name').fill(sibling.name);
    await clickThrough(button(page(), 'Search'));
    await clickThrough(
      page()
        .getByRole('link', { name: `Choose ${sibling.name}` })
        .first(),
    );
    await page().getByLabel(`What are they to ${newChild.givenName}?`).selectOption({ label: 'Half-sibling' });
    await page().getByLabel('No', { exact: true }).check();
    await clickThrough(button(page(), 'Add'));

    await expectHeading(page(), 'Family and household');
    const elsewhere = page().getByRole('table', { name: 'Family, carers and professionals elsewhere' });
    const row = elsewhere.getByRole('row').filter({ hasText: sibling.name });
    expect(await textOf(row)).toContain('Half-sibling');

    await clickThrough(row.getByRole('link', { name: sibling.name }));
    await clickThrough(page().getByRole('link', { name: 'Family and household', exact: true }));
    const back = page()
      .getByRole('table', { name: 'Family, carers and professionals elsewhere' })
      .getByRole('row')
      .filter({ hasText: newChild.laChildId });
    expect(await textOf(back)).toContain(`${newChild.givenName} ${newChild.familyName}`);
    expect(await textOf(back)).toContain('Half-sibling');
  });

  it('a team manager merges a second record of the same child into this one, then undoes the merge', async () => {
    await signIn(page(), 'out.of.hours');
    await page().goto('/children/new');
    await page().getByLabel('First name').fill(`${newChild.givenName}`);
    await page().getByLabel('Last name').fill(`${newChild.familyName}e`);
    await fillDate(page(), 'dateOfBirth', '2019-03-14');
    await page().getByLabel('Female').check();
    await clickThrough(button(page(), 'Continue'));
    await clickThrough(button(page(), 'None of these: add a new record'));
    const duplicate = { id: personIdIn(pathOf(page())), name: `${newChild.givenName} ${newChild.familyName}e` };
    await expectHeading(page(), duplicate.name);

    await signOut(page());
    await signIn(page(), 'team.manager');
    await page().goto(`/children/${newChild.id}`);
    await clickThrough(page().getByRole('link', { name: 'Merge with another record of this child' }));
    await expectHeading(page(), 'Merge with another record of this child');
    const likely = page().getByRole('table', { name: 'Records that look like the same child' });
    await clickThrough(likely.getByRole('link', { name: new RegExp(`^Compare with ${duplicate.name},`) }));
    await expectHeading(page(), 'Are these the same child?');
    await page().getByLabel(`This record (${newChild.laChildId})`).check();
    await page()
      .getByLabel('How do you know they are the same child?')
      .fill('Same date of birth and school; out of hours misspelt the surname at night.');
    await clickThrough(button(page(), 'Merge the records'));

    expect(pathOf(page())).toBe(`/children/${newChild.id}`);
    await page().getByText('The records have been merged.').waitFor();
    expect(await textOf(page().getByRole('heading', { name: 'Other names' }).locator('xpath=following-sibling::ul[1]'))).toContain(
      duplicate.name,
    );
    await page().goto(`/children/${duplicate.id}`);
    expect(pathOf(page()), 'the merged record leads to the one kept').toBe(`/children/${newChild.id}`);

    await clickThrough(page().getByRole('link', { name: 'Records merged into this one' }));
    await clickThrough(page().getByRole('button', { name: /^Undo merge/ }));
    await page().getByText('The merge has been undone: both records are as they were.').waitFor();
    await page().goto(`/children/${duplicate.id}`);
    await expectHeading(page(), duplicate.name);
  });
});

/** A page of the child's record in a given state, and how a person gets there from a fresh browser. */
interface RecordPage {
  /** Also the screenshot's file name. */
  name: string;
  open(page: Page): Promise<void>;
}

async function as(page: Page, username: string, path: string): Promise<void> {
  await signedInAs(page, username);
  await page.goto(path);
}

/** A child allocated to the demo social worker, opened from their home page: the record's id and name. */
async function socialWorkersChild(page: Page): Promise<{ id: string; name: string; familyName: string }> {
  await as(page, 'social.worker', '/');
  const child = await firstAllocatedChild(page);
  const href = (await child.link.getAttribute('href')) ?? '';
  return { id: personIdIn(href), name: child.name, familyName: child.familyName };
}

/** The first two children on the team manager's "not allocated" list: both records a manager may merge. */
async function twoUnallocatedChildren(page: Page): Promise<{ id: string; laChildId: string }[]> {
  await as(page, 'team.manager', '/children/not-allocated');
  const rows = page.getByRole('table', { name: /children?$/ }).getByRole('row');
  const children = [];
  for (const n of [1, 2]) {
    const row = rows.nth(n);
    children.push({
      id: personIdIn((await row.getByRole('link').getAttribute('href')) ?? ''),
      laChildId: await textOf(row.getByRole('cell').nth(1)),
    });
  }
  return children;
}

const recordPages: RecordPage[] = [
  {
    name: 'child-search-with-results',
    open: async (page) => {
      const child = await socialWorkersChild(page);
      await page.goto(`/children?q=${encodeURIComponent(child.familyName)}`);
      await page.getByRole('table', { name: /found, best match first$/ }).waitFor();
    },
  },
  {
    name: 'child-summary',
    open: async (page) => {
      const child = await socialWorkersChild(page);
      await page.goto(`/children/${child.id}`);
      await expectHeading(page, child.name);
    },
  },
  {
    name: 'child-add',
    open: async (page) => {
      await as(page, 'front.door', '/children/new');
      await expectHeading(page, 'Add a child');
    },
  },
  {
    name: 'child-add-with-errors',
    open: async (page) => {
      await as(page, 'front.door', '/children/new');
      await fillDate(page, 'dateOfBirth', `${Number(todayInEngland().slice(0, 4)) + 1}-01-01`);
      await clickThrough(button(page, 'Continue'));
      await expectErrorSummary(page);
    },
  },
  {
    name: 'child-possible-matches',
    open: async (page) => {
      await signedInAs(page, 'front.door');
      const child = await readKnownChild(page, inject('demoChildId'));
      const name = `${child.givenName} ${child.familyName}`;
      await page.goto(`/children/new?q=${encodeURIComponent(name)}`);
      await fillDate(page, 'dateOfBirth', '2016-05-20');
      await clickThrough(button(page, 'Continue'));
      await expectHeading(page, `Is ${name} already known?`);
    },
  },
  {
    name: 'child-details',
    open: async (page) => {
      const child = await socialWorkersChild(page);
      await page.goto(`/children/${child.id}/details`);
      await expectHeading(page, 'Change details');
    },
  },
  {
    name: 'child-details-with-errors',
    open: async (page) => {
      const child = await socialWorkersChild(page);
      await page.goto(`/children/${child.id}/details`);
      await page.getByLabel('First name').fill('');
      await clickThrough(button(page, 'Save changes'));
      await expectErrorSummary(page);
    },
  },
  {
    name: 'child-chronology-filtered',
    open: async (page) => {
      const child = await socialWorkersChild(page);
      await page.goto(`/children/${child.id}/chronology?kind=case_note&kind=allocation`);
      await page.getByText(/newest first \(filtered\)/).waitFor();
    },
  },
  {
    name: 'child-chronology',
    open: async (page) => {
      const child = await socialWorkersChild(page);
      await page.goto(`/children/${child.id}/chronology`);
      await expectHeading(page, 'Chronology');
    },
  },
  {
    name: 'child-family',
    open: async (page) => {
      const child = await socialWorkersChild(page);
      await page.goto(`/children/${child.id}/family`);
      await expectHeading(page, 'Family and household');
    },
  },
  {
    name: 'child-add-relative',
    open: async (page) => {
      const child = await socialWorkersChild(page);
      await page.goto(`/children/${child.id}/relationships/new?q=${encodeURIComponent(child.familyName)}`);
      await expectHeading(page, 'Add a relative, carer or professional');
    },
  },
  {
    name: 'child-case-notes',
    open: async (page) => {
      const child = await socialWorkersChild(page);
      await page.goto(`/children/${child.id}/case-notes`);
      await expectHeading(page, 'Case notes');
    },
  },
  {
    name: 'child-case-note-new',
    open: async (page) => {
      const child = await socialWorkersChild(page);
      await page.goto(`/children/${child.id}/case-notes/new`);
      await expectHeading(page, 'Add a case note');
    },
  },
  {
    name: 'child-case-note-new-with-errors',
    open: async (page) => {
      const child = await socialWorkersChild(page);
      await page.goto(`/children/${child.id}/case-notes/new`);
      await clickThrough(button(page, 'Save case note'));
      await expectErrorSummary(page);
    },
  },
  {
    name: 'child-case-note',
    open: async (page) => {
      const child = await socialWorkersChild(page);
      await page.goto(`/children/${child.id}/case-notes`);
      await clickThrough(
        page
          .getByRole('table', { name: /case notes?, newest first$/ })
          .getByRole('link')
          .first(),
      );
      await page.getByText('Case note', { exact: true }).first().waitFor();
    },
  },
  {
    name: 'child-allocation',
    open: async (page) => {
      const [child] = await twoUnallocatedChildren(page);
      await page.goto(`/children/${child?.id}/allocation`);
      await expectHeading(page, 'Allocate a team and social worker');
    },
  },
  {
    name: 'child-allocation-with-errors',
    open: async (page) => {
      const [child] = await twoUnallocatedChildren(page);
      await page.goto(`/children/${child?.id}/allocation`);
      await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Choose a team' });
      await clickThrough(button(page, 'Allocate'));
      await expectErrorSummary(page);
    },
  },
  {
    name: 'children-not-allocated',
    open: async (page) => {
      await as(page, 'team.manager', '/children/not-allocated');
      await expectHeading(page, 'Children not allocated to a team');
    },
  },
  {
    name: 'child-merge-search',
    open: async (page) => {
      const [child, other] = await twoUnallocatedChildren(page);
      await page.goto(`/children/${child?.id}/merge?q=${other?.laChildId}`);
      await page.getByRole('table', { name: 'Search results' }).waitFor();
    },
  },
  {
    name: 'child-merge-compare',
    open: async (page) => {
      const [child, other] = await twoUnallocatedChildren(page);
      await page.goto(`/children/${child?.id}/merge/${other?.id}`);
      await expectHeading(page, 'Are these the same child?');
    },
  },
  {
    name: 'child-merge-compare-with-errors',
    open: async (page) => {
      const [child, other] = await twoUnallocatedChildren(page);
      await page.goto(`/children/${child?.id}/merge/${other?.id}`);
      await clickThrough(button(page, 'Merge the records'));
      await expectErrorSummary(page);
    },
  },
  {
    name: 'child-merges',
    open: async (page) => {
      const [child] = await twoUnallocatedChildren(page);
      await page.goto(`/children/${child?.id}/merges`);
      await expectHeading(page, 'Records merged into this one');
    },
  },
];

/**
 * Each page of the child's record is opened once, then checked twice: axe-core's WCAG 2.2 AA
 * rules on a desktop screen, and no sideways scrolling on a small phone. Screenshots of both
 * widths go to e2e/screenshots/.
 */
describe.skipIf(!chromiumInstalled)("every page of the child's record", () => {
  const page = usePage();

  for (const recordPage of recordPages) {
    it(`${recordPage.name}: no axe-core violations, fits a ${narrowScreen.width} px screen`, async () => {
      await recordPage.open(page());
      await saveScreenshot(page(), recordPage.name);
      expect.soft(await accessibilityViolations(page()), 'axe-core violations (rule, help, where)').toEqual([]);

      await page().setViewportSize(narrowScreen);
      await saveScreenshot(page(), recordPage.name);
      const width = await measureWidth(page());
      expect
        .soft(width.scrollWidth, `scrolls sideways; too wide: ${width.widerThanWindow.join(', ')}`)
        .toBeLessThanOrEqual(narrowScreen.width);
    });
  }
});
