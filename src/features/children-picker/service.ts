import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { childrenVisibleTo, isRecordId } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { formatDate } from '../../platform/view-filters.js';
import { childSummaries, searchChildren } from '../children/service.js';

/** The ids chosen so far, as they arrive in a query string or form: repeated, or one comma-separated value. */
export function chosenIds(value: unknown): string[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return [...new Set(values.flatMap((v) => String(v).split(',')).filter(isRecordId))];
}

/** A query string carrying the chosen children, plus any other parameters. */
export function withChildren(path: string, ids: readonly string[], extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const id of ids) params.append('child', id);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** The pages where staff choose the children a journey is about, by path, with what a back link calls them. */
const pickerPages = new Map<string, string>();

/**
 * Lets "Add a new child" on the picker page at `path` come back to it with the new child chosen.
 * Only pages registered here are ever returned to, so `/children/new?returnTo=` cannot be used to
 * send anyone elsewhere.
 */
export function registerPickerPage(path: string, backText: string): void {
  pickerPages.set(path, backText);
}

/** Where adding a child returns to: a registered picker page and the children chosen there so far. */
export interface PickerReturn {
  path: string;
  backText: string;
  chosenIds: string[];
}

/**
 * Reads an untrusted `returnTo`: a local path of a registered picker page, whose only parameters
 * kept are the chosen children's ids. Anything else (another site, `//host`, a path of no known
 * journey) gives undefined, and the caller goes where it would have gone without it.
 */
export function pickerReturn(value: unknown): PickerReturn | undefined {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return undefined;
  const base = 'http://hearth.invalid';
  const url = URL.canParse(value, base) ? new URL(value, base) : undefined;
  const backText = url?.origin === base ? pickerPages.get(url.pathname) : undefined;
  if (!url || backText === undefined) return undefined;
  return { path: url.pathname, backText, chosenIds: chosenIds(url.searchParams.getAll('child')) };
}

/** The picker page to go back to, with these children chosen as well. */
export function pickerReturnHref(back: PickerReturn, added: readonly string[] = []): string {
  return withChildren(back.path, [...new Set([...back.chosenIds, ...added])]);
}

/**
 * Choosing the children a contact or call is about: the ones chosen so far (only those the person
 * may open) and, for a search term, the children found who are not chosen yet.
 */
export async function pickChildren(db: Kysely<Database>, actor: Actor, selectedIds: readonly string[], term: string) {
  const visible = await childrenVisibleTo(db, actor, selectedIds, 'children.pick');
  const [selected, found] = await Promise.all([
    childSummaries(db, visible),
    term.length >= 2 ? searchChildren(db, actor, term) : Promise.resolve(null),
  ]);
  return { selected, results: found?.filter((child) => !visible.includes(child.id)) ?? null };
}

type ChildSummary = Awaited<ReturnType<typeof childSummaries>>[number];

const bornOrDue = (child: ChildSummary) =>
  child.date_of_birth ? formatDate(child.date_of_birth) : `Unborn, due ${formatDate(child.expected_date_of_birth)}`;

/** The view model of `children-picker/views/picker.njk` for the page at `path`. */
export async function childrenPicker(
  db: Kysely<Database>,
  actor: Actor,
  options: { path: string; chosenIds: readonly string[]; q: string; emptyText: string },
) {
  const { selected, results } = await pickChildren(db, actor, options.chosenIds, options.q);
  const ids = selected.map((child) => child.id);
  return {
    path: options.path,
    q: options.q,
    emptyText: options.emptyText,
    searchError: options.q.length === 1 ? 'Enter at least 2 characters' : undefined,
    chosenIds: ids,
    addChildHref: `/children/new?${new URLSearchParams({ ...(options.q ? { q: options.q } : {}), returnTo: withChildren(options.path, ids) })}`,
    chosen: selected.map((child) => ({
      id: child.id,
      name: `${child.given_name} ${child.family_name}`,
      laChildId: child.la_child_id ?? '',
      dateOfBirth: bornOrDue(child),
      removeHref: withChildren(
        options.path,
        ids.filter((id) => id !== child.id),
        options.q ? { q: options.q } : {},
      ),
    })),
    results:
      results?.map((child) => ({
        name: `${child.given_name} ${child.family_name}`,
        laChildId: child.la_child_id ?? '',
        dateOfBirth: bornOrDue(child),
        addHref: withChildren(options.path, [...ids, child.id]),
      })) ?? null,
  };
}
