import type { Page } from 'playwright-core';
import { button, clickThrough } from './actions.js';

/** Adds a child to the contact or call being recorded: searches the children picker by LA child ID and follows "Add". */
export async function chooseChild(page: Page, laChildId: string): Promise<string> {
  await page.getByLabel('Search by name, date of birth (YYYY-MM-DD) or LA child ID').fill(laChildId);
  await clickThrough(button(page, 'Search'));
  const row = page
    .getByRole('table', { name: /found$/ })
    .getByRole('row')
    .filter({ hasText: laChildId });
  const name = ((await row.getByRole('cell').first().textContent()) ?? '').trim();
  await clickThrough(row.getByRole('link', { name: /^Add/ }));
  return name;
}

/** Fills a GOV.UK date input (ids `<id>-day`, `-month`, `-year`) with a YYYY-MM-DD date. */
export async function fillDate(page: Page, id: string, date: string): Promise<void> {
  await page.locator(`#${id}-day`).fill(String(Number(date.slice(8, 10))));
  await page.locator(`#${id}-month`).fill(String(Number(date.slice(5, 7))));
  await page.locator(`#${id}-year`).fill(date.slice(0, 4));
}
